package dev.rapport.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rapport.shared.FieldProblem;

/** vCard 2.1, 3.0 and 4.0 from real exporters, read into contact records. */
class VCardContactReaderTest {

    @Test
    void appleVCard30WithGroupedPropertiesLabelsAndAPhoto() {
        Fixtures.Read read = Fixtures.read("apple-3.0.vcf");
        assertThat(read.file().charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(read.source()).isEqualTo("vCard 3.0");
        assertThat(read.records()).hasSize(4).allMatch(ContactRecord::valid);

        ContactRecord ada = read.named("Ada Lovelace");
        assertThat(ada.line()).isEqualTo(1);
        assertThat(ada.organisation()).isEqualTo("Analytical Engines Ltd");
        // item1.EMAIL / item2.EMAIL with their X-ABLabel: both emails, in order
        assertThat(ada.emails()).containsExactly("ada@engines.example", "ada.home@example.org");
        assertThat(ada.phones()).containsExactly("+44 20 7946 0018", "(020) 7946-0019");
        assertThat(ada.addresses()).containsExactly("12 St James's Square, London, SW1Y 4JH, United Kingdom");
        assertThat(ada.tags()).containsExactly("VIP", "Seller");
        assertThat(ada.notes()).isEqualTo("Met at the Difference Engine demo.\nPrefers letters to calls.");
        assertThat(ada.externalId()).isEqualTo("2D4F3A7E-8C1B-4E1F-9A2B-5C6D7E8F9A0B");
        assertThat(ada.hadPhoto()).isTrue();

        ContactRecord company = read.named("Babbage & Co");
        assertThat(company.organisation()).isEqualTo("Babbage & Co");
        assertThat(company.emails()).containsExactly("office@babbage.example");
        assertThat(company.hadPhoto()).isFalse();
    }

    @Test
    void cyrillicAndCjkNamesStayAsWritten() {
        Fixtures.Read read = Fixtures.read("apple-3.0.vcf");
        assertThat(read.named("Анна Каренина").phones()).containsExactly("+7 495 123-45-67");
        ContactRecord taro = read.named("山田 太郎");
        assertThat(taro.organisation()).isEqualTo("株式会社サンプル");
        assertThat(taro.line()).isGreaterThan(read.named("Анна Каренина").line());
    }

    @Test
    void outlookVCard21WithQuotedPrintableWindows1252AndBase64Photo() {
        Fixtures.Read read = Fixtures.read("outlook-2.1.vcf");
        // a raw Windows-1252 byte in the file: not UTF-8, so the file is read as Windows-1252
        assertThat(read.file().charset().name()).isEqualTo("windows-1252");
        assertThat(read.source()).isEqualTo("vCard 2.1");
        assertThat(read.records()).hasSize(2).allMatch(ContactRecord::valid);
        ContactRecord juergen = read.named("Jürgen Müller");
        assertThat(juergen.organisation()).isEqualTo("Großhandel Müller GmbH");
        assertThat(juergen.emails()).containsExactly("juergen.mueller@grosshandel.example");
        assertThat(juergen.phones()).containsExactly("+49 30 1234567", "+49 170 7654321");
        assertThat(juergen.addresses()).containsExactly("Hauptstraße 5, Berlin, 10115, Deutschland");
        // a soft line break inside the quoted-printable note
        assertThat(juergen.notes()).isEqualTo("Kunde seit 2019. Bevorzugt E-Mail; Gespräche bitte vormittags.");
        assertThat(juergen.hadPhoto()).isTrue();
        ContactRecord francoise = read.named("Françoise Dupont");
        assertThat(francoise.line()).isGreaterThan(juergen.line());
        assertThat(francoise.phones()).containsExactly("01 42 68 53 00");
    }

    @Test
    void aCorruptCardInTheMiddleIsRejectedWithItsLineAndTheOthersAreRead() {
        Fixtures.Read read = Fixtures.read("corrupt-middle.vcf");
        List<ContactRecord> records = read.records();
        assertThat(records).extracting(ContactRecord::name)
                .containsExactly("Grace Hopper", null, "Alan Turing", null, "Katherine Johnson", "Dorothy Vaughan");
        assertThat(records.get(1).line()).isEqualTo(7);
        assertThat(records.get(1).problems()).containsExactly(
                new FieldProblem("card", "the card has no END:VCARD before the next BEGIN:VCARD"));
        assertThat(records.get(2).line()).isEqualTo(11);
        // vCard 4.0 TEL as a tel: URI
        assertThat(records.get(2).phones()).containsExactly("+44-161-496-0000");
        assertThat(records.get(3).line()).isEqualTo(17);
        assertThat(records.get(3).problems()).extracting(FieldProblem::field).containsExactly("name");
        // the bad email is valid vCard: the importer rejects it when it validates the client
        assertThat(records.get(4).valid()).isTrue();
    }

    @Test
    void textOutsideCardsAndACardCutShortAtTheEndAreProblemsWithLines() {
        String text = "this is not a card\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ok One\r\nEND:VCARD\r\n"
                + "garbage\r\nmore garbage\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Short\r\n";
        List<ContactRecord> records = Fixtures.read(text.getBytes(StandardCharsets.UTF_8), "x.vcf").records();
        assertThat(records).extracting(ContactRecord::line).containsExactly(1L, 2L, 6L, 8L);
        assertThat(records.get(0).problems().get(0).reason()).contains("outside a vCard");
        assertThat(records.get(1).name()).isEqualTo("Ok One");
        assertThat(records.get(3).problems().get(0).reason()).contains("no END:VCARD (the file ends first)");
    }

    @Test
    void aVCard21AgentMayNestACard() {
        String text = "BEGIN:VCARD\nVERSION:2.1\nFN:Boss\nAGENT:\nBEGIN:VCARD\nVERSION:2.1\nFN:Assistant\n"
                + "END:VCARD\nEMAIL:boss@example.com\nEND:VCARD\nBEGIN:VCARD\nVERSION:2.1\nFN:Next\nEND:VCARD\n";
        List<ContactRecord> records = Fixtures.read(text.getBytes(StandardCharsets.UTF_8), "x.vcf").records();
        assertThat(records).extracting(ContactRecord::name).containsExactly("Boss", "Next");
        assertThat(records.get(0).emails()).containsExactly("boss@example.com");
    }

    @Test
    void structuredNameIsUsedWhenThereIsNoFormattedName() {
        String text = "BEGIN:VCARD\nVERSION:3.0\nN:Hopper;Grace;Brewster;Rear Admiral;\nEND:VCARD\n";
        ContactRecord r = Fixtures.read(text.getBytes(StandardCharsets.UTF_8), "x.vcf").records().get(0);
        assertThat(r.name()).isEqualTo("Rear Admiral Grace Brewster Hopper");
    }
}
