package dev.rapport.attention;

import java.time.LocalDate;
import java.util.List;

import dev.rapport.clients.CadenceFacts;

/**
 * Engine input for one client: its stored facts plus what other features know about it: an active
 * listing, a snooze, and the user's pending promises to this client.
 */
public record ClientState(CadenceFacts facts, boolean activeListing, Snooze snooze, List<PendingPromise> promises) {

    /** A promise still to keep: what was promised and by when. */
    public record PendingPromise(String text, LocalDate dueOn) {
    }

    public ClientState {
        promises = promises == null ? List.of() : List.copyOf(promises);
    }

    public ClientState(CadenceFacts facts, boolean activeListing, Snooze snooze) {
        this(facts, activeListing, snooze, List.of());
    }
}
