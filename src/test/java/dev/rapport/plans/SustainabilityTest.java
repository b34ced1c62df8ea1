package dev.rapport.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.UserId;

class SustainabilityTest {
    static Plan plan(long id, int minutesPerMonth) {
        return new Plan(id, new ClientId(id), new UserId(1), "plan " + id, true, LocalDate.of(2026, 1, 1), List.of(),
                List.of(new Plan.Activity("work", Frequency.parse("monthly", "f"), minutesPerMonth, null)),
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id));
    }

    @ParameterizedTest
    @CsvSource({"daily,30.4166667", "weekly,4.3333333", "biweekly,2.1666667", "monthly,1", "quarterly,0.3333333",
        "semiannually,0.1666667", "yearly,0.0833333", "3 times per week,13", "2/month,2", "every 2 months,0.5",
        "every 3 weeks,1.4444444"})
    void frequenciesPerMonth(String text, double perMonth) {
        assertThat(Frequency.parse(text, "f").perMonth()).isCloseTo(perMonth, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void badFrequenciesAreRefused() {
        assertThatThrownBy(() -> Frequency.parse("every 0 weeks", "activities[0].frequency"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("activities[0].frequency");
        assertThatThrownBy(() -> Frequency.parse("sometimes", "f")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Plan.Activity("x", Frequency.parse("weekly", "f"), 0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSeedExampleNeedsItsHoursAndOverflowsInTierOrder() {
        Plan acme = new Plan(1, new ClientId(1), new UserId(1), "ACME", true, LocalDate.of(2026, 1, 1), List.of(),
                List.of(new Plan.Activity("quarterly review", Frequency.parse("quarterly", "f"), 120, null),
                        new Plan.Activity("monthly call", Frequency.parse("monthly", "f"), 30, null),
                        new Plan.Activity("weekly email", Frequency.parse("weekly", "f"), 10, null)),
                Instant.parse("2026-01-02T00:00:00Z"));
        // 2/3 h + 1/2 h + 52/12 * 10 / 60 h
        assertThat(acme.hoursPerMonth()).isCloseTo(0.6667 + 0.5 + 0.7222, org.assertj.core.data.Offset.offset(1e-3));
        Sustainability s = Sustainability.of(List.of(new Sustainability.Input(plan(2, 120), "Bravo", 1),
                new Sustainability.Input(acme, "ACME", 3)), 2.5, "measured");
        assertThat(s.plans()).extracting(l -> l.clientName()).containsExactly("ACME", "Bravo");
        assertThat(s.plans().get(0).overflows()).isFalse();
        assertThat(s.plans().get(1).overflows()).isTrue();
        assertThat(s.sustainable()).isFalse();
        assertThat(s.suggestions().get(0)).startsWith("The plans need 1.4 h a month more than the 2.5 h of client-facing time available");
        Sustainability none = Sustainability.of(List.of(new Sustainability.Input(acme, "ACME", 3)), 0, "none");
        assertThat(none.plans().get(0).overflows()).isTrue();
        // worded for a member and for their manager alike
        assertThat(none.suggestions().get(0)).isEqualTo("No client-facing capacity measured or declared: a few "
                + "weeks of logged time, or a declared capacity, will give one.");
        assertThat(String.join(" ", s.suggestions()) + String.join(" ", none.suggestions()))
                .doesNotContainIgnoringCase("you");
    }

    @Test
    void moreCapacityNeverMakesMorePlansOverflowAndTheRatioMatches() {
        qt().withFixedSeed(5L).withExamples(500)
                .forAll(lists().of(integers().between(10, 600)).ofSizeBetween(0, 12), integers().between(0, 40),
                        integers().between(0, 40))
                .checkAssert((minutes, c1, c2) -> {
                    List<Sustainability.Input> inputs = new ArrayList<>();
                    for (int i = 0; i < minutes.size(); i++) {
                        inputs.add(new Sustainability.Input(plan(i + 1, minutes.get(i)), "c" + i, i % 3));
                    }
                    double low = Math.min(c1, c2);
                    double high = Math.max(c1, c2);
                    Sustainability a = Sustainability.of(inputs, low, "declared");
                    Sustainability b = Sustainability.of(inputs, high, "declared");
                    long overflowA = a.plans().stream().filter(Sustainability.PlanLoad::overflows).count();
                    long overflowB = b.plans().stream().filter(Sustainability.PlanLoad::overflows).count();
                    assertThat(overflowB).isLessThanOrEqualTo(overflowA);
                    double required = minutes.stream().mapToInt(Integer::intValue).sum() / 60.0;
                    assertThat(a.requiredHours()).isCloseTo(required, org.assertj.core.data.Offset.offset(1e-9));
                    if (high > 0) {
                        assertThat(b.ratio()).isCloseTo(required / high, org.assertj.core.data.Offset.offset(1e-9));
                        assertThat(b.sustainable()).isEqualTo(required <= high + 1e-9);
                    }
                    // overflow is a suffix of the fill order
                    boolean seen = false;
                    for (Sustainability.PlanLoad l : b.plans()) {
                        assertThat(!seen || l.overflows()).isTrue();
                        seen |= l.overflows();
                    }
                });
    }
}
