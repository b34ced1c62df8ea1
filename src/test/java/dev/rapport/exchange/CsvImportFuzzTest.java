package dev.rapport.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.core.io.ByteArrayResource;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.support.Fuzzing;

/**
 * Fuzzes a CSV upload as an import reads it: a column mapping ("Full Name=name"), a delimiter (detected
 * or chosen), then sniffing and FastCSV. Records or a clear {@link InvalidInputException}, nothing else.
 * Seeds: src/test/resources/dev/rapport/exchange/CsvImportFuzzTestInputs/csvImport/.
 */
class CsvImportFuzzTest {
    private static final Character[] DELIMITERS = {null, ',', ';', '\t'};

    @FuzzTest(maxDuration = "30s")
    void csvImport(FuzzedDataProvider in) {
        String map = in.consumeBoolean() ? in.consumeString(80) : null;
        Character delimiter = DELIMITERS[in.consumeInt(0, DELIMITERS.length - 1)];
        byte[] data = in.consumeRemainingAsBytes();
        String input = Fuzzing.text(data) + "\n" + map;
        ColumnMapping mapping;
        ImportFile file;
        try {
            mapping = ColumnMapping.parse(map);
            file = ImportSniffer.sniff(new ByteArrayResource(data), "contacts.csv", ImportFormat.CSV);
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> Fuzzing.assertClear(p.field(), p.reason(), input));
            return;
        }
        try (ContactSource contacts = ContactImportService.open(file, mapping, delimiter)) {
            Fuzzing.assertClear("description", contacts.description(), input);
            VCardImportFuzzTest.check(contacts, input);
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> Fuzzing.assertClear(p.field(), p.reason(), input));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: never
        }
    }
}
