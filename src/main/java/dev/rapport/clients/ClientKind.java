package dev.rapport.clients;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** External customer, or an internal one: a colleague or department the user serves. */
public enum ClientKind {
    EXTERNAL, INTERNAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ClientKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }
}
