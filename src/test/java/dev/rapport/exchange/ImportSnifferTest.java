package dev.rapport.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;

import dev.rapport.shared.InvalidInputException;

/** Files refused before anything is imported, each with a reason a person can act on. */
class ImportSnifferTest {

    private static ImportFile sniff(byte[] bytes, String name) {
        return ImportSniffer.sniff(new ByteArrayResource(bytes), name, null);
    }

    private static String refusal(byte[] bytes, String name) {
        try {
            sniff(bytes, name);
        } catch (InvalidInputException e) {
            assertThat(e.problems()).allMatch(p -> p.field().equals("file"));
            return e.problems().get(0).reason();
        }
        throw new AssertionError("accepted " + name);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void emptyAndBlankFiles() {
        assertThat(refusal(new byte[0], "a.csv")).isEqualTo("is empty");
        assertThat(refusal(utf8("\r\n  \n"), "a.csv")).isEqualTo("is empty (only blank lines)");
        assertThat(refusal(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "a.csv"))
                .isEqualTo("is empty (only blank lines)");
    }

    @Test
    void binaryFilesAndWrongFormatsAreNamed() {
        assertThat(refusal(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}, "contacts.csv")).contains("Excel .xlsx");
        assertThat(refusal(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}, "me.vcf"))
                .contains("an image");
        byte[] random = new byte[4096];
        new java.util.Random(7).nextBytes(random);
        assertThat(refusal(random, "contacts.vcf")).contains("binary file");
        assertThat(refusal(utf8("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "x.csv")).contains("iCalendar");
        assertThat(refusal(utf8("[{\"name\":\"Ada\"}]"), "x.csv")).contains("JSON");
        assertThat(refusal(utf8("<html><body>hi</body></html>"), "x.csv")).contains("HTML or XML");
        assertThat(refusal(utf8("name,email\nAda,ada@example.com\n"), "contacts.vcf"))
                .isEqualTo("is named contacts.vcf but is not a vCard file (no BEGIN:VCARD line)");
        assertThatThrownBy(() -> ImportSniffer.sniff(new ByteArrayResource(utf8("name\nAda\n")), "x", ImportFormat.VCARD))
                .hasMessageContaining("is not a vCard file");
    }

    @Test
    void aFiftyMegabyteLineIsRefusedWithoutHoldingIt() {
        long size = 50L * 1024 * 1024;
        InputStreamSource huge = () -> new SequenceInputStream(Collections.enumeration(java.util.List.of(
                new ByteArrayInputStream(utf8("name,email\nAda,")), repeat('x', size),
                new ByteArrayInputStream(utf8("\n")))));
        assertThatThrownBy(() -> ImportSniffer.sniff(huge, "big.csv", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 2 is longer than 8 MiB");
    }

    @Test
    void encodingsAndFormatsAreDetected() {
        ImportFile vcard = sniff(utf8("\n\nBEGIN:VCARD\r\nFN:Zoë\r\nEND:VCARD\r\n"), "whatever.txt");
        assertThat(vcard.format()).isEqualTo(ImportFormat.VCARD);
        assertThat(vcard.charset()).isEqualTo(StandardCharsets.UTF_8);
        ImportFile latin = sniff("name\nZoë\n".getBytes(ImportSniffer.WINDOWS_1252), "a.csv");
        assertThat(latin.charset()).isEqualTo(ImportSniffer.WINDOWS_1252);
        assertThat(latin.format()).isEqualTo(ImportFormat.CSV);
        assertThat(latin.lines()).isEqualTo(3);
    }

    private static InputStream repeat(char c, long count) {
        return new InputStream() {
            long left = count;

            @Override
            public int read() {
                return left-- > 0 ? c : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) c);
                left -= n;
                return n;
            }
        };
    }
}
