package dev.rapport.attention;

import java.util.List;

/**
 * A tier's cadence: contact ideally every idealDays, never later than maxDays, and (optionally)
 * a rich contact (weight >= 3) every richEveryDays. Higher rank = more important tier.
 */
public record TierCadence(String tier, int rank, int idealDays, int maxDays, Integer richEveryDays) {

    /** Defaults from PRODUCT.md: A 7/14 rich 30, B 14/30 rich 90, C 30/90 no rich rule. */
    public static List<TierCadence> defaults() {
        return List.of(new TierCadence("A", 3, 7, 14, 30), new TierCadence("B", 2, 14, 30, 90),
                new TierCadence("C", 1, 30, 90, null));
    }
}
