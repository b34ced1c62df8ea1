package dev.rapport.clients;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a touch happened; richer channels carry more weight (seed 004 ranks them). */
public enum Channel {
    TEXT(1), SOCIAL(1), CHAT(1), EMAIL(1), LETTER(2), PHONE(3), VIDEO(4), FACE_TO_FACE(5);

    /** Weight from which a touch counts as rich contact. */
    public static final int RICH_WEIGHT = 3;

    private final int defaultWeight;
    /** Kept, not lower-cased on each call: every touch written or read asks for it. */
    private final String code = name().toLowerCase(Locale.ROOT);

    Channel(int defaultWeight) {
        this.defaultWeight = defaultWeight;
    }

    public int defaultWeight() {
        return defaultWeight;
    }

    public String code() {
        return code;
    }

    public static Optional<Channel> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
    }

    public static String codes() {
        return Arrays.stream(values()).map(Channel::code).collect(Collectors.joining(", "));
    }
}
