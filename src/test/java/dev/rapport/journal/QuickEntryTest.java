package dev.rapport.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rapport.shared.InvalidInputException;

class QuickEntryTest {
    private static QuickEntry parse(String text) {
        return QuickEntry.parse(text, Category.defaults());
    }

    @ParameterizedTest
    @CsvSource({"30m,30", "2h,120", "1h30m,90", "1.5h,90", "90min,90", "24h,1440", "0.25h,15"})
    void durations(String spec, int minutes) {
        assertThat(QuickEntry.minutes(spec)).isEqualTo(minutes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"25h", "0m", "0h", "-5m", "abc", "h", "m", "24h1m"})
    void badDurationsAreRefused(String spec) {
        assertThatThrownBy(() -> parse(spec + " email")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("text");
    }

    /** Found by fuzzing (QuickEntryFuzzTest): more digits than a long holds were a NumberFormatException. */
    @ParameterizedTest
    @ValueSource(strings = {"55555555555555555555555555555555550m", "9999999999m", "99999999999999999999999999h",
        "1e5h", "99999999999999999999999999999h30m", "1h99999999999999999999m", "0.0000000000000000001h"})
    void absurdlyLongNumbersAreRefusedInWords(String spec) {
        assertThatThrownBy(() -> parse(spec + " email")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("text");
    }

    @Test
    void durationWithCategoryAndNote() {
        QuickEntry q = parse("30m email inbox zero");
        assertThat(q).isEqualTo(new QuickEntry(30, null, null, "email", "inbox zero", null));
    }

    @Test
    void timeRangeWithAliasNoteAndClient() {
        QuickEntry q = parse("09:00-09:45 call ACME review @acme");
        assertThat(q.timed()).isTrue();
        assertThat(q.start()).isEqualTo(LocalTime.of(9, 0));
        assertThat(q.end()).isEqualTo(LocalTime.of(9, 45));
        assertThat(q.category()).isEqualTo("client_interaction");
        assertThat(q.note()).isEqualTo("ACME review");
        assertThat(q.clientRef()).isEqualTo("acme");
        assertThat(parse("9:00-9:30 call").category()).isEqualTo("phone");
    }

    @Test
    void categoriesByCodeLabelAliasOrUniquePrefix() {
        assertThat(parse("1h admin").category()).isEqualTo("internal_admin");
        assertThat(parse("1h Firefighting").category()).isEqualTo("firefighting");
        assertThat(parse("1h fire").category()).isEqualTo("firefighting");
        assertThat(parse("1h err").category()).isEqualTo("errands");
        assertThat(parse("1h cell").category()).isEqualTo("phone");
        assertThatThrownBy(() -> parse("1h e")).hasMessageContaining("unknown category 'e'");
        assertThatThrownBy(() -> parse("1h sleeping")).hasMessageContaining("use one of client_interaction");
    }

    @Test
    void endBeforeStartAndMissingPartsAreClearErrors() {
        assertThatThrownBy(() -> parse("10:00-09:00 email")).hasMessageContaining("not after its start");
        assertThatThrownBy(() -> parse("30m")).hasMessageContaining("needs a category");
        assertThatThrownBy(() -> parse("  ")).hasMessageContaining("is empty");
        assertThatThrownBy(() -> parse("25:00-26:00 email")).hasMessageContaining("not a time of day");
    }
}
