package dev.rapport.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "import", description = "Import contacts from a vCard (2.1, 3.0, 4.0) or CSV file (Google, Outlook, "
        + "or any header with --map). Re-importing the same file creates no duplicates.")
class ImportCommand implements Callable<Integer> {
    private static final int SHOWN = 20;
    private final CliContext ctx;

    @Parameters(index = "0", description = "the file, e.g. contacts.vcf or contacts.csv")
    Path file;

    @Option(names = "--dry-run", description = "show what would happen; write nothing")
    boolean dryRun;

    @Option(names = "--map", description = "what unrecognised CSV columns hold, e.g. \"Full Name=name,E-mail=email\" "
            + "(fields: name, firstName, middleName, lastName, namePrefix, nameSuffix, organisation, email, phone, "
            + "address, tags, notes, tier, status, id, ignore)")
    String map;

    @Option(names = "--format", description = "vcard or csv (default: detected)")
    String format;

    @Option(names = "--delimiter", description = "CSV delimiter: , ; or tab (default: detected)")
    String delimiter;

    @Mixin
    JsonOption json;

    ImportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new CliException("cannot read " + file + ": no such file");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("dryRun", Boolean.toString(dryRun));
        fields.put("map", map);
        fields.put("format", format);
        fields.put("delimiter", delimiter);
        JsonNode report = ApiClient.from(ctx).upload("/api/v1/imports", file, fields);
        if (json.json) {
            Output.json(ctx.out(), report);
            return 0;
        }
        var out = ctx.out();
        out.println((report.get("dryRun").asBoolean() ? "Dry run of " : "Imported ") + file.getFileName() + " ("
                + Output.text(report, "source") + ", " + Output.text(report, "encoding") + ")"
                + (report.get("dryRun").asBoolean() ? ": nothing was written." : "."));
        out.println(String.format(Locale.ROOT, "  %d records: %d new, %d updated, %d unchanged, %d rejected",
                report.get("records").asLong(), report.get("created").asLong(), report.get("updated").asLong(),
                report.get("unchanged").asLong(), report.get("rejected").asLong()));
        long photos = report.get("photosDropped").asLong();
        if (photos > 0) {
            out.println("  " + photos + (photos == 1 ? " photo" : " photos") + " dropped (Rapport keeps no pictures)");
        }
        JsonNode rejections = report.get("rejections");
        if (!rejections.isEmpty()) {
            out.println();
            out.println("Rejected (fix these lines and import the file again; nothing is duplicated):");
            List<List<String>> rows = new ArrayList<>();
            rejections.forEach(r -> rows.add(List.of(Long.toString(r.get("line").asLong()), Output.text(r, "field"),
                    Output.text(r, "reason"))));
            Output.table(out, List.of("LINE", "FIELD", "REASON"), rows);
        }
        JsonNode changes = report.get("changes");
        if (!changes.isEmpty()) {
            out.println();
            out.println(report.get("dryRun").asBoolean() ? "Would change:" : "Changed:");
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode c : changes) {
                if (rows.size() == SHOWN) {
                    break;
                }
                rows.add(List.of(Long.toString(c.get("line").asLong()), Output.text(c, "outcome"),
                        Output.text(c, "name"), Output.orDash(Output.text(c, "matchedBy"))));
            }
            Output.table(out, List.of("LINE", "OUTCOME", "NAME", "MATCHED BY"), rows);
            long more = report.get("created").asLong() + report.get("updated").asLong() - rows.size();
            if (more > 0) {
                out.println("... and " + more + " more (--json lists up to 1000)");
            }
        }
        out.flush();
        return 0;
    }
}
