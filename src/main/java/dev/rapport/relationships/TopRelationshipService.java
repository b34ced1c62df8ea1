package dev.rapport.relationships;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.rapport.clients.Client;
import dev.rapport.clients.ClientService;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.NotFoundException;
import dev.rapport.shared.Problems;
import dev.rapport.teams.CurrentUser;

/** The user's top relationships (at most ten), rated 1-10 now and as a target, over time. */
@Service
public class TopRelationshipService {
    public static final int MAX = 10;

    private final TopRepository repo;
    private final ClientService clients;
    private final Clock clock;

    TopRelationshipService(TopRepository repo, ClientService clients, Clock clock) {
        this.repo = repo;
        this.clients = clients;
        this.clock = clock;
    }

    /** The list with the gap to target and its change since the previous rating. */
    public List<TopRelationship> list(CurrentUser user) {
        Map<ClientId, List<Rating>> ratings = repo.latestRatings(user.teamId(), user.userId());
        List<ClientId> ids = repo.list(user.teamId(), user.userId());
        Map<ClientId, Client> byId = clients.getAll(user, ids);
        return ids.stream().filter(byId::containsKey).map(id -> {
            Client c = byId.get(id);
            List<Rating> r = ratings.getOrDefault(id, List.of());
            return new TopRelationship(id, c.details().name(), c.details().depthCurrent(), c.details().depthTarget(),
                    r.isEmpty() ? null : r.get(0), r.size() < 2 ? null : r.get(1));
        }).toList();
    }

    @Transactional
    public List<TopRelationship> choose(CurrentUser user, List<ClientId> chosen) {
        user.requireWriter();
        Problems problems = new Problems();
        problems.check(chosen != null && chosen.size() <= MAX, "clientIds", "may hold at most " + MAX + " clients");
        problems.check(chosen == null || new HashSet<>(chosen).size() == chosen.size(), "clientIds",
                "lists a client twice");
        for (int i = 0; chosen != null && i < chosen.size(); i++) {
            problems.check(chosen.get(i) != null && clients.exists(user, chosen.get(i)), "clientIds[" + i + "]",
                    "no such client in your team");
        }
        problems.throwIfAny();
        repo.replace(user.teamId(), user.userId(), chosen, clock.instant());
        return list(user);
    }

    @Transactional
    public TopRelationship rate(CurrentUser user, ClientId client, Integer now, Integer target, String note) {
        user.requireWriter();
        clients.require(user, client);
        if (!repo.list(user.teamId(), user.userId()).contains(client)) {
            throw new ConflictException("client " + client + " is not one of your top relationships; add it first");
        }
        new Problems()
                .check(now != null && now >= 1 && now <= 10, "now", "must be 1 to 10")
                .check(target != null && target >= 1 && target <= 10, "target", "must be 1 to 10")
                .check(note == null || note.length() <= 1000, "note", "must be at most 1000 characters")
                .throwIfAny();
        repo.rate(user.teamId(), user.userId(), client, new Rating(now, target,
                note == null || note.isBlank() ? null : note.strip(), clock.instant()));
        return list(user).stream().filter(t -> t.clientId().equals(client)).findFirst()
                .orElseThrow(() -> new NotFoundException("top relationship", client));
    }
}
