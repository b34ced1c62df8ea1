package dev.rapport.exchange;

import java.util.List;

/**
 * What an import did, or would do in a dry run. Every rejected record is listed (a record with several
 * bad fields is listed once per field); created and updated records are listed up to {@link #MAX_CHANGES}.
 *
 * @param source  what the file turned out to be, e.g. "vCard 3.0" or "Google CSV"
 * @param records every record read (created + updated + unchanged + rejected)
 */
public record ImportReport(String filename, String format, String source, String encoding, boolean dryRun,
                           long records, long created, long updated, long unchanged, long rejected,
                           long photosDropped, List<Rejection> rejections, List<Change> changes,
                           boolean changesTruncated) {
    public static final int MAX_CHANGES = 1000;

    /** A record left out, with the line it starts on, the field at fault and why. */
    public record Rejection(long line, String field, String reason) {
    }

    /** A record that created a client or added to one; clientId is null for new clients in a dry run. */
    public record Change(long line, Outcome outcome, String name, Long clientId, String matchedBy) {
    }

    public enum Outcome { CREATED, UPDATED }
}
