package dev.rapport.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.core.io.ByteArrayResource;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.support.Fuzzing;

/**
 * Fuzzes a vCard upload exactly as an import reads it (sniffing, splitting into cards, ez-vcard,
 * records): every input gives records (each valid or rejected with a reason) or a clear
 * {@link InvalidInputException} for the whole file; nothing else may escape.
 * Seeds: src/test/resources/dev/rapport/exchange/VCardImportFuzzTestInputs/vcardImport/.
 */
class VCardImportFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void vcardImport(byte[] data) {
        String input = Fuzzing.text(data);
        ImportFile file;
        try {
            file = ImportSniffer.sniff(new ByteArrayResource(data), "contacts.vcf", null);
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> Fuzzing.assertClear("sniffing", p.reason(), input));
            return;
        }
        try (ContactSource contacts = ContactImportService.open(file, ColumnMapping.NONE, null)) {
            Fuzzing.assertClear("description", contacts.description(), input);
            check(contacts, input);
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> Fuzzing.assertClear("file", p.reason(), input));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: never
        }
    }

    /** Reads every record; each one is a contact with a name, or rejected with a clear reason and a line. */
    static void check(ContactSource contacts, String input) {
        while (contacts.hasNext()) {
            ContactRecord r = contacts.next();
            if (r.line() < 1) {
                throw new AssertionError("record without a line: " + r);
            }
            if (r.valid()) {
                if (r.name() == null || r.name().isBlank()) {
                    throw new AssertionError("a valid record without a name: " + r);
                }
            } else {
                for (FieldProblem p : r.problems()) {
                    Fuzzing.assertClear("line " + r.line() + " " + p.field(), p.reason(), input);
                }
            }
        }
    }
}
