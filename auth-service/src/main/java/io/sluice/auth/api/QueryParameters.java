package io.sluice.auth.api;

import io.sluice.auth.domain.InvalidParameterException;
import io.sluice.auth.domain.LiveStreamLimits;
import io.sluice.auth.domain.LiveStreamStatus;
import io.sluice.auth.storage.StoredText;

/**
 * The query parameters of the lists, read from their text. JAX-RS answers 404 for a query parameter it
 * cannot convert (an {@code int} given {@code abc}); here a wrong type or shape is a validation problem
 * that names the parameter. An empty parameter counts as absent.
 */
final class QueryParameters {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

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

    /** @return {@code null} for every status */
    static LiveStreamStatus status(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return LiveStreamStatus.fromWireName(text)
                .orElseThrow(() -> new InvalidParameterException("status", "must be one of idle, active, disabled"));
    }

    /** @return {@code null} for every tenant the caller may see */
    static String tenant(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!StoredText.isStorableIdentifier(text, LiveStreamLimits.TENANT_MAX_LENGTH)) {
            throw new InvalidParameterException("tenant", "must be a tenant name of at most "
                    + LiveStreamLimits.TENANT_MAX_LENGTH + " characters, without control characters");
        }
        return text;
    }
}
