package dev.rapport.web;

import java.util.List;

import dev.rapport.teams.Member;

/**
 * One member of the team as the team page lists them; successors are the others who could take
 * their clients (viewers own none).
 */
record MemberView(long id, String name, String email, String role, String roleLabel, boolean you,
                  List<Choices> successors) {

    static List<MemberView> of(List<Member> members, long me) {
        return members.stream().map(m -> new MemberView(m.userId().value(), m.displayName(), m.email(),
                m.role().code(), Formats.label(m.role().code()), m.userId().value() == me,
                members.stream().filter(o -> !o.userId().equals(m.userId()) && o.role().canWrite())
                        .map(o -> new Choices(o.userId().toString(), o.displayName())).toList())).toList();
    }
}
