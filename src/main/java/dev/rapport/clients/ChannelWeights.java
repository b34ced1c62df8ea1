package dev.rapport.clients;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A team's channel richness weights; channels weighing 3 or more are rich contact. */
public record ChannelWeights(Map<Channel, Integer> weights) {
    public ChannelWeights {
        EnumMap<Channel, Integer> all = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            all.put(c, weights.getOrDefault(c, c.defaultWeight()));
        }
        weights = Map.copyOf(all);
    }

    public static ChannelWeights defaults() {
        return new ChannelWeights(Map.of());
    }

    public int weight(Channel channel) {
        return weights.get(channel);
    }

    public boolean rich(Channel channel) {
        return weight(channel) >= Channel.RICH_WEIGHT;
    }

    public Set<Channel> richChannels() {
        EnumSet<Channel> rich = EnumSet.noneOf(Channel.class);
        weights.forEach((c, w) -> {
            if (w >= Channel.RICH_WEIGHT) {
                rich.add(c);
            }
        });
        return rich;
    }
}
