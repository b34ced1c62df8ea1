package dev.rapport.teams;

import java.util.Locale;

/** A user's role in one team (PRODUCT.md, "People and tenancy"). */
public enum Role {
    OWNER, MANAGER, MEMBER, VIEWER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** A role typed by a person: empty for anything that is not exactly one of the four codes. */
    public static java.util.Optional<Role> parse(String code) {
        return java.util.Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }

    /** Managers and owners see every member's data (team reports). */
    public boolean seesTeam() {
        return this == OWNER || this == MANAGER;
    }

    public boolean canWrite() {
        return this != VIEWER;
    }
}
