package dev.rapport.promises;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** open -> kept | broken | renegotiated; a renegotiated promise stays pending under its new date. */
public enum PromiseStatus {
    OPEN, KEPT, BROKEN, RENEGOTIATED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean pending() {
        return this == OPEN || this == RENEGOTIATED;
    }

    public static Optional<PromiseStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
