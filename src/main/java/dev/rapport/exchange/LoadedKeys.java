package dev.rapport.exchange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rapport.exchange.ArchiveSchema.Column;

/**
 * Checks single-column integer foreign keys while an import parses the rows, so that H2 need not read
 * a big table once more to check them before they go back. This holds because an archive is restored
 * into an empty database only: a parent table then holds exactly the rows loaded into it, whose keys
 * are kept here (only the columns some foreign key refers to). A reference whose parent was not
 * loaded (or which is not a single integer column, or refers to its own table) is left to the
 * database. Any row that breaks a checked reference marks its table broken: its keys then go back
 * checked, so that the database refuses the broken one in its own words.
 */
final class LoadedKeys {
    /** {@code table.column} refers to {@code parent.parentColumn}. */
    record Reference(String table, String column, String parent, String parentColumn) {
        /** From H2's SCRIPT text (quoted names); null for a key of several columns. */
        static Reference of(String table, String quotedColumns, String parent, String quotedParentColumns) {
            if (quotedColumns.contains(",") || quotedParentColumns.contains(",")) {
                return null;
            }
            return new Reference(table, unquote(quotedColumns), parent, unquote(quotedParentColumns));
        }

        private static String unquote(String name) {
            String n = name.strip();
            return n.length() > 1 && n.startsWith("\"") && n.endsWith("\"")
                    ? n.substring(1, n.length() - 1).replace("\"\"", "\"") : n;
        }
    }

    private final Collection<Reference> references;
    /** Loaded keys by {@code table + '.' + column}, for the columns some reference points at. */
    private final Map<String, LongSet> keys = new HashMap<>();
    private final Set<Reference> verified = new HashSet<>();
    private final Set<String> broken = new HashSet<>();

    LoadedKeys(Collection<Reference> references) {
        this.references = references;
    }

    /** Every row of its table had a loaded parent for this reference. */
    boolean verified(Reference r) {
        return r != null && verified.contains(r) && !broken.contains(r.table());
    }

    /** A row of this table breaks one of its references. */
    boolean broken(String table) {
        return broken.contains(table);
    }

    /**
     * What to do with each row of {@code table}, whose values come in the order of {@code columns}:
     * keep the keys its children will refer to, check its references to tables loaded before.
     * {@link Watch#row} runs on the parser's thread, {@link Watch#done} after it has ended.
     */
    Watch watch(String table, List<Column> columns) {
        List<Integer> keep = new ArrayList<>();
        List<LongSet> keepIn = new ArrayList<>();
        List<Integer> check = new ArrayList<>();
        List<LongSet> checkIn = new ArrayList<>();
        List<Reference> checking = new ArrayList<>();
        for (Reference r : references) {
            if (r.table().equals(r.parent())) {
                continue;
            }
            if (r.parent().equals(table)) {
                int i = integerColumn(columns, r.parentColumn());
                String name = table + '.' + r.parentColumn();
                if (i >= 0 && !keys.containsKey(name)) {
                    LongSet set = new LongSet();
                    keys.put(name, set);
                    keep.add(i);
                    keepIn.add(set);
                }
            }
            if (r.table().equals(table)) {
                int i = integerColumn(columns, r.column());
                LongSet parent = keys.get(r.parent() + '.' + r.parentColumn());
                if (i >= 0 && parent != null) {
                    check.add(i);
                    checkIn.add(parent);
                    checking.add(r);
                }
            }
        }
        return new Watch(table, keep.stream().mapToInt(Integer::intValue).toArray(), keepIn.toArray(LongSet[]::new),
                check.stream().mapToInt(Integer::intValue).toArray(), checkIn.toArray(LongSet[]::new), checking);
    }

    private static int integerColumn(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return columns.get(i).type() == ArchiveType.INTEGER ? i : -1;
            }
        }
        return -1;
    }

    /** One table's load: see {@link #watch}. */
    final class Watch {
        private final String table;
        private final int[] keep;
        private final LongSet[] keepIn;
        private final int[] check;
        private final LongSet[] checkIn;
        private final List<Reference> checking;
        private boolean rowBreaks;

        private Watch(String table, int[] keep, LongSet[] keepIn, int[] check, LongSet[] checkIn,
                      List<Reference> checking) {
            this.table = table;
            this.keep = keep;
            this.keepIn = keepIn;
            this.check = check;
            this.checkIn = checkIn;
            this.checking = checking;
        }

        /** A parsed row (integer columns hold Longs; null passes, as MATCH SIMPLE says). */
        void row(Object[] row) {
            for (int k = 0; k < keep.length; k++) {
                Object v = row[keep[k]];
                if (v != null) {
                    keepIn[k].add((Long) v);
                }
            }
            for (int k = 0; k < check.length; k++) {
                Object v = row[check[k]];
                if (v != null && !checkIn[k].contains((Long) v)) {
                    rowBreaks = true;
                }
            }
        }

        /** All rows were seen (the parser has ended). */
        void done() {
            if (rowBreaks) {
                broken.add(table);
            } else {
                verified.addAll(checking);
            }
        }
    }

    /** Longs in open addressing (no boxing: a parent table may have millions of rows). */
    static final class LongSet {
        private static final long FREE = 0;
        private long[] slots = new long[1 << 10];
        private int size;
        private boolean hasFree;

        void add(long v) {
            if (v == FREE) {
                hasFree = true;
                return;
            }
            if (2 * (size + 1) > slots.length) {
                grow();
            }
            if (insert(slots, v)) {
                size++;
            }
        }

        boolean contains(long v) {
            if (v == FREE) {
                return hasFree;
            }
            int mask = slots.length - 1;
            for (int i = hash(v) & mask; ; i = (i + 1) & mask) {
                long s = slots[i];
                if (s == v) {
                    return true;
                }
                if (s == FREE) {
                    return false;
                }
            }
        }

        private static boolean insert(long[] table, long v) {
            int mask = table.length - 1;
            for (int i = hash(v) & mask; ; i = (i + 1) & mask) {
                long s = table[i];
                if (s == v) {
                    return false;
                }
                if (s == FREE) {
                    table[i] = v;
                    return true;
                }
            }
        }

        private void grow() {
            long[] bigger = new long[slots.length * 2];
            for (long v : slots) {
                if (v != FREE) {
                    insert(bigger, v);
                }
            }
            slots = bigger;
        }

        private static int hash(long v) {
            long h = v * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
