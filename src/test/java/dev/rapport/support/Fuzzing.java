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
        assertClear(what, message, "");
    }

    /**
     * The same for a message that may quote the input: what the input itself says is not a leak
     * (the fuzzer soon learns to write "java." into a category name).
     */
    public static void assertClear(String what, String message, String input) {
        if (message == null || message.isBlank()) {
            throw new AssertionError(what + ": an empty message");
        }
        String lower = message.toLowerCase(Locale.ROOT);
        String quoted = input == null ? "" : input.toLowerCase(Locale.ROOT);
        for (String leak : LEAKS) {
            if (lower.contains(leak) && !quoted.contains(leak)) {
                throw new AssertionError(what + ": the message names Java internals ('" + leak + "'): " + message);
            }
        }
    }

    /** Bytes as text every way a reader may have decoded them, for {@link #assertClear(String, String, String)}. */
    public static String text(byte[] input) {
        return new String(input, java.nio.charset.StandardCharsets.UTF_8) + "\n"
                + new String(input, java.nio.charset.StandardCharsets.ISO_8859_1) + "\n"
                + new String(input, java.nio.charset.StandardCharsets.UTF_16LE) + "\n"
                + new String(input, java.nio.charset.StandardCharsets.UTF_16BE);
    }
}
