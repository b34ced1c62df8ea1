package dev.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rapport.attention.TierCadence;
import dev.rapport.clients.CadenceOverride;
import dev.rapport.clients.ClientDetails;
import dev.rapport.clients.Competitor;
import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.InvalidInputException;

/** Form text to domain values, and the services' field names back onto the form's inputs. */
class FormMappingTest {
    private static ClientForm form(String emails, String tags, List<ClientForm.CompetitorForm> rivals) {
        return new ClientForm("Ada", "", emails, "", "", tags, "7", "A", "active", "external", "2026-01-15", "1",
                "", " 5 ", "", "", "notes", rivals, null);
    }

    @Test
    void clientFormParsesListsNumbersAndDatesAndSkipsBlankCompetitorRows() {
        ClientDetails d = form("a@example.com\r\n\n b@example.com ", "VIP, cobol\nvip",
                List.of(new ClientForm.CompetitorForm("", " "), new ClientForm.CompetitorForm("Rival", "")))
                .toDetails();
        assertThat(d.emails()).containsExactly("a@example.com", "b@example.com");
        assertThat(d.tags()).containsExactly("cobol", "vip");
        assertThat(d.cadence()).isEqualTo(new CadenceOverride(5, null, null));
        assertThat(d.signedOn()).hasToString("2026-01-15");
        assertThat(d.depthCurrent()).isEqualTo(1);
        assertThat(d.depthTarget()).isNull();
        assertThat(d.competitors()).containsExactly(new Competitor("Rival", null));
    }

    @Test
    void clientFormReportsUnparsableValuesUnderItsOwnFieldNames() {
        ClientForm bad = new ClientForm("Ada", "", "", "", "", "", "x", "A", "nope", "external", "15/01/2026", "one",
                "", "", "", "", "", List.of(), "true");
        assertThatThrownBy(bad::toDetails).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).extracting(FieldProblem::field)
                        .containsExactly("ownerId", "status", "signedOn", "depthCurrent"));
    }

    @Test
    void serviceFieldNamesMapOntoTheInputsWithTheOffendingValue() {
        ClientForm f = form("ok@example.com\nbad\nok@example.com\nworse", "", List.of(
                new ClientForm.CompetitorForm("", ""), new ClientForm.CompetitorForm("", "notes only")));
        assertThat(f.toFormField(new FieldProblem("emails[2]", "is not an email address")))
                .isEqualTo(new FieldProblem("emails", "“worse” is not an email address"));
        assertThat(f.toFormField(new FieldProblem("competitors[0].name", "must be 1 to 200 characters")))
                .isEqualTo(new FieldProblem("competitors[1].name", "must be 1 to 200 characters"));
        assertThat(f.toFormField(new FieldProblem("cadence.maxDays", "must not be shorter than idealDays")))
                .isEqualTo(new FieldProblem("cadenceMax", "must not be shorter than ideal"));
        assertThat(f.toFormField(new FieldProblem("mystery", "is odd"))).isEqualTo(new FieldProblem(null,
                "mystery is odd"));
    }

    @Test
    void cadenceRowsSkipRemovedAndBlankRowsAndMapServiceIndexesBack() {
        CadencesForm f = new CadencesForm(List.of(
                new CadencesForm.Row("A", "3", "7", "14", "30", null),
                new CadencesForm.Row("B", "2", "14", "30", "", "true"),
                new CadencesForm.Row("", "", "", "", "", null),
                new CadencesForm.Row("VIP", "", "5", "3", "", null)));
        assertThat(f.toCadences()).containsExactly(new TierCadence("A", 3, 7, 14, 30),
                new TierCadence("VIP", 1, 5, 3, null));
        InvalidInputException mapped = f.onFormRows(new InvalidInputException("tiers[1].maxDays",
                "must not be shorter than idealDays"));
        assertThat(mapped.problems()).containsExactly(new FieldProblem("tiers[3].maxDays",
                "must not be shorter than idealDays"));
        assertThat(CadencesForm.toFormField(new FieldProblem("tiers", "must configure at least one tier")))
                .isEqualTo(new FieldProblem(null, "Tiers must configure at least one tier"));
    }

    @Test
    void touchFormFoldsDirectionAndUpdateRequestIntoWhoReachedOut() {
        var touch = new TouchForm("phone", "update_request", "", "  ").toNewTouch();
        assertThat(touch.updateRequest()).isTrue();
        assertThat(touch.direction()).isEqualTo(dev.rapport.clients.Direction.INBOUND);
        assertThat(touch.note()).isNull();
        assertThat(TouchForm.toFormField(new FieldProblem("updateRequest", "x")).field()).isEqualTo("who");
        assertThatThrownBy(() -> new TouchForm("pigeon", "outbound", "ten", null).toNewTouch())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("channel", "minutes"));
    }
}
