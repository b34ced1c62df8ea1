package dev.rapport.teams;

import java.time.Clock;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.rapport.shared.Audited;
import dev.rapport.shared.Cursor;
import dev.rapport.shared.Page;

/**
 * Stores every {@link Audited} event (in the publisher's transaction: a rolled-back role change
 * leaves no line) and lets owners read their team's log.
 */
@Service
public class AuditLog {
    private static final int MAX_DETAIL = 1000;

    private final AuditRepository repository;
    private final Clock clock;

    AuditLog(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @EventListener
    void record(Audited event) {
        String detail = event.detail() == null || event.detail().length() <= MAX_DETAIL ? event.detail()
                : event.detail().substring(0, MAX_DETAIL);
        String address = event.remoteAddress() != null ? event.remoteAddress() : requestAddress();
        repository.insert(new Audited(event.team(), event.user(), event.action(), detail,
                address == null || address.length() <= 64 ? address : address.substring(0, 64)), clock.instant());
    }

    /** The team's log, newest first; owners only. */
    public Page<AuditEvent> page(CurrentUser user, String cursor, int limit) {
        user.requireOwnerRole();
        if (limit < 1 || limit > 200) {
            throw new dev.rapport.shared.InvalidInputException("limit", "must be 1 to 200");
        }
        int size = limit;
        Long before = cursor == null || cursor.isBlank() ? null : Cursor.decodeId(cursor);
        List<AuditEvent> rows = repository.page(user.teamId(), before, size);
        boolean more = rows.size() > size;
        List<AuditEvent> items = more ? rows.subList(0, size) : rows;
        return new Page<>(items, more ? Cursor.encode(String.valueOf(items.get(size - 1).id())) : null);
    }

    private static String requestAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }
}
