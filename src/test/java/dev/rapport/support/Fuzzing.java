package dev.rapport.support;

import java.util.List;
import java.util.Locale;

/**
 * What every fuzz test asserts about the messages people see: plain words, never a Java exception,
 * a class name or a stack frame. Anything else a target throws is a finding (Jazzer reports it).
 */
public final class Fuzzing {
    private static final List<String> LEAKS = List.of("exception", "java.", "at dev.", "tools.jackson", "ezvcard.",
            "de.siegmar", "org.springframework", "null pointer");

    private Fuzzing() {
    }

    /** A message shown to a user: not blank, and naming no Java internals. */
    public static void assertClear(String what, String message) {
        if (message == null || message.isBlank()) {
            throw new AssertionError(what + ": an empty message");
        }
        String lower = message.toLowerCase(Locale.ROOT);
        for (String leak : LEAKS) {
            if (lower.contains(leak)) {
                throw new AssertionError(what + ": the message names Java internals ('" + leak + "'): " + message);
            }
        }
    }
}
