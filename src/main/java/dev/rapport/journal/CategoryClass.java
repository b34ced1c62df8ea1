package dev.rapport.journal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three classes of the 24-hour challenge: time with clients, putting out fires, everything else. */
public enum CategoryClass {
    EXTERNAL_CONNECTION, FIREFIGHTING, INTERNAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CategoryClass> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
    }
}
