package io.sluice.auth.domain;

import io.sluice.auth.storage.LiveStreamEntity;
import io.sluice.auth.storage.StoredText;
import io.sluice.auth.storage.StreamSessionEntity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Opaque page cursors in base64url: where the last item of a page sits in its list. Clients pass them back
 * unchanged; their content is not part of the API. Streams are ordered by creation time and id, both fixed;
 * sessions by the order they became known, which the last session's id finds.
 */
final class PageCursors {

    record StreamPosition(Instant createdAt, String id) {
    }

    private static final String SESSION_PREFIX = "session|";

    private PageCursors() {
    }

    static String after(LiveStreamEntity last) {
        return encode(last.createdAt + "|" + last.id);
    }

    static String after(StreamSessionEntity last) {
        return encode(SESSION_PREFIX + last.sessionId);
    }

    /** @return {@code null} for no cursor (the first page) */
    static StreamPosition streamPosition(String cursor) {
        String text = decode(cursor);
        if (text == null) {
            return null;
        }
        int bar = text.indexOf('|');
        try {
            String id = bar < 0 ? null : text.substring(bar + 1);
            if (StoredText.isStorableIdentifier(id, LiveStreamEntity.ID_MAX_LENGTH)) {
                return new StreamPosition(Instant.parse(text.substring(0, bar)), id);
            }
        } catch (DateTimeParseException e) {
            // not one of ours
        }
        throw notACursor();
    }

    /** @return the id of the last session of the previous page, {@code null} for the first page */
    static String sessionPosition(String cursor) {
        String text = decode(cursor);
        if (text == null) {
            return null;
        }
        String id = text.startsWith(SESSION_PREFIX) ? text.substring(SESSION_PREFIX.length()) : null;
        if (!StoredText.isStorableIdentifier(id, StreamSessionEntity.SESSION_ID_MAX_LENGTH)) {
            throw notACursor();
        }
        return id;
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
    }

    private static InvalidParameterException notACursor() {
        return new InvalidParameterException("cursor", "is not a cursor returned by this API");
    }
}
