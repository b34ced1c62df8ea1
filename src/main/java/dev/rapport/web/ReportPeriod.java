package dev.rapport.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The report's period around a date, as the API and the CLI choose it: the day, its ISO week
 * (Monday to Sunday) or its month; previous and next step by the same period.
 */
record ReportPeriod(String code, LocalDate date, LocalDate from, LocalDate to) {
    static final List<String> CODES = List.of("day", "week", "month");

    static ReportPeriod of(String code, LocalDate date) {
        String c = code != null && CODES.contains(code) ? code : "week";
        return switch (c) {
            case "day" -> new ReportPeriod(c, date, date, date);
            case "month" -> new ReportPeriod(c, date, date.withDayOfMonth(1), date.withDayOfMonth(date.lengthOfMonth()));
            default -> {
                LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new ReportPeriod(c, date, monday, monday.plusDays(6));
            }
        };
    }

    // public: the template calls these
    public LocalDate previous() {
        return switch (code) {
            case "day" -> date.minusDays(1);
            case "month" -> date.minusMonths(1);
            default -> date.minusWeeks(1);
        };
    }

    public LocalDate next() {
        return switch (code) {
            case "day" -> date.plusDays(1);
            case "month" -> date.plusMonths(1);
            default -> date.plusWeeks(1);
        };
    }

    /** "Monday 23 November 2026", "23–29 Nov 2026", "November 2026". */
    public String label() {
        return switch (code) {
            case "day" -> Formats.longDay(from);
            case "month" -> Formats.month(from);
            default -> Formats.range(from, to);
        };
    }

    boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
