package dev.rapport.clients;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum ClientStatus {
    PROSPECT, ACTIVE, PAST;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ClientStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
