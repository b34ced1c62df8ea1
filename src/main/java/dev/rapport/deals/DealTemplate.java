package dev.rapport.deals;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.rapport.shared.Problems;

/**
 * The milestones a kind of deal goes through. listingFrom is the position from which an open deal
 * counts as an active listing (null when the template has no listing); the last milestone closes it.
 */
public record DealTemplate(long id, String name, List<String> milestones, Integer listingFrom, boolean builtin) {
    public static final String HOME_SALE = "home sale";

    public DealTemplate {
        milestones = List.copyOf(milestones);
    }

    /** The built-in template (PRODUCT.md): a listing is active from "listed" until "closing". */
    public static DealTemplate homeSale() {
        return new DealTemplate(0, HOME_SALE, List.of("listing agreement signed", "photos and listing prepared",
                "listed", "showings", "offer received", "offer accepted", "inspection", "appraisal",
                "financing approved", "closing"), 2, true);
    }

    static void validate(String name, List<String> milestones, Integer listingFrom) {
        Problems problems = new Problems()
                .check(name != null && !name.isBlank() && name.length() <= 100, "name", "must be 1 to 100 characters")
                .check(milestones != null && milestones.size() >= 1 && milestones.size() <= 50, "milestones",
                        "must list 1 to 50 milestones");
        Set<String> seen = new HashSet<>();
        for (int i = 0; milestones != null && i < milestones.size(); i++) {
            String m = milestones.get(i);
            problems.check(m != null && !m.isBlank() && m.length() <= 100, "milestones[" + i + "]",
                    "must be 1 to 100 characters");
            problems.check(m == null || seen.add(m.strip().toLowerCase(Locale.ROOT)), "milestones[" + i + "]",
                    "repeats the name '" + m + "'");
        }
        problems.check(listingFrom == null || milestones == null || (listingFrom >= 0 && listingFrom
                < milestones.size()), "listingFrom", "must be the position (0-based) of a milestone");
        problems.throwIfAny();
    }
}
