package dev.rapport.exchange;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import dev.rapport.exchange.ArchiveManifest.ColumnRef;
import dev.rapport.exchange.ArchiveManifest.FileEntry;
import tools.jackson.core.JacksonException;

/**
 * Opens an archive and checks it before anything is written: a readable zip with only the
 * expected entry names (no paths that could escape a directory, no duplicates), a manifest of a
 * known format version, and files whose SHA-256 and row counts match it.
 */
final class ArchiveReader implements Closeable {
    private static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

    private final ZipFile zip;
    private final ArchiveManifest manifest;
    private final Map<String, ZipEntry> entries;

    private ArchiveReader(ZipFile zip, ArchiveManifest manifest, Map<String, ZipEntry> entries) {
        this.zip = zip;
        this.manifest = manifest;
        this.entries = entries;
    }

    /** Opens the zip and checks its entry names and manifest (not yet the checksums). */
    static ArchiveReader open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ArchiveException(file + " is not a file");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new ArchiveException("not a complete zip archive (truncated or damaged): " + e.getMessage());
        } catch (IOException e) {
            throw new ArchiveException("cannot read " + file + ": " + e.getMessage());
        }
        try {
            Map<String, ZipEntry> entries = entries(zip);
            ArchiveManifest manifest = manifest(zip, entries.get(ArchiveManifest.NAME));
            checkFiles(manifest, entries);
            return new ArchiveReader(zip, manifest, entries);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    ArchiveManifest manifest() {
        return manifest;
    }

    /** Reads every file once, comparing its SHA-256 and line count with the manifest. */
    void verifyChecksums() {
        byte[] buffer = new byte[64 * 1024];
        for (FileEntry f : manifest.files()) {
            try (InputStream in = open(f)) {
                while (in.read(buffer) >= 0) {
                    // the verifying stream checks at the end of the file
                }
            } catch (IOException e) {
                throw new ArchiveException(f.path() + " cannot be read (damaged archive): " + e.getMessage());
            }
        }
    }

    /**
     * The file's bytes; reading to the end throws {@link ArchiveException} when they do not match
     * the manifest, so a file that changes between the check and the import is still refused.
     */
    InputStream open(FileEntry f) throws IOException {
        return new Verifying(zip.getInputStream(entries.get(f.path())), f);
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static Map<String, ZipEntry> entries(ZipFile zip) {
        Map<String, ZipEntry> entries = new HashMap<>();
        for (ZipEntry e : Collections.list(zip.entries())) {
            String name = e.getName();
            if (!name.equals(ArchiveManifest.NAME) && !ArchiveManifest.DATA_PATH.matcher(name).matches()) {
                throw new ArchiveException("unexpected entry '" + printable(name) + "': an archive holds only "
                        + ArchiveManifest.NAME + " and data/<table>.jsonl files");
            }
            if (entries.put(name, e) != null) {
                throw new ArchiveException("entry '" + name + "' appears twice");
            }
        }
        if (!entries.containsKey(ArchiveManifest.NAME)) {
            throw new ArchiveException("no " + ArchiveManifest.NAME + ": not a Rapport archive");
        }
        return entries;
    }

    private static ArchiveManifest manifest(ZipFile zip, ZipEntry entry) {
        ArchiveManifest m;
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
            if (bytes.length > MAX_MANIFEST_BYTES) {
                throw new ArchiveException(ArchiveManifest.NAME + " is larger than 16 MB");
            }
            m = ArchiveManifest.JSON.readValue(bytes, ArchiveManifest.class);
        } catch (IOException e) {
            throw new ArchiveException(ArchiveManifest.NAME + " cannot be read: " + e.getMessage());
        } catch (JacksonException e) {
            throw new ArchiveException(ArchiveManifest.NAME + " cannot be read: " + describe(e));
        }
        if (!ArchiveManifest.FORMAT.equals(m.format())) {
            throw new ArchiveException("format '" + m.format() + "' is not " + ArchiveManifest.FORMAT);
        }
        if (m.formatVersion() != ArchiveManifest.VERSION) {
            throw new ArchiveException("format version " + m.formatVersion() + " is not supported: this Rapport "
                    + "reads version " + ArchiveManifest.VERSION + (m.formatVersion() > ArchiveManifest.VERSION
                    ? " (the archive comes from a newer Rapport: upgrade first)" : ""));
        }
        if (m.files() == null || m.teams() == null || m.teams().isEmpty()) {
            throw new ArchiveException(ArchiveManifest.NAME + " lists no files or no teams");
        }
        return m.omitted() != null ? m : new ArchiveManifest(m.format(), m.formatVersion(), m.appVersion(),
                m.schemaVersion(), m.createdAt(), m.sourceDatabase(), m.teams(), m.credentials(), List.of(), m.files());
    }

    private static void checkFiles(ArchiveManifest m, Map<String, ZipEntry> entries) {
        Set<String> listed = new HashSet<>();
        for (FileEntry f : m.files()) {
            if (f == null || f.table() == null || f.columns() == null || f.sha256() == null || f.rows() < 0
                    || !FileEntry.pathOf(f.table()).equals(f.path())) {
                throw new ArchiveException(ArchiveManifest.NAME + " has an incomplete or inconsistent file entry: " + f);
            }
            Set<String> names = new HashSet<>();
            for (ColumnRef col : f.columns()) {
                if (col == null || col.name() == null || ArchiveType.fromCode(col.type()).isEmpty()
                        || !names.add(col.name())) {
                    throw new ArchiveException(f.path() + ": column " + col + " is unknown, repeated or of an "
                            + "unknown type");
                }
            }
            if (!listed.add(f.path())) {
                throw new ArchiveException(f.path() + " is listed twice in " + ArchiveManifest.NAME);
            }
            if (!entries.containsKey(f.path())) {
                throw new ArchiveException(f.path() + " is listed in " + ArchiveManifest.NAME + " but missing");
            }
        }
        List<String> unlisted = new ArrayList<>(entries.keySet());
        unlisted.remove(ArchiveManifest.NAME);
        unlisted.removeAll(listed);
        if (!unlisted.isEmpty()) {
            throw new ArchiveException("entries not listed in " + ArchiveManifest.NAME + ": " + unlisted);
        }
    }

    /** A Java class name with its package and outer classes ("java.util.ArrayList", "a.b.Outer$Inner"). */
    private static final java.util.regex.Pattern QUALIFIED = java.util.regex.Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.)+(?:[A-Z][\\w]*\\$)*([A-Z][\\w]*)");

    /**
     * A JSON error in plain words: what is wrong, in which field and where, without Jackson's
     * source description, reference chain or Java class names.
     */
    static String describe(JacksonException e) {
        String what = e.getOriginalMessage() == null ? "unreadable JSON" : e.getOriginalMessage();
        StringBuilder sb = new StringBuilder(QUALIFIED.matcher(what).replaceAll("$1"));
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        if (!field.isEmpty()) {
            sb.append(" (field ").append(field).append(')');
        }
        var at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            sb.append(" at line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr());
        }
        return sb.toString();
    }

    private static String printable(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().limit(120).forEach(cp -> sb.append(Character.isISOControl(cp) ? '?' : (char) cp));
        return sb.toString();
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // nothing was written through it
        }
    }

    /** Hashes and counts lines while reading; at the end, compares both with the manifest. */
    private static final class Verifying extends FilterInputStream {
        private final FileEntry file;
        private final MessageDigest sha = JdbcArchiveExport.sha256();
        private long lines;
        private boolean checked;

        Verifying(InputStream in, FileEntry file) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                sha.update(b, off, n);
                for (int i = off; i < off + n; i++) {
                    if (b[i] == '\n') {
                        lines++;
                    }
                }
            } else if (n < 0 && !checked) {
                checked = true;
                String actual = HexFormat.of().formatHex(sha.digest());
                if (!actual.equalsIgnoreCase(file.sha256())) {
                    throw new ArchiveException(file.path() + " does not match its SHA-256 in the manifest (damaged "
                            + "or changed archive)");
                }
                if (lines != file.rows()) {
                    throw new ArchiveException(file.path() + " has " + lines + " rows, the manifest says "
                            + file.rows());
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("skipping would bypass the checksum");
        }
    }
}
