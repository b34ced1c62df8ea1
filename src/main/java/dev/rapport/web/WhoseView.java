package dev.rapport.web;

import java.util.ArrayList;
import java.util.List;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.UserId;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Member;
import dev.rapport.teams.Whose;

/**
 * Whose records a deals, promises or plans page shows, and the picker owners and managers use to read
 * a member's (PRODUCT.md: they see all members' data). Someone else's records are shown read-only:
 * only the member who made them moves them on.
 *
 * @param param    the page's {@code member} parameter for links ("" for your own)
 * @param owner    "Your", "Maria Lopez's" or "The team's", to start a heading
 * @param own      true when the records are the viewer's own (forms and buttons shown)
 * @param choices  the picker's options; empty when the viewer may only read their own
 */
record WhoseView(String param, String owner, boolean own, List<Choices> choices) {
    static final String TEAM = "team";

    /** The {@code member} parameter: empty for your own, a member's user id, or "team" where offered. */
    static Whose parse(String member, boolean teamOffered) {
        if (member == null || member.isBlank()) {
            return Whose.mine();
        }
        if (teamOffered && TEAM.equals(member)) {
            return Whose.wholeTeam();
        }
        try {
            return Whose.member(new UserId(Long.parseLong(member.strip())));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("member", "must be a member's id" + (teamOffered ? " or 'team'" : ""));
        }
    }

    static WhoseView of(CurrentUser viewer, Whose whose, List<Member> members, boolean teamOffered) {
        List<Choices> choices = new ArrayList<>();
        if (viewer.role().seesTeam()) {
            choices.add(new Choices("", "Mine"));
            members.stream().filter(m -> !m.userId().equals(viewer.userId()) && m.role().canWrite())
                    .forEach(m -> choices.add(new Choices(Long.toString(m.userId().value()), m.displayName())));
            if (teamOffered) {
                choices.add(new Choices(TEAM, "Whole team"));
            }
        }
        if (whose.team()) {
            return new WhoseView(TEAM, "The team’s", false, choices);
        }
        if (whose.member() == null || whose.member().equals(viewer.userId())) {
            return new WhoseView("", "Your", true, choices);
        }
        String name = members.stream().filter(m -> m.userId().equals(whose.member())).map(Member::displayName)
                .findFirst().orElse("Member #" + whose.member().value());
        return new WhoseView(Long.toString(whose.member().value()), name + "’s", false, choices);
    }
}
