package dev.rapport.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;

/** Value encodings of docs/archive-format.md: JSON in, typed value and PostgreSQL COPY text out. */
class ArchiveTypeTest {
    private static Object parse(ArchiveType type, String json) {
        try (JsonParser p = ArchiveManifest.ROWS.createParser(ObjectReadContext.empty(), json)) {
            p.nextToken();
            return type.parse(p);
        }
    }

    @Test
    void everyTypeParsesItsDocumentedEncoding() {
        assertThat(parse(ArchiveType.INTEGER, "9007199254740993")).isEqualTo(9007199254740993L);
        assertThat(parse(ArchiveType.DECIMAL, "\"685000.10\"")).isEqualTo(new BigDecimal("685000.10"));
        assertThat(parse(ArchiveType.DOUBLE, "0.1")).isEqualTo(0.1);
        assertThat(parse(ArchiveType.DOUBLE, "\"NaN\"")).isEqualTo(Double.NaN);
        assertThat(parse(ArchiveType.BOOLEAN, "false")).isEqualTo(false);
        assertThat(parse(ArchiveType.TEXT, "\"Zoë \\\"山田\\\" 🎉\\n\"")).isEqualTo("Zoë \"山田\" 🎉\n");
        assertThat(parse(ArchiveType.DATE, "\"2026-11-23\"")).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(parse(ArchiveType.TIMESTAMPTZ, "\"2026-11-23T09:00:00.123456Z\""))
                .isEqualTo(OffsetDateTime.of(2026, 11, 23, 9, 0, 0, 123_456_000, ZoneOffset.UTC));
        assertThat(parse(ArchiveType.TIMESTAMP, "\"2026-11-23T09:00\"")).isEqualTo(LocalDateTime.of(2026, 11, 23, 9, 0));
        assertThat(parse(ArchiveType.TIME, "\"09:30:15\"")).isEqualTo(LocalTime.of(9, 30, 15));
        assertThat((byte[]) parse(ArchiveType.BINARY, "\"AAEC/w==\"")).containsExactly(0, 1, 2, 255);
        assertThat(parse(ArchiveType.UUID_TYPE, "\"0f8fad5b-d9cb-469f-a165-70867728950e\""))
                .isEqualTo(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
    }

    @Test
    void aValueOfTheWrongKindIsRefused() {
        assertThatThrownBy(() -> parse(ArchiveType.INTEGER, "\"12\"")).hasMessageContaining("expected a integer");
        assertThatThrownBy(() -> parse(ArchiveType.DECIMAL, "12.5")).hasMessageContaining("expected a decimal");
        assertThatThrownBy(() -> parse(ArchiveType.BOOLEAN, "1")).hasMessageContaining("expected a boolean");
        assertThatThrownBy(() -> parse(ArchiveType.DOUBLE, "\"many\"")).hasMessageContaining("expected a double");
    }

    @Test
    void copyTextIsWhatPostgresqlReads() {
        assertThat(ArchiveType.TIMESTAMPTZ.copyText(OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.ofHours(1))))
                .isEqualTo("2026-11-23T09:00:00Z");
        assertThat(ArchiveType.DECIMAL.copyText(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(ArchiveType.BINARY.copyText(new byte[] {0, 1, (byte) 255})).isEqualTo("\\x0001ff");
    }

    @Test
    void jdbcMetadataMapsToTheArchiveTypes() {
        assertThat(ArchiveType.of(Types.TIMESTAMP, "timestamptz")).hasValue(ArchiveType.TIMESTAMPTZ);
        assertThat(ArchiveType.of(Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE"))
                .hasValue(ArchiveType.TIMESTAMPTZ);
        assertThat(ArchiveType.of(Types.TIMESTAMP, "timestamp")).hasValue(ArchiveType.TIMESTAMP);
        assertThat(ArchiveType.of(Types.BIT, "bool")).hasValue(ArchiveType.BOOLEAN);
        assertThat(ArchiveType.of(Types.VARCHAR, "text")).hasValue(ArchiveType.TEXT);
        assertThat(ArchiveType.of(Types.OTHER, "uuid")).hasValue(ArchiveType.UUID_TYPE);
        assertThat(ArchiveType.of(Types.OTHER, "jsonb")).isEmpty();
        assertThat(ArchiveType.of(Types.ARRAY, "_text")).isEmpty();
        for (ArchiveType t : ArchiveType.values()) {
            assertThat(ArchiveType.fromCode(t.code())).hasValue(t);
        }
    }

    @Test
    void instantsParseAsInstantParseDoes() {
        java.util.Random random = new java.util.Random(10);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() + 1);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            String text = Instant.ofEpochSecond(seconds, nanos).toString();
            assertThat(ArchiveType.utc(text)).as(text).isEqualTo(Instant.parse(text).atOffset(ZoneOffset.UTC));
        }
        for (String text : new String[] {"2024-02-29T23:59:59.999999999Z", "2026-11-23T09:00:00.1Z",
            "2026-11-23T09:00:00.12Z", "0000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "-0001-12-31T00:00:00Z",
            "2026-11-23T09:00:00+01:00", "2026-12-31T23:59:60Z", "2026-11-23T24:00:00Z", "2026-11-23T09:00:00.Z"}) {
            assertThat(ArchiveType.utc(text)).as(text).isEqualTo(Instant.parse(text).atOffset(ZoneOffset.UTC));
        }
        for (String text : new String[] {"2026-02-29T09:00:00Z", "2026-11-31T09:00:00Z", "2026-13-01T09:00:00Z",
            "2026-11-23T09:60:00Z", "2026-11-23T09:00:00.1234567890Z",
            "2026-11-23T09:00:00", "2026-11-23 09:00:00Z", "2026-1x-23T09:00:00Z", "", "not a time"}) {
            assertThatThrownBy(() -> Instant.parse(text)).as(text).isInstanceOf(java.time.format.DateTimeParseException.class);
            assertThatThrownBy(() -> ArchiveType.utc(text)).as(text)
                    .isInstanceOf(java.time.format.DateTimeParseException.class);
        }
    }
}
