package dev.rapport.web;

import java.time.ZoneId;
import java.util.Map;

import dev.rapport.teams.AuditEvent;

/** One line of the audit log in the reader's time zone; actions in words, the code kept for the curious. */
record AuditView(String at, String who, String action, String code, String detail, String from) {
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("auth.login.succeeded", "Signed in"),
            Map.entry("auth.login.failed", "Sign-in failed"),
            Map.entry("auth.login.throttled", "Sign-in refused (too many failures)"),
            Map.entry("member.invited", "Invited someone"),
            Map.entry("member.invitation_revoked", "Withdrew an invitation"),
            Map.entry("member.joined", "Joined the team"),
            Map.entry("member.role_changed", "Changed a role"),
            Map.entry("member.removed", "Removed a member"),
            Map.entry("account.password_changed", "Changed their password"),
            Map.entry("account.password_reset_by_admin", "Password reset by an administrator"),
            Map.entry("account.signed_out_everywhere", "Signed out everywhere"),
            Map.entry("account.totp_enabled", "Turned two-factor sign-in on"),
            Map.entry("account.totp_disabled", "Turned two-factor sign-in off"),
            Map.entry("token.created", "Created an API token"),
            Map.entry("token.revoked", "Revoked an API token"),
            Map.entry("client.transfer", "Gave a client to someone else"));

    static AuditView of(AuditEvent e, ZoneId zone) {
        return new AuditView(Formats.dayTime(e.at(), zone), e.userEmail() == null ? "—" : e.userEmail(),
                ACTIONS.getOrDefault(e.action(), e.action()), e.action(), e.detail(),
                e.remoteAddress() == null ? "—" : e.remoteAddress());
    }
}
