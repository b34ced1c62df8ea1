package dev.rapport.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

import org.junit.jupiter.api.Test;

/** The hand-written timestamp text says what java.time's formatters say. */
class JdbcBulkWriterTest {
    /** PostgreSQL's output form of a timestamptz in UTC, as a formatter. */
    private static final DateTimeFormatter POSTGRES = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd().appendOffset("+HH", "+00")
            .toFormatter();
    private static final long YEAR_1 = LocalDate.of(1, 1, 1).toEpochDay() * 86_400L;
    private static final long YEAR_9999 = LocalDate.of(9999, 12, 31).toEpochDay() * 86_400L + 86_399L;

    @Test
    void everyInstantOfFourDigitYearsReadsBackTheSame() {
        qt().withFixedSeed(11L).withExamples(2000)
                .forAll(longs().between(YEAR_1, YEAR_9999), integers().between(0, 999_999_999))
                .checkAssert((seconds, nanos) -> {
                    Instant t = Instant.ofEpochSecond(seconds, nanos % 3 == 0 ? 0 : nanos);
                    StringBuilder out = new StringBuilder();
                    JdbcBulkWriter.utc(out, t);
                    assertThat(OffsetDateTime.parse(out, POSTGRES).toInstant()).isEqualTo(t);
                    StringBuilder day = new StringBuilder();
                    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
                    JdbcBulkWriter.date(day, date);
                    assertThat(day.toString()).isEqualTo(date.toString());
                });
    }

    @Test
    void theUsualCasesAndYearsBeyondFourDigits() {
        assertThat(utc(Instant.parse("2026-12-04T16:45:00Z"))).isEqualTo("2026-12-04 16:45:00+00");
        assertThat(utc(Instant.parse("0999-01-02T03:04:05.120Z"))).isEqualTo("0999-01-02 03:04:05.120000000+00");
        assertThat(utc(Instant.parse("+10000-01-01T00:00:00Z"))).isEqualTo("+10000-01-01T00:00:00Z");
        StringBuilder out = new StringBuilder();
        JdbcBulkWriter.date(out, LocalDate.of(-5, 3, 1));
        assertThat(out.toString()).isEqualTo("-0005-03-01");
    }

    private static String utc(Instant t) {
        StringBuilder out = new StringBuilder();
        JdbcBulkWriter.utc(out, t);
        return out.toString();
    }
}
