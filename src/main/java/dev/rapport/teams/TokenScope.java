package dev.rapport.teams;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an API token may do: read only, or everything the user's role allows. */
public enum TokenScope {
    READ, READ_WRITE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TokenScope> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
