package dev.rapport.plans;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Whether a user's plans fit the client-facing time they really have (PRODUCT.md, "Plans"):
 * active plans fill the capacity by client tier (most important first), then by creation; every
 * plan whose running total exceeds the capacity overflows. Pure.
 */
public record Sustainability(double requiredHours, double capacityHours, String capacitySource, Double ratio,
                             List<PlanLoad> plans, List<String> suggestions) {

    /** A plan's place in the fill order. */
    public record PlanLoad(Plan plan, String clientName, int tierRank, double hours, double runningTotal,
                           boolean overflows) {
    }

    public record Input(Plan plan, String clientName, int tierRank) {
    }

    public boolean sustainable() {
        return ratio != null && ratio <= 1.0;
    }

    public static Sustainability of(List<Input> plans, double capacityHours, String capacitySource) {
        List<Input> order = new ArrayList<>(plans.stream().filter(p -> p.plan().active()).toList());
        order.sort(Comparator.comparingInt(Input::tierRank).reversed()
                .thenComparing(p -> p.plan().createdAt()).thenComparingLong(p -> p.plan().id()));
        List<PlanLoad> loads = new ArrayList<>();
        double running = 0;
        for (Input p : order) {
            double hours = p.plan().hoursPerMonth();
            running += hours;
            boolean overflows = capacityHours <= 0 || running > capacityHours + 1e-9;
            loads.add(new PlanLoad(p.plan(), p.clientName(), p.tierRank(), hours, running, overflows));
        }
        // no capacity: any required time is an infinite ratio (null); nothing required is 0
        Double ratio = null;
        if (capacityHours > 0) {
            ratio = running / capacityHours;
        } else if (running == 0) {
            ratio = 0.0;
        }
        return new Sustainability(running, capacityHours, capacitySource, ratio, loads,
                suggestions(loads, running, capacityHours));
    }

    /** Which activities of the overflowing plans to thin out or hand over, biggest savings first. */
    private static List<String> suggestions(List<PlanLoad> loads, double required, double capacity) {
        List<String> out = new ArrayList<>();
        double excess = required - capacity;
        if (excess <= 1e-9 && capacity > 0) {
            return out;
        }
        record Cut(String text, double saves) {
        }
        List<Cut> cuts = new ArrayList<>();
        for (PlanLoad load : loads) {
            if (!load.overflows()) {
                continue;
            }
            for (Plan.Activity a : load.plan().activities()) {
                cuts.add(new Cut(String.format(Locale.ROOT, "%s for %s (%s, %.1f h a month): doing it half as often "
                                + "saves %.1f h, handing it over saves all of it", a.name(), load.clientName(),
                        a.frequency().text(), a.hoursPerMonth(), a.hoursPerMonth() / 2), a.hoursPerMonth()));
            }
        }
        cuts.sort(Comparator.comparingDouble(Cut::saves).reversed());
        if (capacity <= 0) {
            // worded for whoever reads it: the member, or their owner or manager (the same check)
            out.add("No client-facing capacity measured or declared: a few weeks of logged time, or a declared "
                    + "capacity, will give one.");
        } else {
            out.add(String.format(Locale.ROOT, "The plans need %.1f h a month more than the %.1f h of client-facing "
                    + "time available.", excess, capacity));
        }
        cuts.stream().limit(3).forEach(c -> out.add(c.text()));
        return out;
    }
}
