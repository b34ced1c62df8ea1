package dev.rapport.clients;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum Direction {
    OUTBOUND, INBOUND;

    /** Kept, not lower-cased on each call: every touch written or read asks for it. */
    private final String code = name().toLowerCase(Locale.ROOT);

    public String code() {
        return code;
    }

    public static Optional<Direction> fromCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code().equals(code)).findFirst();
    }
}
