package dev.rapport.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.InputStreamSource;

/** Reads the sample files under src/test/resources/exchange the way an import does. */
final class Fixtures {
    private Fixtures() {
    }

    record Read(ImportFile file, String source, List<ContactRecord> records) {
        ContactRecord named(String name) {
            return records.stream().filter(r -> name.equals(r.name())).findFirst()
                    .orElseThrow(() -> new AssertionError("no record named " + name + " in " + records));
        }
    }

    static InputStreamSource resource(String name) {
        return new ClassPathResource("exchange/" + name);
    }

    static Read read(String name) {
        return read(resource(name), name, ColumnMapping.NONE);
    }

    static Read read(byte[] bytes, String filename) {
        return read(new ByteArrayResource(bytes), filename, ColumnMapping.NONE);
    }

    static Read read(InputStreamSource source, String filename, ColumnMapping mapping) {
        ImportFile file = ImportSniffer.sniff(source, filename, null);
        try (ContactSource contacts = file.format() == ImportFormat.VCARD ? new VCardContactReader(file.open())
                : new CsvContactReader(file.open(), CsvContactReader.delimiter(firstLine(file)), mapping)) {
            List<ContactRecord> records = new ArrayList<>();
            contacts.forEachRemaining(records::add);
            return new Read(file, contacts.description(), records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(ImportFile file) throws IOException {
        try (var reader = file.open()) {
            return reader.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        }
    }
}
