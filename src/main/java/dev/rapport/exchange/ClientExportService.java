package dev.rapport.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import dev.rapport.clients.Client;
import dev.rapport.clients.ClientQuery;
import dev.rapport.clients.ClientService;
import dev.rapport.shared.Audited;
import dev.rapport.shared.Page;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;

/**
 * Exports clients as CSV or vCard 4.0, exactly the clients the client list shows the caller for the
 * same filters (read page by page through the client list, so a big team streams). Every export is
 * audited.
 */
@Service
public class ClientExportService {
    private final ClientService clients;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;

    ClientExportService(ClientService clients, AccountService accounts, ApplicationEventPublisher events) {
        this.clients = clients;
        this.accounts = accounts;
        this.events = events;
    }

    /** Writes the clients the list would show for this query (all pages; cursor and limit are ignored). */
    public long export(CurrentUser user, ExportFormat format, ClientQuery query, OutputStream out,
                       String remoteAddress) {
        Function<String, Page<Client>> pages = cursor -> clients.search(user, new ClientQuery(query.text(),
                query.tag(), query.tier(), query.status(), query.kind(), query.ownerId(), query.includeArchived(),
                cursor, ClientService.MAX_PAGE, query.sort()));
        return export(user, format, pages, describe(query), out, remoteAddress);
    }

    /**
     * Writes the clients a paged source gives (the web list's "overdue only" comes from the queue).
     *
     * @param filters how the caller filtered, for the audit log
     */
    public long export(CurrentUser user, ExportFormat format, Function<String, Page<Client>> pages, String filters,
                       OutputStream out, String remoteAddress) {
        long count = 0;
        try (ClientRowWriter writer = writer(user, format, out)) {
            String cursor = null;
            do {
                Page<Client> page = pages.apply(cursor);
                for (Client c : page.items()) {
                    writer.write(c);
                    count++;
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(new Audited(user.teamId(), user.userId(), format.auditAction(),
                String.format(Locale.ROOT, "%d clients%s", count, filters.isEmpty() ? "" : "; filters: " + filters),
                remoteAddress));
        return count;
    }

    private ClientRowWriter writer(CurrentUser user, ExportFormat format, OutputStream out) throws IOException {
        if (format == ExportFormat.VCARD) {
            return new VCardClientWriter(out);
        }
        Map<dev.rapport.shared.UserId, String> owners = new LinkedHashMap<>();
        accounts.members(user.teamId()).forEach(m -> owners.put(m.userId(), m.email()));
        return new CsvClientWriter(out, owners);
    }

    /** The filters of a client list query, as people would write them: "q=ada, tier=A". */
    static String describe(ClientQuery q) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("q", q.text());
        f.put("tag", q.tag());
        f.put("tier", q.tier());
        f.put("status", q.status() == null ? null : q.status().code());
        f.put("kind", q.kind() == null ? null : q.kind().code());
        f.put("ownerId", q.ownerId() == null ? null : q.ownerId().value());
        f.put("includeArchived", q.includeArchived() ? true : null);
        return String.join(", ", f.entrySet().stream().filter(e -> e.getValue() != null && !"".equals(e.getValue()))
                .map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
