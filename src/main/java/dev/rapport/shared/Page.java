package dev.rapport.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated listing; nextCursor is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }

    /** The most items a page may ask for. */
    public static final int MAX_LIMIT = 200;

    /** A page size a caller asked for: 1 to {@link #MAX_LIMIT}, or the field's fault. */
    public static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be 1 to " + MAX_LIMIT);
        }
        return limit;
    }

    /**
     * The page of {@code rows} read with {@code LIMIT limit + 1}: the extra row only says there are more,
     * and the cursor then points after the page's last row.
     */
    public static <T> Page<T> cut(List<T> rows, int limit, Function<T, String> cursorAfter) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, cursorAfter.apply(items.get(limit - 1)));
    }
}
