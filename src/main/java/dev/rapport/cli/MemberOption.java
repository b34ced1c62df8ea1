package dev.rapport.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/** `--member EMAIL` on list commands: owners and managers read a member's records (read only). */
class MemberOption {
    @Option(names = "--member", paramLabel = "EMAIL", description = "owners and managers: a member's, read only")
    String member;

    /** The query with the member's user id when --member was given. */
    Map<String, String> query(ApiClient api, Map<String, String> query) {
        Map<String, String> q = new LinkedHashMap<>(query);
        if (member != null) {
            q.put("userId", Long.toString(Members.idOf(api, member, "--member")));
        }
        return q;
    }

    boolean given() {
        return member != null;
    }
}
