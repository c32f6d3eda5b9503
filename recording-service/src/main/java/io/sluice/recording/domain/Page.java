package io.sluice.recording.domain;

import java.util.List;

/** Part of a longer list, newest first; {@code nextCursor} fetches the rest, {@code null} at the end. */
public record Page<T>(List<T> items, String nextCursor) {
}
