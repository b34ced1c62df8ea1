package dev.rapport.clients;

import org.springframework.context.event.EventListener;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.JdbcHandover;
import dev.rapport.teams.MemberRemoving;

/**
 * A feature's per-person open work on clients (open promises, open deals, active plans) follows
 * the clients to their new owner, and a leaving member's work goes to their successor. Removing
 * a member who still has open work and no successor is refused (422), so nothing is orphaned.
 */
public abstract class OpenWorkHandover {
    private final JdbcHandover handover;
    private final String table;
    private final String openCondition;
    private final String label;

    protected OpenWorkHandover(JdbcHandover handover, String table, String openCondition, String label) {
        this.handover = handover;
        this.table = table;
        this.openCondition = openCondition;
        this.label = label;
    }

    @EventListener
    void transferred(ClientsTransferred event) {
        handover.handOver(table, openCondition, event.teamId(), event.from(), event.to(), event.clients());
    }

    @EventListener
    void removing(MemberRemoving event) {
        if (event.successorId() != null) {
            handover.handOver(table, openCondition, event.teamId(), event.memberId(), event.successorId(), null);
            return;
        }
        long open = handover.countOpen(table, openCondition, event.teamId(), event.memberId());
        if (open > 0) {
            throw new InvalidInputException("successorId", "is required: this member has " + open + " " + label
                    + "; name the member who takes them over");
        }
    }
}
