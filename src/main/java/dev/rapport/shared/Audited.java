package dev.rapport.shared;

/**
 * A security-relevant or sensitive action (sign-in, role change, token, export, ownership
 * transfer...). Published as an application event by the feature that performs the action; the
 * teams feature stores it in the audit log that owners read. {@code user} is null when nobody
 * is signed in (a failed sign-in), {@code team} when the action has no team yet.
 *
 * @param action a stable dotted code such as {@code export.clients.csv} or {@code auth.login.failed}
 * @param detail plain text for people (never a secret, never a password)
 * @param remoteAddress where the request came from, or null outside a request
 */
public record Audited(TeamId team, UserId user, String action, String detail, String remoteAddress) {
}
