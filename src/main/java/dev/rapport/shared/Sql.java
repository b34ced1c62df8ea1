package dev.rapport.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small helpers for mapping java.time to JDBC the same way on H2 and PostgreSQL. */
public final class Sql {
    /** How many values one "IN (...)" gets at most when a caller may pass thousands (see {@link #slices}). */
    public static final int IN_SLICE = 128;

    private Sql() {
    }

    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Reads a TIMESTAMP WITH TIME ZONE column the same way on H2 and PostgreSQL. */
    public static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Escapes LIKE metacharacters so user search text matches literally. */
    /** Whether this connection is to PostgreSQL (the other database Rapport runs on is H2). */
    public static boolean isPostgres(java.sql.Connection c) throws java.sql.SQLException {
        return c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
    }

    public static String likeContains(String text) {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /**
     * The values of an "IN (:list)" padded (repeating the first) to the next power of two, so a query
     * run with many list sizes has only a few SQL texts and the databases' statement caches hit.
     */
    public static <T> java.util.List<T> padded(java.util.Collection<T> values) {
        java.util.List<T> list = new java.util.ArrayList<>(values);
        if (list.isEmpty()) {
            return list;
        }
        int size = Integer.highestOneBit(list.size());
        size = size == list.size() ? size : size * 2;
        T first = list.get(0);
        while (list.size() < size) {
            list.add(first);
        }
        return list;
    }

    /**
     * The values of an "IN (:list)" in slices of at most {@code size}, each {@link #padded}. H2 checks
     * every row an index finds against the whole list, one value after another, so a list of thousands
     * costs thousands of comparisons per row found; slices keep that small.
     */
    public static <T> java.util.List<java.util.List<T>> slices(java.util.Collection<T> values, int size) {
        java.util.List<T> list = new java.util.ArrayList<>(values);
        java.util.List<java.util.List<T>> slices = new java.util.ArrayList<>();
        for (int from = 0; from < list.size(); from += size) {
            slices.add(padded(list.subList(from, Math.min(list.size(), from + size))));
        }
        return slices;
    }
}
