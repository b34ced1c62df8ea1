package dev.rapport.api;

import java.util.List;
import java.util.Locale;

import dev.rapport.exchange.ImportReport;

/** JSON shapes of contact imports at the API edge. */
final class ImportDtos {
    private ImportDtos() {
    }

    record RejectionDto(long line, String field, String reason) {
    }

    /** outcome: created or updated; clientId is null for a new client in a dry run. */
    record ChangeDto(long line, String outcome, String name, Long clientId, String matchedBy) {
    }

    /**
     * What an import did (or, with dryRun, would do). records = created + updated + unchanged + rejected;
     * every rejected record is in rejections (once per bad field); changes lists created and updated
     * records, at most 1000 (changesTruncated says when there were more).
     */
    record ImportReportDto(String filename, String format, String source, String encoding, boolean dryRun,
                           long records, long created, long updated, long unchanged, long rejected,
                           long photosDropped, List<RejectionDto> rejections, List<ChangeDto> changes,
                           boolean changesTruncated) {

        static ImportReportDto of(ImportReport r) {
            return new ImportReportDto(r.filename(), r.format(), r.source(), r.encoding(), r.dryRun(), r.records(),
                    r.created(), r.updated(), r.unchanged(), r.rejected(), r.photosDropped(),
                    r.rejections().stream().map(x -> new RejectionDto(x.line(), x.field(), x.reason())).toList(),
                    r.changes().stream().map(c -> new ChangeDto(c.line(), c.outcome().name().toLowerCase(Locale.ROOT),
                            c.name(), c.clientId(), c.matchedBy())).toList(),
                    r.changesTruncated());
        }
    }
}
