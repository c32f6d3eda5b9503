package io.sluice.recording.api;

import java.util.List;

/** A page of recordings, newest first; {@code next_cursor} fetches the next one. */
public record RecordingPage(List<RecordingView> data, String nextCursor) {
}
