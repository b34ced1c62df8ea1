package dev.rapport.web;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.Problems;
import dev.rapport.teams.TokenScope;

/** The account forms of the settings page: password, API tokens, two-factor sign-in. */
final class AccountForms {
    static final List<Choices> SCOPES = List.of(new Choices(TokenScope.READ_WRITE.code(), "Read and write"),
            new Choices(TokenScope.READ.code(), "Read-only"));

    private AccountForms() {
    }

    /** Changing the password: the current one, the new one twice. Passwords are never shown back. */
    record PasswordForm(String currentPassword, String newPassword, String repeatPassword) {
        void checkRepeat() {
            new Problems().check(Objects.equals(newPassword, repeatPassword), "repeatPassword",
                    "does not match the new password").throwIfAny();
        }
    }

    /** A new API token: a name, read-only or read-write, and the last day it works (blank: no end). */
    record TokenForm(String name, String scope, String expiresOn) {
        static final TokenForm EMPTY = new TokenForm("", TokenScope.READ_WRITE.code(), "");

        record Parsed(String name, TokenScope scope, Instant expiresAt) {
        }

        /** The token works through the whole of its last day in the user's time zone. */
        Parsed parse(ZoneId zone) {
            Problems problems = new Problems();
            TokenScope s = TokenScope.fromCode(Forms.code(scope)).orElse(null);
            problems.check(s != null, "scope", "choose read only or read and write");
            LocalDate last = Forms.optionalDate(expiresOn, "expiresOn", problems);
            problems.throwIfAny();
            return new Parsed(name, s, last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant());
        }

        /** The service's expiresAt is this form's expiresOn. */
        static FieldProblem toFormField(FieldProblem p) {
            return switch (p.field()) {
                case "expiresAt" -> new FieldProblem("expiresOn", "must be today or later");
                case "name", "scope", "expiresOn" -> p;
                default -> new FieldProblem(null, p.field() + " " + p.reason());
            };
        }
    }

    /** Turning two-factor off: the password and a current code. */
    record DisableTotpForm(String password, String code) {
    }

    /**
     * A two-factor enrolment waiting for its first code. Kept in the web session (a database row)
     * so a reload does not lose it; gone once confirmed or cancelled.
     */
    record TotpSetup(String secret, String uri) implements Serializable {
        static final String SESSION_ATTRIBUTE = "rapport.totpSetup";

        /** "JBSW Y3DP EHPK 3PXP": easier to type from the screen into an app. */
        public String groupedSecret() {
            return secret.replaceAll("(.{4})(?!$)", "$1 ");
        }

        public String qrCode() {
            return QrSvg.dataUri(uri);
        }
    }
}
