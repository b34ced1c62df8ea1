package dev.rapport.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.rapport.exchange.ArchiveManifest.ColumnRef;
import dev.rapport.exchange.ArchiveManifest.FileEntry;
import dev.rapport.support.Fuzzing;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;

/**
 * Fuzzes reading an archive before a restore writes anything: the zip itself, its entry names
 * (paths that could escape a directory), the manifest, the checksums and the rows of a data file
 * parsed as the import parses them. Three shapes of input: raw bytes as the zip; a zip of fuzzed
 * entry names and a fuzzed manifest; a well-formed archive of one table whose rows are fuzzed (its
 * manifest matches, so the rows are parsed). Only {@link ArchiveException} (or, for rows, a Jackson
 * error the import wraps in one) may come out, with a clear message.
 * Seeds: src/test/resources/dev/rapport/exchange/ArchiveReaderFuzzTestInputs/archive/.
 */
class ArchiveReaderFuzzTest {
    private static final String[] NAMES = {"manifest.json", "data/clients.jsonl", "data/x.jsonl", "../../etc/passwd",
        "/etc/passwd", "data/../manifest.json", "data\\..\\x.jsonl", "C:\\x.jsonl", "data/", ""};

    @FuzzTest(maxDuration = "30s")
    void archive(FuzzedDataProvider in) throws IOException {
        Path file = Files.createTempFile("rapport-fuzz", ".zip");
        try {
            int shape = in.consumeInt(0, 2);
            List<ColumnRef> columns = shape == 2 ? columns(in) : List.of();
            byte[] zip = switch (shape) {
                case 0 -> in.consumeRemainingAsBytes();
                case 1 -> fuzzedEntries(in);
                default -> oneTable(in, columns);
            };
            Files.write(file, zip);
            read(file, Fuzzing.text(zip));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void read(Path file, String input) {
        try (ArchiveReader archive = ArchiveReader.open(file)) {
            ArchiveManifest m = archive.manifest();
            archive.verifyChecksums();
            for (FileEntry f : m.files()) {
                rows(archive, f, input);
            }
        } catch (ArchiveException e) {
            Fuzzing.assertClear("archive", e.getMessage(), input);
        }
    }

    /** The rows as JdbcArchiveImport parses them (it wraps Jackson's errors in an ArchiveException). */
    private static void rows(ArchiveReader archive, FileEntry f, String input) {
        List<ArchiveSchema.Column> columns = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (ColumnRef c : f.columns()) {
            index.put(c.name(), columns.size());
            columns.add(new ArchiveSchema.Column(c.name(), ArchiveType.fromCode(c.type()).orElseThrow(), 0, c.type(),
                    true, false, false));
        }
        long n = 0;
        try (InputStream in = archive.open(f);
             JsonParser parser = ArchiveManifest.ROWS.createParser(ObjectReadContext.empty(), in)) {
            while (JdbcArchiveImport.nextRow(parser, columns, index, f, ++n) != null) {
                // parsed: the import would bind it
            }
        } catch (JacksonException e) {
            Fuzzing.assertClear("row " + n, JdbcArchiveImport.unreadable(f, n, e).getMessage(), input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ColumnRef> columns(FuzzedDataProvider in) {
        List<ColumnRef> columns = new ArrayList<>();
        ArchiveType[] types = ArchiveType.values();
        int n = in.consumeInt(1, 4);
        for (int i = 0; i < n; i++) {
            columns.add(new ColumnRef("c" + i, types[in.consumeInt(0, types.length - 1)].code()));
        }
        return columns;
    }

    private static byte[] fuzzedEntries(FuzzedDataProvider in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.NO_COMPRESSION); // the entries' text stays readable in the input, for the oracle
            int n = in.consumeInt(0, 4);
            List<String> used = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = in.consumeBoolean() ? NAMES[in.consumeInt(0, NAMES.length - 1)] : in.consumeString(40);
                if (name.isEmpty() || used.contains(name)) {
                    continue;
                }
                used.add(name);
                zip.putNextEntry(new ZipEntry(name));
                zip.write(in.consumeBytes(in.consumeInt(0, 2000)));
                zip.closeEntry();
            }
            if (!used.contains(ArchiveManifest.NAME)) {
                zip.putNextEntry(new ZipEntry(ArchiveManifest.NAME));
                zip.write(in.consumeRemainingAsBytes());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A consistent archive of one table: the manifest's checksum and row count match the fuzzed rows. */
    private static byte[] oneTable(FuzzedDataProvider in, List<ColumnRef> columns) throws IOException {
        byte[] rows = in.consumeRemainingAsBytes();
        long lines = 0;
        for (byte b : rows) {
            lines += b == '\n' ? 1 : 0;
        }
        FileEntry f = new FileEntry("data/clients.jsonl", "clients", lines, sha256(rows), columns);
        ArchiveManifest m = new ArchiveManifest(ArchiveManifest.FORMAT, ArchiveManifest.VERSION, "fuzz", "1",
                java.time.Instant.EPOCH, "H2", List.of(new ArchiveManifest.TeamRef(1, "Fuzz")), false, List.of(),
                List.of(f));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.NO_COMPRESSION); // the entries' text stays readable in the input, for the oracle
            zip.putNextEntry(new ZipEntry(ArchiveManifest.NAME));
            zip.write(ArchiveManifest.JSON.writeValueAsBytes(m));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(f.path()));
            zip.write(rows);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
