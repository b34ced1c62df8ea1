package dev.rapport.relationships;

import dev.rapport.shared.ClientId;

/** One of the user's (up to ten) most important relationships, with its latest and previous rating. */
public record TopRelationship(ClientId clientId, String name, Integer depthCurrent, Integer depthTarget,
                              Rating latest, Rating previous) {

    /** Change of the rating since the previous one (positive = stronger), or null. */
    public Integer change() {
        return latest == null || previous == null ? null : latest.now() - previous.now();
    }

    /** Change of the gap to the target since the previous rating (negative = closing), or null. */
    public Integer gapChange() {
        return latest == null || previous == null ? null : latest.gap() - previous.gap();
    }
}
