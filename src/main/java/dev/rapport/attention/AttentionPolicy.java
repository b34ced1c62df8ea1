package dev.rapport.attention;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A team's cadence configuration as the engine sees it. */
public record AttentionPolicy(Map<String, TierCadence> tiers, String richChannels) {

    public AttentionPolicy {
        tiers = Map.copyOf(tiers);
    }

    public static AttentionPolicy of(List<TierCadence> tiers, String richChannels) {
        return new AttentionPolicy(tiers.stream().collect(Collectors.toMap(TierCadence::tier, Function.identity())),
                richChannels);
    }

    /** A client whose tier was removed still gets the least demanding configured cadence. */
    TierCadence tier(String tier) {
        TierCadence cadence = tiers.get(tier);
        if (cadence != null) {
            return cadence;
        }
        return tiers.values().stream().min(java.util.Comparator.comparingInt(TierCadence::rank))
                .orElse(new TierCadence(tier, 0, 30, 90, null));
    }
}
