package dev.rapport.clients;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum Direction {
    OUTBOUND, INBOUND;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Direction> fromCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code().equals(code)).findFirst();
    }
}
