package dev.rapport.dashboard;

import java.time.LocalDate;
import java.util.List;

import dev.rapport.attention.Reason;
import dev.rapport.clients.ClientKind;
import dev.rapport.shared.ClientId;

/** One of a member's overdue clients, worded as the member's queue words it. */
public record OverdueClient(ClientId clientId, String name, String tier, ClientKind kind, LocalDate lastTouchOn,
                            LocalDate dueOn, int overdueDays, List<Reason> reasons) {
    public OverdueClient {
        reasons = List.copyOf(reasons);
    }
}
