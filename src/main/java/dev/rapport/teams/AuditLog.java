package dev.rapport.teams;

import java.time.Clock;

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
        int size = Page.limit(limit);
        Long before = cursor == null || cursor.isBlank() ? null : Cursor.decodeId(cursor);
        return Page.cut(repository.page(user.teamId(), before, size), size,
                last -> Cursor.encode(String.valueOf(last.id())));
    }

    private static String requestAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }
}
