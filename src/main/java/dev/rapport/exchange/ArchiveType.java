package dev.rapport.exchange;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * How one column's values travel through an archive (docs/archive-format.md, "Value encoding").
 * Every value is read from JDBC, written as JSON, parsed back and bound to an INSERT (or written
 * as PostgreSQL COPY text) without passing through a lossy type: timestamps as UTC instants,
 * decimals as exact strings, binary as base64.
 */
enum ArchiveType {
    INTEGER("integer") {
        @Override
        void write(JsonGenerator g, ResultSet rs, int i) throws SQLException {
            long v = rs.getLong(i);
            if (rs.wasNull()) {
                g.writeNull();
            } else {
                g.writeNumber(v);
            }
        }

        @Override
        Object parse(JsonParser p) {
            expect(p, p.currentToken() == JsonToken.VALUE_NUMBER_INT);
            return p.getLongValue();
        }

        @Override
        void bind(PreparedStatement ps, int i, Object v) throws SQLException {
            ps.setLong(i, (Long) v);
        }
    },
    DECIMAL("decimal") {
        @Override
        void write(JsonGenerator g, ResultSet rs, int i) throws SQLException {
            BigDecimal v = rs.getBigDecimal(i);
            writeString(g, v == null ? null : v.toPlainString());
        }

        @Override
        Object parse(JsonParser p) {
            expect(p, p.currentToken() == JsonToken.VALUE_STRING);
            return new BigDecimal(p.getString());
        }

        @Override
        void bind(PreparedStatement ps, int i, Object v) throws SQLException {
            ps.setBigDecimal(i, (BigDecimal) v);
        }

        @Override
        String copyText(Object v) {
            return ((BigDecimal) v).toPlainString();
        }
    },
    DOUBLE("double") {
        @Override
        void write(JsonGenerator g, ResultSet rs, int i) throws SQLException {
            double v = rs.getDouble(i);
            if (rs.wasNull()) {
                g.writeNull();
            } else if (Double.isFinite(v)) {
                g.writeNumber(v);
            } else {
                g.writeString(Double.toString(v)); // NaN, Infinity, -Infinity: JSON has no numbers for them
            }
        }

        @Override
        Object parse(JsonParser p) {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                String s = p.getString();
                expect(p, s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity"));
                return Double.valueOf(s);
            }
            expect(p, p.currentToken().isNumeric());
            return p.getDoubleValue();
        }

        @Override
        void bind(PreparedStatement ps, int i, Object v) throws SQLException {
            ps.setDouble(i, (Double) v);
        }
    },
    BOOLEAN("boolean") {
        @Override
        void write(JsonGenerator g, ResultSet rs, int i) throws SQLException {
            boolean v = rs.getBoolean(i);
            if (rs.wasNull()) {
                g.writeNull();
            } else {
                g.writeBoolean(v);
            }
        }

        @Override
        Object parse(JsonParser p) {
            expect(p, p.currentToken() == JsonToken.VALUE_TRUE || p.currentToken() == JsonToken.VALUE_FALSE);
            return p.currentToken() == JsonToken.VALUE_TRUE;
        }

        @Override
        void bind(PreparedStatement ps, int i, Object v) throws SQLException {
            ps.setBoolean(i, (Boolean) v);
        }
    },
    TEXT("text") {
        @Override
        void write(JsonGenerator g, ResultSet rs, int i) throws SQLException {
            writeString(g, rs.getString(i));
        }

        @Override
        Object parse(JsonParser p) {
            expect(p, p.currentToken() == JsonToken.VALUE_STRING);
            return p.getString();
        }

        @Override
        void bind(PreparedStatement ps, int i, Object v) throws SQLException {
            ps.setString(i, (String) v);
        }
    },
    DATE("date") {
        @Override
        void write(JsonGenerator g, ResultSet rs, int i) throws SQLException {
            LocalDate v = rs.getObject(i, LocalDate.class);
            writeString(g, v == null ? null : v.toString());
        }

        @Override
        Object parse(JsonParser p) {
            expect(p, p.currentToken() == JsonToken.VALUE_STRING);
            return LocalDate.parse(p.getString());
        }
    },
    TIMESTAMPTZ("timestamptz") {
        @Override
        void write(JsonGenerator g, ResultSet rs, int i) throws SQLException {
            OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
            writeString(g, v == null ? null : v.toInstant().toString());
        }

        @Override
        Object parse(JsonParser p) {
            expect(p, p.currentToken() == JsonToken.VALUE_STRING);
            return utc(p.getString());
        }

        @Override
        String copyText(Object v) {
            return ((OffsetDateTime) v).toInstant().toString();
        }
    },
    TIMESTAMP("timestamp") {
        @Override
        void write(JsonGenerator g, ResultSet rs, int i) throws SQLException {
            LocalDateTime v = rs.getObject(i, LocalDateTime.class);
            writeString(g, v == null ? null : v.toString());
        }

        @Override
        Object parse(JsonParser p) {
            expect(p, p.currentToken() == JsonToken.VALUE_STRING);
            return LocalDateTime.parse(p.getString());
        }
    },
    TIME("time") {
        @Override
        void write(JsonGenerator g, ResultSet rs, int i) throws SQLException {
            LocalTime v = rs.getObject(i, LocalTime.class);
            writeString(g, v == null ? null : v.toString());
        }

        @Override
        Object parse(JsonParser p) {
            expect(p, p.currentToken() == JsonToken.VALUE_STRING);
            return LocalTime.parse(p.getString());
        }
    },
    BINARY("binary") {
        @Override
        void write(JsonGenerator g, ResultSet rs, int i) throws SQLException {
            byte[] v = rs.getBytes(i);
            writeString(g, v == null ? null : Base64.getEncoder().encodeToString(v));
        }

        @Override
        Object parse(JsonParser p) {
            expect(p, p.currentToken() == JsonToken.VALUE_STRING);
            return Base64.getDecoder().decode(p.getString());
        }

        @Override
        void bind(PreparedStatement ps, int i, Object v) throws SQLException {
            ps.setBytes(i, (byte[]) v);
        }

        @Override
        String copyText(Object v) {
            return "\\x" + HexFormat.of().formatHex((byte[]) v);
        }
    },
    UUID_TYPE("uuid") {
        @Override
        void write(JsonGenerator g, ResultSet rs, int i) throws SQLException {
            UUID v = rs.getObject(i, UUID.class);
            writeString(g, v == null ? null : v.toString());
        }

        @Override
        Object parse(JsonParser p) {
            expect(p, p.currentToken() == JsonToken.VALUE_STRING);
            return UUID.fromString(p.getString());
        }
    };

