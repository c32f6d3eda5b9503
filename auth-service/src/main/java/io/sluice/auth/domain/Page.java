package io.sluice.auth.domain;

import java.util.List;
import java.util.function.Function;

/** Part of a longer list, newest first; {@code nextCursor} fetches the rest, {@code null} at the end. */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * The page of {@code limit} items out of {@code limit + 1} fetched ones: the extra one only tells that
     * there is more, and the cursor points after the last item shown.
     */
    static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> cursorAfter) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> shown = fetched.subList(0, limit);
        return new Page<>(shown, cursorAfter.apply(shown.getLast()));
    }
}
