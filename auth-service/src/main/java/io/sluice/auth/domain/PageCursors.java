package io.sluice.auth.domain;

import io.sluice.auth.storage.LiveStreamEntity;
import io.sluice.auth.storage.StoredText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Opaque page cursors: the sort position of the last item (a time and an id) in base64url. Clients pass
 * them back unchanged; their content is not part of the API.
 */
final class PageCursors {

    record Position(Instant at, String id) {
    }

    private PageCursors() {
    }

    static String encode(Instant at, String id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((at.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @return {@code null} for no cursor (the first page) */
    static Position decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar < 0 || bar == text.length() - 1) {
                throw new IllegalArgumentException("no id");
            }
            String id = text.substring(bar + 1);
            if (!StoredText.isStorableIdentifier(id, LiveStreamEntity.ID_MAX_LENGTH)) {
                throw new IllegalArgumentException("not an id");
            }
            return new Position(Instant.parse(text.substring(0, bar)), id);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidParameterException("cursor", "is not a cursor returned by this API");
        }
    }
}
