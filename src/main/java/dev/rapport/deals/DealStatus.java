package dev.rapport.deals;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum DealStatus {
    OPEN, WON, LOST;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DealStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
