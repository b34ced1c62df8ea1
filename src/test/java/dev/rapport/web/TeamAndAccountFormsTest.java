package dev.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.nayuki.qrcodegen.QrCode;

import dev.rapport.shared.ConflictException;
import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;
import dev.rapport.teams.AuditEvent;
import dev.rapport.teams.Invitation;
import dev.rapport.teams.Member;
import dev.rapport.teams.Role;
import dev.rapport.teams.TokenScope;
import dev.rapport.web.AccountForms.PasswordForm;
import dev.rapport.web.AccountForms.TokenForm;
import dev.rapport.web.AccountForms.TotpSetup;
import dev.rapport.web.MemberForms.RemoveForm;

/** The team and account forms: parsing, the services' words placed next to the right inputs, the views. */
class TeamAndAccountFormsTest {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void aTokenWorksThroughItsLastDayInTheUsersZone() {
        var parsed = new TokenForm(" laptop ", "read", "2026-12-31").parse(AMSTERDAM);
        assertThat(parsed.scope()).isEqualTo(TokenScope.READ);
        assertThat(parsed.expiresAt()).isEqualTo(Instant.parse("2026-12-31T23:00:00Z")); // midnight in Amsterdam
        assertThat(new TokenForm("cli", "read_write", " ").parse(AMSTERDAM).expiresAt()).isNull();
        assertThatThrownBy(() -> new TokenForm("cli", "admin", "31/12/2026").parse(AMSTERDAM))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("scope", "expiresOn"));
        assertThat(TokenForm.toFormField(new FieldProblem("expiresAt", "must be in the future")))
                .isEqualTo(new FieldProblem("expiresOn", "must be today or later"));
        assertThat(TokenForm.toFormField(new FieldProblem("name", "must be 1 to 100 characters")).field())
                .isEqualTo("name");
    }

    @Test
    void passwordsMustBeTypedTheSameTwice() {
        new PasswordForm("old", "new password", "new password").checkRepeat();
        assertThatThrownBy(() -> new PasswordForm("old", "new password", "new pasword").checkRepeat())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(new FieldProblem("repeatPassword", "does not match the new password")));
        assertThatThrownBy(() -> new SignUpForm("Sam", "secret one", null).checkRepeat())
                .isInstanceOf(InvalidInputException.class);
        assertThat(new SignUpForm("Sam", "secret one", "secret one").withoutPasswords())
                .isEqualTo(new SignUpForm("Sam", "", ""));
    }

    @Test
    void removalMessagesSitNextToTheSuccessorOrOnTheWholeForm() {
        FieldErrors required = MemberForms.removeErrors(new InvalidInputException("successorId",
                "is required: this member owns 2 client(s); name the member who takes them over"));
        assertThat(required.get("successorId"))
                .isEqualTo("Successor is required: this member owns 2 client(s); name the member who takes them over.");
        FieldErrors lastOwner = MemberForms.removeErrors(new ConflictException(
                "the last owner cannot be removed; make someone else owner first"));
        assertThat(lastOwner.getGlobal())
                .containsExactly("The last owner cannot be removed; make someone else owner first.");
        assertThat(MemberForms.roleErrors(new ConflictException("the last owner cannot be demoted")).getGlobal())
                .containsExactly("The last owner cannot be demoted.");
        assertThat(new RemoveForm(" 12 ").successor()).isEqualTo(new UserId(12));
        assertThat(new RemoveForm("").successor()).isNull();
        assertThatThrownBy(() -> new RemoveForm("someone").successor()).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void inviteErrorsGoToTheirInputsAndAnExistingMemberToTheForm() {
        FieldErrors invalid = MemberForms.inviteErrors(new InvalidInputException(List.of(
                new FieldProblem("email", "must be an email address"), new FieldProblem("role", "must be one of"))));
        assertThat(invalid.getFields()).containsExactly("email", "role");
        assertThat(MemberForms.inviteErrors(new ConflictException("a@example.com is already a member of this team"))
                .getGlobal()).containsExactly("A@example.com is already a member of this team.");
    }

    @Test
    void successorsAreTheOtherMembersWhoCanOwnClients() {
        List<Member> members = List.of(new Member(new UserId(1), "o@x.io", "Olga", Role.OWNER),
                new Member(new UserId(2), "m@x.io", "Max", Role.MEMBER),
                new Member(new UserId(3), "v@x.io", "Vic", Role.VIEWER));
        List<MemberView> views = MemberView.of(members, 2);
        assertThat(views.get(1).you()).isTrue();
        assertThat(views.get(1).successors()).extracting(Choices::label).containsExactly("Olga");
        assertThat(views.get(2).successors()).extracting(Choices::label).containsExactly("Olga", "Max");
        assertThat(views.get(0).roleLabel()).isEqualTo("Owner");
    }

    @Test
    void invitationsSayWhatBecameOfThemInTheReadersZone() {
        Instant created = Instant.parse("2026-11-23T09:00:00Z");
        Instant expires = Instant.parse("2026-11-30T09:00:00Z");
        Invitation pending = new Invitation(1, new TeamId(1), "T", "a@x.io", Role.MEMBER, created, expires, null, null);
        assertThat(InvitationView.of(pending, created, AMSTERDAM).stateLabel())
                .isEqualTo("Pending until 30 Nov 2026, 10:00");
        assertThat(InvitationView.of(pending, expires, AMSTERDAM).state()).isEqualTo("expired");
        Invitation used = new Invitation(1, new TeamId(1), "T", "a@x.io", Role.VIEWER, created, expires,
                created.plusSeconds(3600), null);
        assertThat(InvitationView.of(used, expires, AMSTERDAM).pending()).isFalse();
        assertThat(InvitationView.of(used, expires, AMSTERDAM).stateLabel()).isEqualTo("Accepted 23 Nov 2026, 11:00");
    }

    @Test
    void auditLinesNameKnownActionsInWordsAndKeepUnknownCodes() {
        AuditEvent role = new AuditEvent(7, Instant.parse("2026-11-23T09:00:00Z"), new UserId(1), "o@x.io",
                "member.role_changed", "m@x.io: member -> viewer", null);
        AuditView view = AuditView.of(role, AMSTERDAM);
        assertThat(view.at()).isEqualTo("23 Nov 2026, 10:00");
        assertThat(view.action()).isEqualTo("Changed a role");
        assertThat(view.from()).isEqualTo("—");
        AuditEvent export = new AuditEvent(8, Instant.parse("2026-11-23T09:00:00Z"), null, null, "export.clients.csv",
                null, "10.0.0.1");
        assertThat(AuditView.of(export, AMSTERDAM).action()).isEqualTo("export.clients.csv");
        assertThat(AuditView.of(export, AMSTERDAM).who()).isEqualTo("—");
    }

    @Test
    void theTotpKeyIsGroupedInFoursAndItsQrCodeIsAnSvgOfEveryDarkModule() {
        TotpSetup setup = new TotpSetup("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "otpauth://totp/Rapport:a@x.io?secret=X");
        assertThat(setup.groupedSecret()).isEqualTo("JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP");
        assertThat(setup.qrCode()).startsWith("data:image/svg+xml;base64,");

        String svg = QrSvg.svg(setup.uri());
        QrCode qr = QrCode.encodeText(setup.uri(), QrCode.Ecc.MEDIUM);
        int dark = 0;
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                dark += qr.getModule(x, y) ? 1 : 0;
            }
        }
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + (qr.size + 8) + " ")
                .doesNotContain("style");
        assertThat(svg.split("h1v1h-1z", -1)).hasSize(dark + 1);
        assertThat(svg).contains("M4,4h1v1h-1z"); // the finder pattern's corner, inside the quiet zone
    }
}
