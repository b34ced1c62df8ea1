package dev.rapport.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.core.io.InputStreamSource;

import dev.rapport.shared.InvalidInputException;

/**
 * Tells what an uploaded file is before anything is imported: empty, binary, a known non-contacts
 * format, or vCard / CSV text in UTF-8 (with or without BOM), UTF-16 or Windows-1252. One streaming
 * pass over the bytes checks UTF-8 validity and line lengths, so a damaged file is refused whole.
 */
final class ImportSniffer {
    /** Longer lines are not contacts data (a vCard folds at 75 characters; photos are folded too). */
    static final int MAX_LINE_BYTES = 8 * 1024 * 1024;
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int HEAD = 64 * 1024;

    private ImportSniffer() {
    }

    static ImportFile sniff(InputStreamSource source, String filename, ImportFormat expected) {
        try {
            return doSniff(source, filename == null ? "" : filename, expected);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ImportFile doSniff(InputStreamSource source, String filename, ImportFormat expected)
            throws IOException {
        byte[] head;
        try (InputStream in = source.getInputStream()) {
            head = in.readNBytes(HEAD);
        }
        if (head.length == 0) {
            throw fileProblem("is empty");
        }
        Charset charset = null;
        int bom = 0;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (startsWith(head, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (startsWith(head, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else {
            refuseBinary(head);
            charset = utf16WithoutBom(head);
        }
        Scan scan = scan(source, charset == null || charset == StandardCharsets.UTF_8);
        if (scan.longLine > 0) {
            throw fileProblem(String.format(Locale.ROOT, "line %,d is longer than %d MiB: this is not a contacts "
                    + "file, or it is damaged", scan.longLine, MAX_LINE_BYTES / (1024 * 1024)));
        }
        if (charset == null) {
            if (scan.nulAt >= 0) {
                throw fileProblem("is a binary file, not vCard or CSV text (a NUL byte at byte " + scan.nulAt + ")");
            }
            charset = scan.utf8 ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        String text = new String(head, bom, head.length - bom, charset);
        if (text.isBlank() && scan.bytes <= HEAD) {
            throw fileProblem("is empty (only blank lines)");
        }
        if (controlShare(text) > 0.01) {
            throw fileProblem("is a binary file, not vCard or CSV text");
        }
        ImportFormat format = format(text, filename);
        if (expected != null && expected != format) {
            throw fileProblem(expected == ImportFormat.VCARD ? "is not a vCard file (no BEGIN:VCARD line)"
                    : "is a vCard file, not CSV");
        }
        return new ImportFile(source, filename, format, charset, bom, scan.lines);
    }

    /** What the first meaningful line says; a .vcf name promises a vCard. */
    private static ImportFormat format(String head, String filename) {
        String first = head.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        String upper = first.toUpperCase(Locale.ROOT);
        boolean vcardInHead = head.lines().anyMatch(l -> l.strip().equalsIgnoreCase("BEGIN:VCARD"));
        if (upper.startsWith("BEGIN:VCARD") || vcardInHead) {
            return ImportFormat.VCARD;
        }
        if (upper.startsWith("BEGIN:VCALENDAR")) {
            throw fileProblem("is an iCalendar (.ics) file, not contacts: export contacts as vCard (.vcf) or CSV");
        }
        if (upper.startsWith("{") || upper.startsWith("[")) {
            throw fileProblem("looks like JSON: export your contacts as vCard (.vcf) or CSV");
        }
        if (upper.startsWith("<")) {
            throw fileProblem("looks like HTML or XML: export your contacts as vCard (.vcf) or CSV");
        }
        String name = filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".vcf") || name.endsWith(".vcard")) {
            throw fileProblem("is named " + filename + " but is not a vCard file (no BEGIN:VCARD line)");
        }
        return ImportFormat.CSV;
    }

    private record Scan(long bytes, long lines, long longLine, boolean utf8, long nulAt) {
    }

    /** One pass over every byte: line lengths, UTF-8 validity and NUL bytes. */
    private static Scan scan(InputStreamSource source, boolean checkUtf8) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long offset = 0;
        long lines = 1;
        long lineLength = 0;
        long longLine = 0;
        long nulAt = -1;
        int need = 0;
        boolean utf8 = checkUtf8;
        try (InputStream in = source.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    if (b == '\n') {
                        lines++;
                        lineLength = 0;
                    } else if (++lineLength > MAX_LINE_BYTES && longLine == 0) {
                        longLine = lines;
                    }
                    if (b == 0 && nulAt < 0) {
                        nulAt = offset + i;
                    }
                    if (utf8) {
                        if (need > 0) {
                            if ((b & 0xC0) != 0x80) {
                                utf8 = false;
                            }
                            need--;
                        } else if (b >= 0x80) {
                            if (b >= 0xC2 && b <= 0xDF) {
                                need = 1;
                            } else if ((b & 0xF0) == 0xE0) {
                                need = 2;
                            } else if (b >= 0xF0 && b <= 0xF4) {
                                need = 3;
                            } else {
                                utf8 = false;
                            }
                        }
                    }
                }
                offset += n;
                if (longLine > 0) {
                    break; // no need to read the rest of a file that is refused
                }
            }
        }
        return new Scan(offset, lines, longLine, utf8 && need == 0, nulAt);
    }

    /** UTF-16 without a byte-order mark: ASCII text has a NUL in every other byte. */
    private static Charset utf16WithoutBom(byte[] head) {
        int pairs = Math.min(head.length, 4096) / 2;
        if (pairs < 2) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < pairs * 2; i += 2) {
            evenNul += head[i] == 0 ? 1 : 0;
            oddNul += head[i + 1] == 0 ? 1 : 0;
        }
        if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Common binary formats people pick by mistake, named so they know what to do instead. */
    private static void refuseBinary(byte[] head) {
        if (startsWith(head, 'P', 'K', 3, 4)) {
            throw fileProblem("is a ZIP archive (an Excel .xlsx workbook?): save it as CSV (UTF-8) and import that");
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw fileProblem("is an old Excel (.xls) or Office file: save it as CSV (UTF-8) and import that");
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            throw fileProblem("is a PDF, not vCard or CSV text");
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G') || startsWith(head, 0xFF, 0xD8, 0xFF)
                || startsWith(head, 'G', 'I', 'F', '8')) {
            throw fileProblem("is an image, not vCard or CSV text");
        }
    }

    private static double controlShare(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f' && (c < 0x80 || c > 0x9F)) {
                control++;
            }
        }
        return control / (double) text.length();
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static InvalidInputException fileProblem(String reason) {
        return new InvalidInputException("file", reason);
    }
}
