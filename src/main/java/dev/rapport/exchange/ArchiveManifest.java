package dev.rapport.exchange;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manifest.json}: what an archive holds and how to check it (docs/archive-format.md).
 * Readers ignore fields they do not know; a change that alters the meaning of a file or a value
 * bumps {@link #VERSION}, and a reader refuses versions it does not know.
 */
public record ArchiveManifest(String format, int formatVersion, String appVersion, String schemaVersion,
                              Instant createdAt, String sourceDatabase, List<TeamRef> teams, boolean credentials,
                              List<Omitted> omitted, List<FileEntry> files) {

    public static final String FORMAT = "rapport-archive";
    public static final int VERSION = 1;
    static final String NAME = "manifest.json";
    static final Pattern DATA_PATH = Pattern.compile("data/[a-z_][a-z0-9_]{0,62}\\.jsonl");

    /** JSON Lines: one object per line, no separator between root values, never closing the zip. */
    static final JsonFactory ROWS = JsonFactory.builder().rootValueSeparator((String) null)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public record TeamRef(long id, String name) {
    }

    public record Omitted(String table, String reason) {
    }

    public record ColumnRef(String name, String type) {
    }

    /** One table's rows: {@code path} in the zip, row count and SHA-256 (hex) of the file's bytes. */
    public record FileEntry(String path, String table, long rows, String sha256, List<ColumnRef> columns) {
        static String pathOf(String table) {
            return "data/" + table + ".jsonl";
        }
    }

    /** Total rows over all files. */
    public long rows() {
        return files.stream().mapToLong(FileEntry::rows).sum();
    }
}
