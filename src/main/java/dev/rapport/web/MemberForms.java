package dev.rapport.web;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import dev.rapport.shared.ConflictException;
import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.Problems;
import dev.rapport.shared.UserId;
import dev.rapport.teams.Role;

/** The forms of the team page: a member's role, their removal with a successor, an invitation. */
final class MemberForms {
    static final List<Choices> ROLES = Arrays.stream(Role.values())
            .map(r -> new Choices(r.code(), Formats.label(r.code()))).toList();

    private MemberForms() {
    }

    record RoleForm(String role) {
    }

    /** successorId: the member who takes the leaving member's clients; blank when they own none. */
    record RemoveForm(String successorId) {
        UserId successor() {
            Problems problems = new Problems();
            Long id = Forms.optionalLong(successorId, "successorId", problems);
            problems.throwIfAny();
            return id == null ? null : new UserId(id);
        }
    }

    record InviteForm(String email, String role) {
        static final InviteForm EMPTY = new InviteForm("", Role.MEMBER.code());
    }

    /** A new invitation's link for the next page only: flash attributes live in the session table. */
    record NewInvitation(String email, String role, String url) implements Serializable {
    }

    /**
     * The service's words, placed next to the remove form: "successorId is required: this member
     * owns 2 client(s)..." reads "Successor is required: ...", a conflict (the last owner) is for the
     * whole form.
     */
    static FieldErrors removeErrors(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return FieldErrors.of(invalid.problems(), p -> "successorId".equals(p.field())
                    ? new FieldProblem("successorId", "Successor " + p.reason() + ".")
                    : new FieldProblem(null, p.field() + " " + p.reason()));
        }
        return FieldErrors.global(sentence(e.getMessage()));
    }

    static FieldErrors roleErrors(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return FieldErrors.of(invalid.problems(), p -> "role".equals(p.field()) ? p
                    : new FieldProblem(null, p.field() + " " + p.reason()));
        }
        return FieldErrors.global(sentence(e.getMessage()));
    }

    /** Email and role errors next to their inputs; "already a member" for the whole form. */
    static FieldErrors inviteErrors(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return FieldErrors.of(invalid.problems(), p -> switch (p.field()) {
                case "email", "role" -> p;
                default -> new FieldProblem(null, p.field() + " " + p.reason());
            });
        }
        if (e instanceof ConflictException) {
            return FieldErrors.global(sentence(e.getMessage()));
        }
        throw e;
    }

    static String sentence(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String out = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return out.endsWith(".") ? out : out + ".";
    }
}
