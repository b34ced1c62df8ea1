package dev.rapport.teams;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.rapport.shared.UserId;

public record Member(UserId userId, String email, String displayName, Role role) {

    /** Display names by user id, to say who made a record. */
    public static Map<UserId, String> names(List<Member> members) {
        return members.stream().collect(Collectors.toMap(Member::userId, Member::displayName));
    }
}
