package io.sluice.recording.api;

import io.sluice.recording.domain.InvalidParameterException;
import io.sluice.recording.domain.PlaybackService;
import io.sluice.recording.domain.RecordingStatus;

/**
 * Query parameters read from their text: a wrong type or shape is a validation problem that names the parameter
 * (JAX-RS would answer 404 for an {@code int} given {@code abc}). An empty parameter counts as absent.
 */
final class QueryParameters {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;
    private static final int STREAM_ID_MAX_LENGTH = 40;

    private QueryParameters() {
    }

    static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // as out of range
        }
        throw new InvalidParameterException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** @return {@code null} for every status but {@code deleted} */
    static RecordingStatus status(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return RecordingStatus.fromWireName(text).orElseThrow(() -> new InvalidParameterException("status",
                "must be one of recording, ready, failed, deleted"));
    }

    /** @return {@code null} for every stream */
    static String streamId(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.length() > STREAM_ID_MAX_LENGTH || !text.matches("[A-Za-z0-9_-]+")) {
            throw new InvalidParameterException("stream_id", "must be a live stream id");
        }
        return text;
    }

    /**
     * A blocking playlist request ({@code _HLS_msn}, optionally {@code _HLS_part}), or {@code null} for none.
     * {@code _HLS_part} without {@code _HLS_msn}, or either not a whole number, is malformed.
     */
    static PlaybackService.BlockingRequest blocking(String msn, String part) {
        boolean hasMsn = msn != null && !msn.isEmpty();
        boolean hasPart = part != null && !part.isEmpty();
        if (!hasMsn) {
            if (hasPart) {
                throw new InvalidParameterException("_HLS_part", "needs _HLS_msn");
            }
            return null;
        }
        return new PlaybackService.BlockingRequest(whole("_HLS_msn", msn, Long.MAX_VALUE),
                hasPart ? (int) whole("_HLS_part", part, Integer.MAX_VALUE) : null);
    }

    private static long whole(String name, String text, long max) {
        try {
            long value = Long.parseLong(text);
            if (value >= 0 && value <= max && text.chars().allMatch(Character::isDigit)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // as out of range
        }
        throw new InvalidParameterException(name, "must be a whole number from 0");
    }
}
