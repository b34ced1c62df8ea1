package dev.rapport.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientDetails;
import dev.rapport.shared.UserId;

/**
 * Clients as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so spreadsheets show every script).
 * Several values in a cell are joined with " ::: " as Google does; every cell that a spreadsheet
 * would run as a formula is neutralised. Rapport's import reads this file back.
 */
final class CsvClientWriter implements ClientRowWriter {
    static final List<String> HEADER = List.of("id", "name", "organisation", "emails", "phones", "addresses", "tags",
            "tier", "status", "kind", "owner", "signed_on", "notes", "created_at", "last_touch_at");
    static final String SEPARATOR = " ::: ";

    private final Writer text;
    private final CsvWriter csv;
    private final Map<UserId, String> owners;

    CsvClientWriter(OutputStream out, Map<UserId, String> owners) throws IOException {
        this.text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.text.write('\uFEFF');
        this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(text);
        this.owners = owners;
        csv.writeRecord(HEADER);
    }

    @Override
    public void write(Client c) {
        ClientDetails d = c.details();
        List<String> cells = new ArrayList<>(HEADER.size());
        cells.add(Long.toString(c.id().value()));
        cells.add(d.name());
        cells.add(d.organisation());
        cells.add(String.join(SEPARATOR, d.emails()));
        cells.add(String.join(SEPARATOR, d.phones()));
        cells.add(String.join(SEPARATOR, d.addresses()));
        cells.add(String.join(SEPARATOR, d.tags()));
        cells.add(d.tier());
        cells.add(d.status().code());
        cells.add(d.kind().code());
        cells.add(owners.getOrDefault(d.ownerId(), ""));
        cells.add(d.signedOn() == null ? "" : d.signedOn().toString());
        cells.add(d.notes());
        cells.add(c.createdAt().toString());
        cells.add(c.lastTouchAt() == null ? "" : c.lastTouchAt().toString());
        csv.writeRecord(cells.stream().map(v -> v == null ? "" : CsvCells.neutralise(v)).toList());
    }

    @Override
    public void close() throws IOException {
        csv.flush();
        text.flush();
    }
}
