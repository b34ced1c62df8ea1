package dev.rapport.attention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Local days of instants in one zone, as {@code instant.atZone(zone).toLocalDate()} gives them but
 * without building a ZonedDateTime per call: the queue converts several instants of every client.
 */
final class LocalDays {
    private static final int SECONDS_PER_DAY = 86_400;

    private final ZoneId zone;
    private final ZoneRules rules;
    /** The offset of a fixed-offset zone (UTC and the like), or null when it varies. */
    private final Integer fixedOffset;

    private LocalDays(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : null;
    }

    static LocalDays in(ZoneId zone) {
        return new LocalDays(zone);
    }

    ZoneId zone() {
        return zone;
    }

    /** The local day of an instant, or null for null. */
    LocalDate of(Instant instant) {
        if (instant == null) {
            return null;
        }
        int offset = fixedOffset != null ? fixedOffset : rules.getOffset(instant).getTotalSeconds();
        return LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond() + offset, SECONDS_PER_DAY));
    }

    /** The first instant of a local day (after a gap when the day starts in one). */
    Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
