package dev.rapport.api;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.rapport.attention.AttentionService;
import dev.rapport.attention.TierCadence;
import dev.rapport.clients.Channel;
import dev.rapport.clients.ChannelWeights;
import dev.rapport.clients.ClientService;
import dev.rapport.shared.Problems;
import dev.rapport.teams.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/settings")
@Tag(name = "Settings", description = "Tier cadences and channel weights of your team")
class SettingsController {
    private final AttentionService attention;
    private final ClientService clients;

    SettingsController(AttentionService attention, ClientService clients) {
        this.attention = attention;
        this.clients = clients;
    }

    /** richEveryDays null = no rich-contact rule; rank: higher = more important (A 3, B 2, C 1). */
    record TierCadenceDto(String tier, Integer rank, Integer idealDays, Integer maxDays, Integer richEveryDays) {
        static TierCadenceDto of(TierCadence c) {
            return new TierCadenceDto(c.tier(), c.rank(), c.idealDays(), c.maxDays(), c.richEveryDays());
        }
    }

    @GetMapping("/cadences")
    @Operation(summary = "Tier cadences")
    List<TierCadenceDto> cadences(CurrentUser user) {
        return attention.cadences(user.teamId()).stream().map(TierCadenceDto::of).toList();
    }

    @PutMapping("/cadences")
    @Operation(summary = "Replace the tier cadences",
            description = "A tier still used by clients cannot be removed (409).")
    List<TierCadenceDto> setCadences(CurrentUser user, @RequestBody List<TierCadenceDto> request) {
        Problems problems = new Problems();
        for (int i = 0; i < request.size(); i++) {
            TierCadenceDto c = request.get(i);
            problems.check(c != null && c.idealDays() != null, "tiers[" + i + "].idealDays", "is required")
                    .check(c != null && c.maxDays() != null, "tiers[" + i + "].maxDays", "is required");
        }
        problems.throwIfAny();
        int fallbackRank = request.size();
        List<TierCadence> cadences = new java.util.ArrayList<>();
        for (int i = 0; i < request.size(); i++) {
            TierCadenceDto c = request.get(i);
            cadences.add(new TierCadence(c.tier(), c.rank() != null ? c.rank() : fallbackRank - i, c.idealDays(),
                    c.maxDays(), c.richEveryDays()));
        }
        return attention.replaceCadences(user, cadences).stream().map(TierCadenceDto::of).toList();
    }

    @GetMapping("/channel-weights")
    @Operation(summary = "Channel richness weights", description = "Weight 3 or more counts as rich contact.")
    Map<String, Integer> weights(CurrentUser user) {
        return dto(clients.channelWeights(user.teamId()));
    }

    @PutMapping("/channel-weights")
    @Operation(summary = "Set channel weights", description = "Channels left out keep their default weight.")
    Map<String, Integer> setWeights(CurrentUser user, @RequestBody Map<String, Integer> request) {
        Problems problems = new Problems();
        Map<Channel, Integer> weights = new EnumMap<>(Channel.class);
        request.forEach((code, weight) -> Channel.fromCode(code).ifPresentOrElse(c -> weights.put(c, weight),
                () -> problems.add(code, "is not a channel; use one of " + Channel.codes())));
        problems.throwIfAny();
        return dto(clients.setChannelWeights(user, weights));
    }

    private static Map<String, Integer> dto(ChannelWeights weights) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Channel c : Channel.values()) {
            out.put(c.code(), weights.weight(c));
        }
        return out;
    }
}
