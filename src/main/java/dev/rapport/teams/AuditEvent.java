package dev.rapport.teams;

import java.time.Instant;

import dev.rapport.shared.UserId;

/** One line of the audit log as owners read it. */
public record AuditEvent(long id, Instant at, UserId userId, String userEmail, String action, String detail,
                         String remoteAddress) {
}
