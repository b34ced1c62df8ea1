package dev.rapport.attention;

import java.time.LocalDate;
import java.util.List;

import dev.rapport.clients.CadenceFacts;

/**
 * Engine input for one client: its stored facts plus what other features know about it: an active
 * listing, a snooze, the pending promises to this client (the user's and colleagues') and
 * completed milestones of deals with this client, and its
 * stored honeymoon drop.
 */
public record ClientState(CadenceFacts facts, boolean activeListing, Snooze snooze, List<PendingPromise> promises,
                          List<CompletedMilestone> milestones, Honeymoon.Rates honeymoon) {

    /** A promise still to keep: what was promised and by when; by names a colleague who made it (null: you). */
    public record PendingPromise(String text, LocalDate dueOn, String by) {
        public PendingPromise(String text, LocalDate dueOn) {
            this(text, dueOn, null);
        }
    }

    /** A deal milestone the client should hear about. */
    public record CompletedMilestone(String name, java.time.Instant completedAt) {
    }

    public ClientState {
        promises = promises == null ? List.of() : List.copyOf(promises);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    public ClientState(CadenceFacts facts, boolean activeListing, Snooze snooze) {
        this(facts, activeListing, snooze, List.of(), List.of(), null);
    }
}
