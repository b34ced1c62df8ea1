package dev.rapport.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", description = "Download your clients as CSV or vCard 4.0, filtered like `client list` "
        + "(the file's extension chooses the format: .csv, .vcf).")
class ExportCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", description = "where to write, e.g. clients.csv or clients.vcf")
    Path file;

    @Option(names = "--format", description = "csv or vcard (default: from the file's extension)")
    String format;

    @Option(names = {"-q", "--search"}, description = "text in name, organisation or email")
    String search;

    @Option(names = "--tag", description = "only clients with this tag")
    String tag;

    @Option(names = "--tier", description = "only this tier")
    String tier;

    @Option(names = "--status", description = "prospect, active or past")
    String status;

    @Option(names = "--kind", description = "external or internal")
    String kind;

    @Option(names = "--owner", description = "only clients of this owner (user id)")
    Long owner;

    @Option(names = "--include-archived", description = "archived clients too")
    boolean includeArchived;

    ExportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String extension = format(format, file.getFileName().toString());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("q", search);
        query.put("tag", tag);
        query.put("tier", tier);
        query.put("status", status);
        query.put("kind", kind);
        query.put("ownerId", owner == null ? null : owner.toString());
        query.put("includeArchived", includeArchived ? "true" : null);
        ApiClient api = ApiClient.from(ctx);
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            api.download("/api/v1/exports/clients." + extension + ApiClient.queryString(query), out);
        } catch (IOException e) {
            throw new CliException("cannot write " + file + ": " + e.getMessage());
        } finally {
            try {
                if (Files.exists(partial) && Files.size(partial) == 0) {
                    Files.delete(partial);
                }
            } catch (IOException e) {
                ctx.err().println("could not remove " + partial);
            }
        }
        try {
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            ctx.out().println(String.format(Locale.ROOT, "Exported clients to %s (%,d bytes)", file, Files.size(file)));
        } catch (IOException e) {
            throw new CliException("cannot write " + file + ": " + e.getMessage());
        }
        ctx.out().flush();
        return 0;
    }

    static String format(String format, String name) {
        String f = format != null ? format.toLowerCase(Locale.ROOT)
                : name.toLowerCase(Locale.ROOT).endsWith(".csv") ? "csv"
                : name.toLowerCase(Locale.ROOT).matches(".*\\.(vcf|vcard)$") ? "vcf" : "";
        return switch (f) {
            case "csv" -> "csv";
            case "vcf", "vcard" -> "vcf";
            default -> throw new CliException("say which format: name the file .csv or .vcf, or pass --format csv|vcard");
        };
    }
}
