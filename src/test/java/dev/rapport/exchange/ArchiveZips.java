package dev.rapport.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.JsonNode;

/** Reads, edits and rewrites small archives in tests (whole entries in memory: fine at test size). */
final class ArchiveZips {
    private ArchiveZips() {
    }

    static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                entries.put(e.getName(), z.readAllBytes());
            }
        }
        return entries;
    }

    static void write(Path zip, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
    }

    static ArchiveManifest manifest(Map<String, byte[]> entries) {
        return ArchiveManifest.JSON.readValue(entries.get("manifest.json"), ArchiveManifest.class);
    }

    /** Puts a data file back with a manifest whose count and checksum match it again. */
    static void replaceFile(Map<String, byte[]> entries, String table, byte[] content) {
        String path = "data/" + table + ".jsonl";
        entries.put(path, content);
        ArchiveManifest m = manifest(entries);
        List<ArchiveManifest.FileEntry> files = new ArrayList<>();
        for (ArchiveManifest.FileEntry f : m.files()) {
            files.add(!f.path().equals(path) ? f : new ArchiveManifest.FileEntry(f.path(), f.table(),
                    lines(content).size(), sha256(content), f.columns()));
        }
        entries.put("manifest.json", ArchiveManifest.JSON.writeValueAsBytes(new ArchiveManifest(m.format(),
                m.formatVersion(), m.appVersion(), m.schemaVersion(), m.createdAt(), m.sourceDatabase(), m.teams(),
                m.credentials(), m.omitted(), files)));
    }

    static List<String> lines(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    static List<JsonNode> rows(Map<String, byte[]> entries, String table) {
        byte[] content = entries.get("data/" + table + ".jsonl");
        return content == null ? List.of() : lines(content).stream().map(ArchiveManifest.JSON::readTree).toList();
    }

    /** A content checksum that ignores row order (databases sort text keys by their own collation). */
    static String contentChecksum(byte[] content) {
        List<String> sorted = new ArrayList<>(lines(content));
        sorted.sort(null);
        return sha256(String.join("\n", sorted).getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(JdbcArchiveExport.sha256().digest(bytes));
    }
}
