package dev.rapport.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.rapport.clients.ClientService;
import dev.rapport.shared.Audited;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.teams.CurrentUser;

/**
 * Imports contacts from a vCard or CSV file into the caller's team. The file is sniffed first (a
 * damaged, binary or wrong file is refused before anything is written), then streamed record by record
 * in one transaction (parsed on a second thread, a bounded number of records ahead): valid records are
 * kept, every rejected one is reported, and a failure of the whole file leaves nothing behind. A dry run
 * does exactly the same and rolls back.
 */
@Service
public class ContactImportService {
    /** New clients after which an import refreshes the planner statistics of the tables it grew. */
    static final int STATISTICS_AFTER = 5_000;

    private final ClientService clients;
    private final ExternalIds externalIds;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContactImportService(ClientService clients, ExternalIds externalIds, PlatformTransactionManager transactions,
                         ApplicationEventPublisher events, Clock clock) {
        this.clients = clients;
        this.externalIds = externalIds;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param file          read more than once (a multipart upload's temporary file, a path)
     * @param remoteAddress for the audit log; null outside a request
     */
    public ImportReport importContacts(CurrentUser user, InputStreamSource file, String filename,
                                       ImportOptions options, String remoteAddress) {
        user.requireWriter();
        ColumnMapping mapping = ColumnMapping.parse(options.map());
        if (options.delimiter() != null && ",;\t".indexOf(options.delimiter()) < 0) {
            throw new InvalidInputException("delimiter", "must be , ; or tab");
        }
        ImportFile f = ImportSniffer.sniff(file, baseName(filename), options.format());
        if (f.format() == ImportFormat.VCARD && !mapping.targets().isEmpty()) {
            throw new InvalidInputException("map", "applies to CSV files only; this file is a vCard");
        }
        ImportReport report = transactions.execute(status -> {
            externalIds.lockTeam(user.teamId());
            ContactImporter importer = new ContactImporter(clients, externalIds, user, options.dryRun(), clock);
            String source;
            try (ContactSource contacts = new ReadAhead(open(f, mapping, options.delimiter()))) {
                importer.run(contacts);
                source = contacts.description();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (importer.records() == 0) {
                throw new InvalidInputException("file", "contains no contacts");
            }
            if (options.dryRun()) {
                status.setRollbackOnly();
            }
            return importer.report(f, source);
        });
        if (!options.dryRun() && report.created() >= STATISTICS_AFTER) {
            clients.refreshStatistics();
            externalIds.refreshStatistics();
        }
        if (!options.dryRun()) {
            events.publishEvent(new Audited(user.teamId(), user.userId(), "import.clients", String.format(Locale.ROOT,
                    "%s (%s): %d new, %d updated, %d unchanged, %d rejected", report.filename(), report.source(),
                    report.created(), report.updated(), report.unchanged(), report.rejected()), remoteAddress));
        }
        return report;
    }

    /**
     * The uploaded file's own name, without any directory a client put in front of it ("../../x.vcf",
     * "C:\\fakepath\\x.vcf") and without control characters: it is only shown and audited, never a path.
     */
    static String baseName(String filename) {
        if (filename == null) {
            return null;
        }
        String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? null : name;
    }

    static ContactSource open(ImportFile f, ColumnMapping mapping, Character delimiter) throws IOException {
        if (f.format() == ImportFormat.VCARD) {
            return new VCardContactReader(f.open());
        }
        char separator = delimiter != null ? delimiter : CsvContactReader.delimiter(firstLine(f));
        BufferedReader reader = f.open();
        try {
            return new CsvContactReader(reader, separator, mapping);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static String firstLine(ImportFile f) throws IOException {
        try (BufferedReader reader = f.open()) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    return line;
                }
            }
            return "";
        }
    }
}
