package dev.rapport.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rapport.clients.Client;
import dev.rapport.clients.ClientDetails;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientStatus;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;
import ezvcard.Ezvcard;

/** No client text can stop the export: every character in every written field, one card each. */
class VCardClientWriterTest {

    @Test
    void everyCharacterInEveryFieldGivesACompleteCard() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int written = 0;
        try (VCardClientWriter writer = new VCardClientWriter(out)) {
            for (char c = 0; c < Character.MIN_SURROGATE; c++) {
                writer.write(client(written++, "a" + c + "b"));
            }
        }
        String vcf = out.toString(StandardCharsets.UTF_8);
        assertThat(Ezvcard.parse(vcf).all()).hasSize(written);
        assertThat(vcf).endsWith("END:VCARD\r\n");
    }

    @Test
    void aLabelHasNoQuoteOrLineBreakAndTheRestStays() {
        assertThat(VCardClientWriter.label("Rue du \"Port\"\r\nBâtiment B\nLyon\rFrance; 3, a:b"))
                .isEqualTo("Rue du 'Port' Bâtiment B Lyon France; 3, a:b");
    }

    private static Client client(long id, String text) {
        ClientDetails details = new ClientDetails(text, text, List.of(text), List.of(text), List.of(text),
                List.of(text), null, "A", ClientStatus.ACTIVE, ClientKind.EXTERNAL, null, null, null, null, text,
                List.of());
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new Client(new ClientId(id), new TeamId(1), details, now, now, null, null, null, null, null, false);
    }
}
