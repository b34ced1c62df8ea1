package dev.rapport.promises;

import java.time.Instant;
import java.time.LocalDate;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.UserId;

/** Something the user told a client they would do, tracked to kept or broken (PRODUCT.md). */
public record Promise(long id, ClientId clientId, UserId userId, String text, LocalDate madeOn, LocalDate dueOn,
                      LocalDate originalDueOn, PromiseStatus status, int renegotiations, String reason,
                      Instant closedAt, Instant createdAt) {

    public Promise keep(Instant now) {
        requirePending("kept");
        return with(PromiseStatus.KEPT, dueOn, renegotiations, reason, now);
    }

    public Promise breakIt(String why, Instant now) {
        requirePending("broken");
        return with(PromiseStatus.BROKEN, dueOn, renegotiations, why == null || why.isBlank() ? reason : why.strip(),
                now);
    }

    /** A new date agreed with the client; it must be later than the current one and not in the past. */
    public Promise renegotiate(LocalDate newDue, String why, LocalDate today) {
        requirePending("renegotiated");
        if (newDue == null || !newDue.isAfter(dueOn) || newDue.isBefore(today)) {
            throw new InvalidInputException("dueOn", "must be after the current due date " + dueOn
                    + " and not before today (" + today + ")");
        }
        return with(PromiseStatus.RENEGOTIATED, newDue, renegotiations + 1, why == null || why.isBlank() ? null
                : why.strip(), null);
    }

    /** Still pending on the day after its due date: the client was let down. */
    public boolean overdue(LocalDate today) {
        return status.pending() && today.isAfter(dueOn);
    }

    private void requirePending(String target) {
        if (!status.pending()) {
            throw new ConflictException("promise " + id + " is " + status.code() + "; it cannot be " + target
                    + " any more");
        }
    }

    private Promise with(PromiseStatus s, LocalDate due, int renegotiated, String why, Instant closed) {
        return new Promise(id, clientId, userId, text, madeOn, due, originalDueOn, s, renegotiated, why, closed,
                createdAt);
    }
}
