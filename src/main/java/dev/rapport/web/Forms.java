package dev.rapport.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.rapport.shared.Problems;

/** Parsing of raw form strings; problems use the form's own field names. */
final class Forms {
    private Forms() {
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Blank is null; anything else must be a whole number. */
    static Integer optionalInt(String raw, String field, Problems problems) {
        if (blank(raw)) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            problems.add(field, "must be a whole number");
            return null;
        }
    }

    static Long optionalLong(String raw, String field, Problems problems) {
        if (blank(raw)) {
            return null;
        }
        try {
            return Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            problems.add(field, "must be a whole number");
            return null;
        }
    }

    /** Dates arrive as ISO yyyy-mm-dd from date inputs (and from people typing into them). */
    static LocalDate optionalDate(String raw, String field, Problems problems) {
        if (blank(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            problems.add(field, "must be a date such as 2026-12-31");
            return null;
        }
    }

    /** One value per line; blank lines are dropped. */
    static List<String> lines(String raw) {
        return blank(raw) ? List.of() : Arrays.stream(raw.split("\\R")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** Values separated by commas or new lines. */
    static List<String> commaList(String raw) {
        return blank(raw) ? List.of() : Arrays.stream(raw.split("[,\\n\\r]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }

    static String code(String s) {
        return blank(s) ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
