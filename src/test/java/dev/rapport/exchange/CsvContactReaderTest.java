package dev.rapport.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.InvalidInputException;

/** Google, Outlook and generic CSV files: headers, delimiters, encodings and quoting. */
class CsvContactReaderTest {

    private static Fixtures.Read csv(String text, String map) {
        return Fixtures.read(new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)), "contacts.csv",
                ColumnMapping.parse(map));
    }

    @Test
    void googleContactsCsvWithMultiValueCellsLabelsAndAMultiLineAddress() {
        Fixtures.Read read = Fixtures.read("google.csv");
        assertThat(read.source()).isEqualTo("Google CSV");
        assertThat(read.records()).hasSize(4);
        ContactRecord ada = read.named("Ada Lovelace");
        assertThat(ada.line()).isEqualTo(2);
        assertThat(ada.organisation()).isEqualTo("Analytical Engines Ltd");
        assertThat(ada.emails()).containsExactly("ada@engines.example", "ada.alt@engines.example",
                "ada.home@example.org");
        assertThat(ada.phones()).containsExactly("+44 20 7946 0018", "(020) 7946-0019");
        // the formatted address (three lines) and the same address in parts: the merge compares them later
        assertThat(ada.addresses()).first().isEqualTo("12 St James's Square, London SW1Y 4JH, United Kingdom");
        assertThat(ada.tags()).containsExactly("starred", "VIP");
        assertThat(ada.notes()).isEqualTo("Met at the demo.\nPrefers letters.");

        assertThat(read.named("Анна Каренина").line()).isEqualTo(6);
        assertThat(read.named("太郎 山田").tags()).containsExactly("Partners");
        ContactRecord nameless = read.records().get(3);
        assertThat(nameless.line()).isEqualTo(8);
        assertThat(nameless.problems()).containsExactly(
                new FieldProblem("name", "missing: the record has no name and no organisation"));
    }

    @Test
    void outlookCsvWithPhoneColumnsAndAddressesInParts() {
        Fixtures.Read read = Fixtures.read("outlook.csv");
        assertThat(read.source()).isEqualTo("Outlook CSV");
        assertThat(read.records()).hasSize(2).allMatch(ContactRecord::valid);
        ContactRecord john = read.named("John Q. Smith Jr.");
        assertThat(john.organisation()).isEqualTo("Contoso Ltd");
        assertThat(john.emails()).containsExactly("john.smith@contoso.example", "jsmith@home.example");
        // business phone and mobile; the fax and pager are not the person's numbers
        assertThat(john.phones()).containsExactly("+1 (425) 555-0100", "+1 425 555 0199");
        assertThat(john.addresses()).containsExactly(
                "1 Microsoft Way, Building 4, Redmond, WA, 98052, United States of America");
        assertThat(john.tags()).containsExactly("Key accounts", "Seller");
        ContactRecord maria = read.named("Maria García");
        assertThat(maria.addresses()).containsExactly("Calle Mayor 1, Madrid, 28013, Spain");
        assertThat(maria.phones()).containsExactly("+34 91 555 01 02");
    }

    @Test
    void semicolonCsvInWindows1252NeedsAMappingForItsGermanHeaders() {
        assertThatThrownBy(() -> Fixtures.read("semicolon-1252.csv"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown columns \"Telefon\", \"Firma\", \"Notizen\"")
                .hasMessageContaining("map=\"Telefon=name\"");
        Fixtures.Read read = Fixtures.read(Fixtures.resource("semicolon-1252.csv"), "kontakte.csv",
                ColumnMapping.parse("Telefon=phone,Firma=company, Notizen = notes"));
        assertThat(read.file().charset().name()).isEqualTo("windows-1252");
        assertThat(read.records()).extracting(ContactRecord::name)
                .containsExactly("Jürgen Müller", "Françoise Dupont", "Søren Kierkegaard");
        ContactRecord juergen = read.records().get(0);
        assertThat(juergen.organisation()).isEqualTo("Großhandel Müller GmbH");
        assertThat(juergen.notes()).isEqualTo("Kunde seit 2019; bevorzugt E-Mail");
        assertThat(juergen.phones()).containsExactly("+49 30 1234567");
    }

    @Test
    void utf16WithBomAndTabsAsExcelSavesUnicodeText() {
        Fixtures.Read read = Fixtures.read("utf16.csv");
        assertThat(read.file().charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(read.file().bomBytes()).isEqualTo(2);
        assertThat(read.records()).extracting(ContactRecord::name).containsExactly("Жанна Петрова", "李小龍");
        assertThat(read.records().get(1).phones()).containsExactly("+852 5555 0101");
        assertThat(read.records().get(1).tags()).containsExactly("vip");
    }

    @Test
    void utf16WithoutBomAndUtf8WithBomAreDetected() {
        byte[] le = "name,email\nZoë,zoe@example.com\n".getBytes(StandardCharsets.UTF_16LE);
        Fixtures.Read read = Fixtures.read(le, "x.csv");
        assertThat(read.file().charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(read.records().get(0).name()).isEqualTo("Zoë");
        byte[] be = "name,email\nZoë,zoe@example.com\n".getBytes(StandardCharsets.UTF_16BE);
        assertThat(Fixtures.read(be, "x.csv").records().get(0).name()).isEqualTo("Zoë");
        byte[] bom = ("\uFEFFname;email\nZoë;zoe@example.com\n").getBytes(StandardCharsets.UTF_8);
        Fixtures.Read withBom = Fixtures.read(bom, "x.csv");
        assertThat(withBom.file().bomBytes()).isEqualTo(3);
        assertThat(withBom.records().get(0).emails()).containsExactly("zoe@example.com");
    }

    @Test
    void quotedFieldsOverSeveralLinesKeepTheirLineNumbers() {
        Fixtures.Read read = Fixtures.read("multiline.csv");
        assertThat(read.records()).hasSize(2);
        ContactRecord john = read.records().get(0);
        assertThat(john.name()).isEqualTo("Smith, John");
        assertThat(john.line()).isEqualTo(2);
        assertThat(john.addresses()).containsExactly("1 Main Street, Springfield, IL 62701, USA");
        assertThat(john.notes()).isEqualTo("He said \"call me Johnny\".\nSecond line, with a comma.");
        assertThat(john.tags()).containsExactly("seller", "vip");
        ContactRecord jane = read.records().get(1);
        assertThat(jane.line()).isEqualTo(6);
        assertThat(jane.notes()).isEqualTo("Line one\n\nLine three after a blank line");
    }

    @Test
    void aColumnMappingNamesWhatUnknownHeadersHold() {
        Fixtures.Read read = csv("Full Name,E-mail,Mobil,Kundennummer,Spam\nAda,ada@x.example,+1 555 0100,K-17,x\n",
                "Full Name=name,Mobil=phone,Kundennummer=id,Spam=ignore");
        ContactRecord ada = read.records().get(0);
        assertThat(ada.name()).isEqualTo("Ada");
        assertThat(ada.emails()).containsExactly("ada@x.example");
        assertThat(ada.phones()).containsExactly("+1 555 0100");
        assertThat(ada.externalId()).isEqualTo("csv:K-17");
    }

    @Test
    void mappingMistakesAreNamed() {
        assertThatThrownBy(() -> ColumnMapping.parse("Full Name"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be Column=field");
        assertThatThrownBy(() -> ColumnMapping.parse("Full Name=fullname"))
                .hasMessageContaining("unknown field 'fullname'; use one of name, firstName");
        assertThatThrownBy(() -> csv("name,email\nAda,a@x.example\n", "Nope=phone"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no column named \"nope\"");
        assertThatThrownBy(() -> csv("email,phone\na@x.example,123\n", null))
                .hasMessageContaining("no column gives a name");
    }

    @Test
    void rapportsNeutralisedCellsComeBackAndExtraFieldsRejectTheRecord() {
        Fixtures.Read read = csv("name,phones,notes\n'=Ada,'+31 20 555 0101,'-minus\nBob,,,surplus\n", null);
        ContactRecord ada = read.records().get(0);
        assertThat(ada.name()).isEqualTo("=Ada");
        assertThat(ada.phones()).containsExactly("+31 20 555 0101");
        assertThat(ada.notes()).isEqualTo("-minus");
        assertThat(read.records().get(1).problems()).containsExactly(
                new FieldProblem("line", "has 4 fields but the header has 3"));
    }

    @Test
    void rowsOfOnlyEmptyCellsAreNeitherImportedNorRejected() {
        Fixtures.Read read = csv("name,email,phone\nAda,ada@x.example,\n,,\n  , ,\nBob,bob@x.example,\n,,\n", null);
        assertThat(read.records()).extracting(ContactRecord::name).containsExactly("Ada", "Bob");
        assertThat(read.records()).allMatch(ContactRecord::valid);
        assertThat(read.records().get(1).line()).isEqualTo(5);
    }

    @Test
    void anUnclosedQuoteIsAnErrorForTheWholeFile() {
        assertThatThrownBy(() -> csv("name,email\n\"Ada,ada@x.example\nBob,bob@x.example\n", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not valid CSV");
    }

    @Test
    void delimiterIsTheMostFrequentSeparatorOutsideQuotes() {
        assertThat(CsvContactReader.delimiter("name;email;phone")).isEqualTo(';');
        assertThat(CsvContactReader.delimiter("\"a;b\",c,d")).isEqualTo(',');
        assertThat(CsvContactReader.delimiter("name\temail")).isEqualTo('\t');
        assertThat(CsvContactReader.delimiter("name")).isEqualTo(',');
    }

    @Test
    void neutralisesEveryFormulaStart() {
        for (String s : List.of("=1+1", "+31", "-2", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(CsvCells.neutralise(s)).isEqualTo("'" + s);
            assertThat(CsvContactReader.clean(CsvCells.neutralise(s))).isEqualTo(s);
        }
        assertThat(CsvCells.neutralise("Ada")).isEqualTo("Ada");
        assertThat(CsvCells.neutralise("")).isEmpty();
    }
}
