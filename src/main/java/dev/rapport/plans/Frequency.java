package dev.rapport.plans;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.rapport.shared.InvalidInputException;

/**
 * How often an activity recurs, as occurrences per month (PRODUCT.md): daily 365/12, weekly 52/12,
 * biweekly 26/12, monthly 1, quarterly 1/3, semiannually 1/6, yearly 1/12, or "N times per unit" /
 * "every N units". Always positive.
 */
public record Frequency(String text, double perMonth) {
    private static final Map<String, Double> NAMED = Map.of("daily", 365 / 12.0, "weekly", 52 / 12.0,
            "biweekly", 26 / 12.0, "monthly", 1.0, "quarterly", 1 / 3.0, "semiannually", 1 / 6.0, "yearly", 1 / 12.0);
    private static final Map<String, Double> UNITS = Map.of("day", 365 / 12.0, "week", 52 / 12.0, "month", 1.0,
            "quarter", 1 / 3.0, "year", 1 / 12.0);
    private static final Pattern TIMES = Pattern.compile("(\\d{1,3})\\s*(?:x|times?)?\\s*(?:per|a|/)\\s*(day|week|month|quarter|year)");
    private static final Pattern EVERY = Pattern.compile("every\\s+(\\d{1,3})\\s+(day|week|month|quarter|year)s?");

    public Frequency {
        if (!(perMonth > 0)) {
            throw new IllegalArgumentException("a frequency is positive");
        }
    }

    public static Frequency parse(String text, String field) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (NAMED.containsKey(t)) {
            return new Frequency(t, NAMED.get(t));
        }
        Matcher times = TIMES.matcher(t);
        if (times.matches() && Integer.parseInt(times.group(1)) > 0) {
            return new Frequency(t, Integer.parseInt(times.group(1)) * UNITS.get(times.group(2)));
        }
        Matcher every = EVERY.matcher(t);
        if (every.matches() && Integer.parseInt(every.group(1)) > 0) {
            return new Frequency(t, UNITS.get(every.group(2)) / Integer.parseInt(every.group(1)));
        }
        throw new InvalidInputException(field, "'" + text + "' is not a frequency: daily, weekly, biweekly, monthly, "
                + "quarterly, semiannually, yearly, '3 times per week' or 'every 2 months'");
    }

    /** Days in one period of this frequency (a month is 365/12 days). */
    public double periodDays() {
        return 365 / 12.0 / perMonth;
    }
}
