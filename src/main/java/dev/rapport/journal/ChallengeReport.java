package dev.rapport.journal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The 24-hour challenge report over a range of local days (seed 000): shares per category next to
 * the published benchmark, the three-class split, customer-facing share, the share that contributes
 * to customer needs, untracked time, the trend by ISO week and plain-language observations.
 * Pure: built from totals the database aggregated.
 */
public record ChallengeReport(LocalDate from, LocalDate to, double loggedMinutes, double untrackedMinutes,
                              double untrackedWorkingMinutes, List<Row> rows, Map<CategoryClass, Share> classes,
                              double customerFacingShare, double contributesShare, List<Day> days,
                              List<Week> weeks, List<String> observations) {

    /** Working day used for "untracked time in the working day" (Monday to Friday). */
    public static final int WORKING_DAY_MINUTES = 8 * 60;

    public record CategoryTotal(String category, long seconds, long contributesSeconds) {
    }

    public record DayTotal(LocalDate day, long loggedSeconds, long externalSeconds, long firefightingSeconds) {
    }

    public record Row(String category, String label, CategoryClass categoryClass, double minutes, double share,
                      Double benchmark, Double pointsVsBenchmark) {
    }

    public record Share(double minutes, double share) {
    }

    public record Day(LocalDate day, double hours, double loggedMinutes, double untrackedMinutes) {
    }

    public record Week(LocalDate monday, double loggedMinutes, double customerFacingShare, double firefightingShare,
                       double internalShare) {
    }

    /** today: days after it are not over yet, so they count no untracked time. */
    public static ChallengeReport build(LocalDate from, LocalDate to, LocalDate today, ZoneId zone,
                                        List<Category> categories, List<CategoryTotal> totals,
                                        List<DayTotal> dayTotals) {
        long logged = totals.stream().mapToLong(CategoryTotal::seconds).sum();
        long contributes = totals.stream().mapToLong(CategoryTotal::contributesSeconds).sum();
        Map<String, Category> byCode = new LinkedHashMap<>();
        categories.forEach(c -> byCode.put(c.code(), c));
        Map<String, Long> seconds = new LinkedHashMap<>();
        categories.forEach(c -> seconds.put(c.code(), 0L));
        totals.forEach(t -> seconds.merge(t.category(), t.seconds(), Long::sum));

        List<Row> rows = new ArrayList<>();
        Map<CategoryClass, Long> classSeconds = new EnumMap<>(CategoryClass.class);
        for (CategoryClass c : CategoryClass.values()) {
            classSeconds.put(c, 0L);
        }
        seconds.forEach((code, s) -> {
            Category c = byCode.getOrDefault(code, new Category(code, code, CategoryClass.INTERNAL, null, false));
            double share = share(s, logged);
            Double points = c.benchmarkPercent() == null || logged == 0 ? null : share - c.benchmarkPercent();
            rows.add(new Row(code, c.label(), c.categoryClass(), s / 60.0, share, c.benchmarkPercent(), points));
            classSeconds.merge(c.categoryClass(), s, Long::sum);
        });
        Map<CategoryClass, Share> classes = new EnumMap<>(CategoryClass.class);
        classSeconds.forEach((c, s) -> classes.put(c, new Share(s / 60.0, share(s, logged))));

        List<Day> days = days(from, to, today, zone, dayTotals);
        double untracked = days.stream().mapToDouble(Day::untrackedMinutes).sum();
        double untrackedWorking = workingGap(days);
        List<Week> weeks = weeks(dayTotals);
        double customerFacing = share(classSeconds.get(CategoryClass.EXTERNAL_CONNECTION), logged);
        List<String> observations = observe(rows, customerFacing, classes, untrackedWorking, logged);
        return new ChallengeReport(from, to, logged / 60.0, untracked, untrackedWorking, rows, classes,
                customerFacing, share(contributes, logged), days, weeks, observations);
    }

    static double share(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static List<Day> days(LocalDate from, LocalDate to, LocalDate today, ZoneId zone,
                                  List<DayTotal> totals) {
        Map<LocalDate, Long> logged = new TreeMap<>();
        totals.forEach(t -> logged.merge(t.day(), t.loggedSeconds(), Long::sum));
        List<Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            long length = DayTally.window(d, zone).seconds();
            long s = logged.getOrDefault(d, 0L);
            long untracked = d.isAfter(today) ? 0 : Math.max(0, length - s);
            days.add(new Day(d, length / 3600.0, s / 60.0, untracked / 60.0));
        }
        return days;
    }

    private static double workingGap(List<Day> days) {
        return days.stream().filter(d -> d.untrackedMinutes() > 0)
                .filter(d -> d.day().getDayOfWeek() != DayOfWeek.SATURDAY && d.day().getDayOfWeek() != DayOfWeek.SUNDAY)
                .mapToDouble(d -> Math.max(0, WORKING_DAY_MINUTES - d.loggedMinutes())).sum();
    }

    private static List<Week> weeks(List<DayTotal> totals) {
        Map<LocalDate, long[]> byWeek = new TreeMap<>();
        for (DayTotal t : totals) {
            LocalDate monday = t.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            long[] sums = byWeek.computeIfAbsent(monday, k -> new long[3]);
            sums[0] += t.loggedSeconds();
            sums[1] += t.externalSeconds();
            sums[2] += t.firefightingSeconds();
        }
        List<Week> weeks = new ArrayList<>();
        byWeek.forEach((monday, s) -> weeks.add(new Week(monday, s[0] / 60.0, share(s[1], s[0]), share(s[2], s[0]),
                share(s[0] - s[1] - s[2], s[0]))));
        return weeks;
    }

    private static List<String> observe(List<Row> rows, double customerFacing, Map<CategoryClass, Share> classes,
                                        double untrackedWorking, long logged) {
        List<String> notes = new ArrayList<>();
        if (logged == 0) {
            notes.add("Nothing is logged in this period yet: start with `rapport log 30m email`.");
            return notes;
        }
        rows.stream().filter(r -> r.pointsVsBenchmark() != null && r.minutes() > 0
                        && !r.category().equals(Category.CLIENT_INTERACTION))
                .max(Comparator.comparingDouble(r -> Math.abs(r.pointsVsBenchmark())))
                .ifPresent(r -> notes.add(String.format(Locale.ROOT, "%s took %s of your logged time, %s %s the "
                                + "benchmark (%s).", r.label(), pct(r.share()), points(Math.abs(r.pointsVsBenchmark())),
                        r.pointsVsBenchmark() >= 0 ? "above" : "below", pct(r.benchmark()))));
        double benchmark = 4.0;
        notes.add(String.format(Locale.ROOT, "Customer-facing time was %s of what you logged; the study found %s%s.",
                pct(customerFacing), pct(benchmark), customerFacing >= benchmark
                        ? String.format(Locale.ROOT, ", so you are %s above it", points(customerFacing - benchmark))
                        : ": the relationship is the one thing that can never be outsourced"));
        double fires = classes.get(CategoryClass.FIREFIGHTING).share();
        if (fires >= 10) {
            notes.add(String.format(Locale.ROOT, "Firefighting took %s: what could be prevented upstream?",
                    pct(fires)));
        } else if (untrackedWorking >= 60) {
            notes.add(String.format(Locale.ROOT, "%.1f h of working time on weekdays was not logged.",
                    untrackedWorking / 60));
        }
        return notes;
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v);
    }

    private static String points(double v) {
        long rounded = Math.round(v);
        return rounded == 1 ? "1 point" : rounded + " points";
    }
}
