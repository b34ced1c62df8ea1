package dev.rapport.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and labels as people read them; the UI is in English, whatever the server's locale. */
final class Formats {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm",
            Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
            Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_WEEKDAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private Formats() {
    }

    static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    static String longDay(LocalDate date) {
        return WEEKDAY.format(date);
    }

    static String dayTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : DAY_TIME.format(instant.atZone(zone));
    }

    /** "today", "yesterday", "12 days ago". */
    static String ago(long days) {
        if (days <= 0) {
            return "today";
        }
        return days == 1 ? "yesterday" : days + " days ago";
    }

    static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }

    /** face_to_face reads as "Face to face". */
    static String label(String code) {
        String words = code.replace('_', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** "Mon 23 Nov". */
    static String shortDay(LocalDate date) {
        return SHORT_WEEKDAY.format(date);
    }

    static String month(LocalDate date) {
        return MONTH.format(date);
    }

    /** "23–29 Nov 2026", "30 Nov – 6 Dec 2026", "29 Dec 2026 – 4 Jan 2027"; one day is just that day. */
    static String range(LocalDate from, LocalDate to) {
        if (from.equals(to)) {
            return day(from);
        }
        if (from.getYear() != to.getYear()) {
            return day(from) + " – " + day(to);
        }
        if (from.getMonth() != to.getMonth()) {
            return DAY_MONTH.format(from) + " – " + day(to);
        }
        return from.getDayOfMonth() + "–" + day(to);
    }

    static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    /** Whole minutes for people: "45 min", "2 h", "1 h 30 min". */
    static String minutes(double minutes) {
        long m = Math.round(minutes);
        if (m < 60) {
            return m + " min";
        }
        return m % 60 == 0 ? m / 60 + " h" : m / 60 + " h " + m % 60 + " min";
    }

    /** A share of logged time: "12.5%". */
    static String percent(double share) {
        return String.format(Locale.ENGLISH, "%.1f%%", share);
    }

    /** Percentage points against a benchmark, signed with a real minus: "+2.5 pts", "−3.0 pts". */
    static String points(Double points) {
        if (points == null) {
            return "—";
        }
        String value = String.format(Locale.ENGLISH, "%.1f pts", Math.abs(points));
        if (value.equals("0.0 pts")) {
            return "±" + value;
        }
        return (points > 0 ? "+" : "\u2212") + value;
    }

    /** A number for machines (data attributes read by scripts): always a dot, never grouping. */
    static String machine(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A deal's value: "450,000" or "1,250.50"; empty when none was given. */
    static String amount(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    /** "today", "tomorrow", "in 3 days", "yesterday", "3 days ago". */
    static String relative(LocalDate date, LocalDate today) {
        long days = date.toEpochDay() - today.toEpochDay();
        if (days == 0) {
            return "today";
        }
        if (days == 1) {
            return "tomorrow";
        }
        return days > 0 ? "in " + days + " days" : ago(-days);
    }
}
