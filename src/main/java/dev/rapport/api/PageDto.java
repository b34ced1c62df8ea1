package dev.rapport.api;

import java.util.List;
import java.util.function.Function;

import dev.rapport.shared.Page;

/** A page of results; pass nextCursor back as ?cursor= to get the next one (null on the last page). */
record PageDto<T>(List<T> items, String nextCursor) {
    static <S, T> PageDto<T> of(Page<S> page, Function<S, T> mapper) {
        return new PageDto<>(page.items().stream().map(mapper).toList(), page.nextCursor());
    }
}
