package dev.rapport.clients;

/** Per-client cadence; any part left null comes from the tier. */
public record CadenceOverride(Integer idealDays, Integer maxDays, Integer richEveryDays) {
    public static final CadenceOverride NONE = new CadenceOverride(null, null, null);
}