    private final String code;

    ArchiveType(String code) {
        this.code = code;
    }

    /** The name used in the manifest. */
    String code() {
        return code;
    }

    static Optional<ArchiveType> fromCode(String code) {
        for (ArchiveType t : values()) {
            if (t.code.equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The archive type of a column from JDBC metadata. PostgreSQL reports timestamptz as TIMESTAMP
     * and boolean as BIT, so the type name decides where the JDBC type is ambiguous.
     */
    static Optional<ArchiveType> of(int jdbcType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (name.equals("uuid")) {
            return Optional.of(UUID_TYPE);
        }
        if (name.equals("timestamptz") || name.startsWith("timestamp with time zone")) {
            return Optional.of(TIMESTAMPTZ);
        }
        if (name.equals("bool") || name.equals("boolean")) {
            return Optional.of(BOOLEAN);
        }
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Optional.of(INTEGER);
            case Types.NUMERIC, Types.DECIMAL -> Optional.of(DECIMAL);
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> Optional.of(DOUBLE);
            case Types.BOOLEAN -> Optional.of(BOOLEAN);
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> Optional.of(TEXT);
            case Types.DATE -> Optional.of(DATE);
            case Types.TIMESTAMP_WITH_TIMEZONE -> Optional.of(TIMESTAMPTZ);
            case Types.TIMESTAMP -> Optional.of(TIMESTAMP);
            case Types.TIME -> Optional.of(TIME);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Optional.of(BINARY);
            default -> Optional.empty();
        };
    }

    /** Writes the column's value of the current row (JSON null for SQL NULL). */
    abstract void write(JsonGenerator g, ResultSet rs, int i) throws SQLException;

    /** Reads a non-null value at the parser's current token; refuses a token of the wrong kind. */
    abstract Object parse(JsonParser p);

    /** Binds a non-null value parsed by {@link #parse}. */
    void bind(PreparedStatement ps, int i, Object v) throws SQLException {
        ps.setObject(i, v);
    }

    /** A non-null value as PostgreSQL's COPY input text (before CSV quoting). */
    String copyText(Object v) {
        return v.toString();
    }

    private static void writeString(JsonGenerator g, String v) {
        if (v == null) {
            g.writeNull();
        } else {
            g.writeString(v);
        }
    }

    final void expect(JsonParser p, boolean ok) {
        if (!ok) {
            throw new BadValue("expected a " + code + " value, found " + p.currentToken());
        }
    }

    /** A value that does not fit its column's type (the caller adds where). */
    private static final int[] NANOS_PER_DIGIT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    /**
     * An instant as {@link Instant#toString} writes it (years 0000-9999), at UTC, without
     * {@link Instant#parse}'s formatter (which made up half of an import's parsing time); anything
     * else goes through {@link Instant#parse} (and fails there as it would have).
     */
    static OffsetDateTime utc(String s) {
        int n = s.length();
        if (n >= 20 && n <= 30 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T'
                && s.charAt(13) == ':' && s.charAt(16) == ':' && s.charAt(n - 1) == 'Z'
                && (n == 20 || n > 21 && s.charAt(19) == '.')) {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            int fraction = n == 20 ? 0 : digits(s, 20, n - 1);
            if ((year | month | day | hour | minute | second | fraction) >= 0 && month >= 1 && month <= 12
                    && day >= 1 && day <= Month.of(month).length(Year.isLeap(year)) && hour <= 23 && minute <= 59
                    && second <= 59) {
                return OffsetDateTime.of(year, month, day, hour, minute, second,
                        n == 20 ? 0 : fraction * NANOS_PER_DIGIT[n - 22], ZoneOffset.UTC);
            }
        }
        return Instant.parse(s).atOffset(ZoneOffset.UTC);
    }

    /** The decimal number in s[from, to), or -1 if a character is not a digit 0-9. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    static final class BadValue extends RuntimeException {
        BadValue(String message) {
            super(message);
        }
    }
}
