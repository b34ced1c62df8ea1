package dev.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.InvalidInputException;

/** The new forms' parsing and field mapping, the report's periods and the numbers people read. */
class JournalAndDealFormsTest {

    @Test
    void quickEntryProblemsLandOnTheLineOrTheDay() {
        assertThat(QuickEntryForm.toFormField(new FieldProblem("category", "unknown")).field()).isEqualTo("text");
        assertThat(QuickEntryForm.toFormField(new FieldProblem("clientId", "no client")).field()).isEqualTo("text");
        assertThat(QuickEntryForm.toFormField(new FieldProblem("start", "too far")).field()).isEqualTo("date");
        assertThat(QuickEntryForm.toFormField(new FieldProblem("entries", "odd")))
                .isEqualTo(new FieldProblem(null, "entries odd"));
        assertThat(new QuickEntryForm("30m email", "", "true").day()).isNull();
        assertThat(new QuickEntryForm("30m email", "", "true").splitting()).isTrue();
        assertThat(new QuickEntryForm("30m email", "2026-11-20", null).splitting()).isFalse();
        assertThatThrownBy(() -> new QuickEntryForm("30m email", "20/11/2026", null).day())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("date: must be a date");
    }

    @Test
    void theOverlapMessageTellsHowToSplitOnThePage() {
        assertThat(JournalPage.overlap("overlaps journal entry #12 (2026-11-23 08:00-09:00, email); change the "
                + "times, or send split=true to let the new entry take that time", "tick the box"))
                .isEqualTo("Overlaps journal entry #12 (2026-11-23 08:00-09:00, email). Change the times, or tick "
                        + "the box.");
        assertThat(JournalPage.overlap("no timer is running; start one with a category", "x"))
                .isEqualTo("No timer is running; start one with a category.");
    }

    @Test
    void dealValuesAcceptSeparatorsAndReportEveryBadField() {
        assertThat(new DealForm("Sale", "450,000", "3").parse())
                .isEqualTo(new DealForm.Parsed(new BigDecimal("450000"), 3L));
        assertThat(new DealForm("Sale", " 1 250 000.50 ", "").parse().value()).isEqualByComparingTo("1250000.5");
        assertThat(new DealForm("Sale", "", "").parse()).isEqualTo(new DealForm.Parsed(null, null));
        assertThatThrownBy(() -> new DealForm(" ", "12x", "home").parse())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("title", "amount", "templateId"));
        assertThatThrownBy(() -> new DealForm("Sale", "1.234", "").parse())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2 after");
        assertThatThrownBy(() -> new DealForm("Sale", "12345678901234", "").parse())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("13 digits");
        assertThat(new DealForm("Sale", "1234567890123.10", "").parse().value()).isNotNull();
    }

    @Test
    void promiseFormsNeedTextAndADate() {
        assertThatThrownBy(() -> new PromiseForm(" ", "").due())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("text", "dueOn"));
        assertThat(new PromiseForm("call back", "2026-11-25").due()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThatThrownBy(() -> new RenegotiateForm("", "why").due()).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void reportPeriodsFollowTheApi() {
        LocalDate thursday = LocalDate.of(2026, 11, 26);
        ReportPeriod week = ReportPeriod.of(null, thursday);
        assertThat(week.code()).isEqualTo("week");
        assertThat(week.from()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(week.to()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(week.label()).isEqualTo("23–29 Nov 2026");
        assertThat(week.previous()).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(ReportPeriod.of("bogus", thursday).code()).isEqualTo("week");
        ReportPeriod month = ReportPeriod.of("month", LocalDate.of(2026, 1, 31));
        assertThat(month.to()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(month.next()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(month.label()).isEqualTo("January 2026");
        assertThat(ReportPeriod.of("day", thursday).label()).isEqualTo("Thursday 26 November 2026");
        assertThat(Formats.range(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6))).isEqualTo("30 Nov – 6 Dec 2026");
        assertThat(Formats.range(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 3)))
                .isEqualTo("28 Dec 2026 – 3 Jan 2027");
    }

    @Test
    void numbersReadWellAndMachinesGetDots() {
        assertThat(Formats.minutes(45)).isEqualTo("45 min");
        assertThat(Formats.minutes(120)).isEqualTo("2 h");
        assertThat(Formats.minutes(90.4)).isEqualTo("1 h 30 min");
        assertThat(Formats.percent(33.333)).isEqualTo("33.3%");
        assertThat(Formats.points(9.33)).isEqualTo("+9.3 pts");
        assertThat(Formats.points(-13.9)).isEqualTo("\u221213.9 pts");
        assertThat(Formats.points(0.01)).isEqualTo("±0.0 pts");
        assertThat(Formats.points(null)).isEqualTo("—");
        assertThat(Formats.machine(12.345)).isEqualTo("12.35");
        assertThat(Formats.amount(new BigDecimal("685000"))).isEqualTo("685,000");
        assertThat(Formats.amount(new BigDecimal("1250.5"))).isEqualTo("1,250.50");
        assertThat(Formats.amount(null)).isEmpty();
        assertThat(Formats.relative(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 23))).isEqualTo("in 2 days");
        assertThat(Formats.relative(LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 23))).isEqualTo("yesterday");
    }
}
