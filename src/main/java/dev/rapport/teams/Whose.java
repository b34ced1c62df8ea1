package dev.rapport.teams;

import dev.rapport.shared.UserId;

/**
 * Whose records a read covers: the caller's own, one member's, or the whole team's. Managers and
 * owners see every member's data (PRODUCT.md); {@link AccountService#reading} checks the caller may.
 *
 * @param member the member, or null for the caller's own (with {@code team} false) or the whole team
 */
public record Whose(UserId member, boolean team) {
    public Whose {
        if (team && member != null) {
            throw new IllegalArgumentException("either one member or the whole team");
        }
    }

    public static Whose mine() {
        return new Whose(null, false);
    }

    /** One member's records; null means the caller's own. */
    public static Whose member(UserId member) {
        return new Whose(member, false);
    }

    public static Whose wholeTeam() {
        return new Whose(null, true);
    }
}
