package dev.rapport.attention;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.rapport.clients.ChannelWeights;
import dev.rapport.clients.ClientService;
import dev.rapport.clients.SigningDatesChanged;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.JobLock;
import dev.rapport.shared.TeamId;

/**
 * Nightly: evaluates the honeymoon drop of every client whose after-signing window is open and
 * stores the flags, so queues read them instead of recomputing. One instance runs it (row lock).
 */
@Component
public class HoneymoonJob {
    static final String JOB = "honeymoon";
    private static final Logger log = LoggerFactory.getLogger(HoneymoonJob.class);
    private static final Duration LEASE = Duration.ofHours(1);
    /** Every instance runs the nightly cron and one run after its start: one of them does the work. */
    static final Duration MIN_GAP = Duration.ofHours(1);

    private final AttentionRepository repo;
    private final ClientService clients;
    private final JobLock lock;
    private final dev.rapport.shared.QueueVersions versions;
    private final Clock clock;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    HoneymoonJob(AttentionRepository repo, ClientService clients, JobLock lock,
                 dev.rapport.shared.QueueVersions versions, Clock clock) {
        this.repo = repo;
        this.clients = clients;
        this.lock = lock;
        this.versions = versions;
        this.clock = clock;
    }

    /** Runs once now; returns how many clients were evaluated, or -1 when another instance holds the lock. */
    @Transactional
    public int run() {
        Instant now = clock.instant();
        return lock.runLeased(JOB, now, LEASE, instance, () -> evaluateAll(now));
    }

    /** The scheduled run: -1 (skipped) when any instance ran it less than {@link #MIN_GAP} ago. */
    @Transactional
    public int runScheduled() {
        Instant now = clock.instant();
        return lock.runLeasedUnlessRanWithin(JOB, now, LEASE, MIN_GAP, instance, () -> evaluateAll(now));
    }

    private int evaluateAll(Instant now) {
        int evaluated = 0;
        for (TeamId team : repo.teams()) {
            evaluated += evaluate(team, now);
        }
        log.info("Honeymoon check: {} clients evaluated", evaluated);
        return evaluated;
    }

    private int evaluate(TeamId team, Instant now) {
        ZoneId zone = repo.teamZone(team);
        LocalDate today = now.atZone(zone).toLocalDate();
        Map<ClientId, Honeymoon.Rates> rates = rates(team, zone, today, null);
        Map<ClientId, Honeymoon.Rates> before = repo.honeymoonDrops(team, null);
        repo.saveHoneymoon(team, rates, today);
        // a queue shows drops only: mark the owners of clients whose drop appeared, went or changed
        versions.clientsChanged(team, rates.entrySet().stream()
                .filter(e -> !java.util.Objects.equals(before.get(e.getKey()),
                        e.getValue() != null && e.getValue().dropped() ? e.getValue() : null))
                .map(Map.Entry::getKey).toList());
        return rates.size();
    }

    /**
     * A signing date was set, changed or removed: the client's flag is evaluated again now, not at
     * night, and a flag from the old date goes (also when the new date is outside the after window).
     */
    @EventListener
    void signingDatesChanged(SigningDatesChanged event) {
        TeamId team = event.teamId();
        ZoneId zone = repo.teamZone(team);
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        List<ClientId> ids = event.clientIds();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<ClientId> some = ids.subList(from, Math.min(ids.size(), from + 1000));
            Map<ClientId, Honeymoon.Rates> rates = rates(team, zone, today, some);
            some.forEach(id -> rates.putIfAbsent(id, null)); // outside the window now: no flag
            repo.saveHoneymoon(team, rates, today);
        }
        versions.clientsChanged(team, ids);
    }

    /** Clients (all, or only these) signed inside the after window today: their rates, null when not evaluable. */
    private Map<ClientId, Honeymoon.Rates> rates(TeamId team, ZoneId zone, LocalDate today, List<ClientId> only) {
        LocalDate[] band = Honeymoon.signedBetween(today);
        Instant from = band[0].minusDays(Honeymoon.BEFORE_DAYS).atStartOfDay(zone).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
        ChannelWeights weights = clients.channelWeights(team);
        Map<ClientId, LocalDate> signed = new LinkedHashMap<>();
        Map<ClientId, List<Honeymoon.WeightedTouch>> touches = new HashMap<>();
        clients.signedClientTouches(team, band[0], band[1], only, from, to, t -> {
            signed.put(t.clientId(), t.signedOn());
            List<Honeymoon.WeightedTouch> list = touches.computeIfAbsent(t.clientId(), k -> new ArrayList<>());
            if (t.at() != null && t.channel() != null) {
                list.add(new Honeymoon.WeightedTouch(t.at().atZone(zone).toLocalDate(), weights.weight(t.channel())));
            }
        });
        Map<ClientId, Honeymoon.Rates> rates = new HashMap<>();
        signed.forEach((client, signedOn) -> rates.put(client,
                Honeymoon.evaluate(signedOn, today, touches.get(client)).orElse(null)));
        return rates;
    }

    /** Nightly at 02:30 server time, and once shortly after start so a fresh install has flags. */
    @Component
    @ConditionalOnProperty(name = "rapport.jobs.enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {
        private final HoneymoonJob job;

        Schedule(HoneymoonJob job) {
            this.job = job;
        }

        @Scheduled(cron = "0 30 2 * * *")
        void nightly() {
            job.runScheduled();
        }

        @Scheduled(initialDelayString = "PT2M", fixedDelayString = "P3650D")
        void afterStart() {
            job.runScheduled();
        }
    }
}
