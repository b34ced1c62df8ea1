package dev.rapport.shared;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** Opaque keyset cursor: a few string parts, URL-safe base64 encoded. */
public final class Cursor {
    private static final String SEP = "\u001f";
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z");

    private Cursor() {
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEP, parts).getBytes(StandardCharsets.UTF_8));
    }

    /** A one-part cursor holding an id (keyset pagination by id). */
    public static long decodeId(String cursor) {
        try {
            return Long.parseLong(decode(cursor, 1).get(0));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this API");
        }
    }

    /** The usual keyset position: a sort key and the id that breaks its ties. */
    public record After<K>(K key, long id) {
    }

    /** A cursor after a row with this sort key (its text form) and id. */
    public static String after(Object key, long id) {
        return encode(key.toString(), Long.toString(id));
    }

    /** Reads a cursor made by {@link #after}, the key parsed back by {@code parse}; a bad one is the field's fault. */
    public static <K> After<K> after(String cursor, Function<String, K> parse) {
        List<String> parts = decode(cursor, 2);
        try {
            return new After<>(parse.apply(parts.get(0)), Long.parseLong(parts.get(1)));
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this API");
        }
    }

    /** An instant read from a cursor, in the years a database column holds (1 to 9999), or an exception. */
    public static Instant instant(String text) {
        Instant at = Instant.parse(text);
        if (at.isBefore(FIRST) || !at.isBefore(AFTER_LAST)) {
            throw new DateTimeException("out of range: " + text);
        }
        return at;
    }

    /** A date read from a cursor, in the years a database column holds (1 to 9999), or an exception. */
    public static LocalDate date(String text) {
        LocalDate day = LocalDate.parse(text);
        if (day.getYear() < 1 || day.getYear() > 9999) {
            throw new DateTimeException("out of range: " + text);
        }
        return day;
    }

    /** Decodes a cursor with the expected number of parts or reports the field as invalid. */
    public static List<String> decode(String cursor, int parts) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> split = List.of(raw.split(SEP, -1));
            if (split.size() != parts) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return split;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this API");
        }
    }
}
