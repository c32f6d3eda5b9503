package io.sluice.auth.api;

import io.sluice.auth.domain.InvalidParameterException;
import io.sluice.auth.domain.VersionPrecondition;
import jakarta.ws.rs.core.EntityTag;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A live stream's {@code ETag} is its version as a strong entity tag ({@code "3"}); {@code If-Match} names
 * the versions a change may be made to (RFC 9110, 13.1.1). Weak tags never match, as the RFC's strong
 * comparison has it; tags this service did not issue match no version.
 */
final class EntityTags {

    static final String IF_MATCH = "If-Match";

    private EntityTags() {
    }

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** @param headers every {@code If-Match} header of the request, none for no precondition */
    static VersionPrecondition ifMatch(List<String> headers) {
        if (headers == null || headers.isEmpty()) {
            return VersionPrecondition.NONE;
        }
        String value = String.join(",", headers).strip();
        if (value.equals("*")) {
            // Any current version: the stream must exist, which not-found already answers for.
            return VersionPrecondition.NONE;
        }
        Set<Long> versions = new HashSet<>();
        boolean tagged = false;
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            boolean weak = value.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            int close = open < value.length() && value.charAt(open) == '"' ? value.indexOf('"', open + 1) : -1;
            if (close < 0) {
                throw malformed();
            }
            String tag = value.substring(open + 1, close);
            if (!weak && tag.matches("[0-9]{1,18}")) {
                versions.add(Long.parseLong(tag));
            }
            tagged = true;
            i = close + 1;
            while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            if (i < value.length() && value.charAt(i) != ',') {
                throw malformed();
            }
        }
        if (!tagged) {
            throw malformed();
        }
        return new VersionPrecondition(versions);
    }

    private static InvalidParameterException malformed() {
        return new InvalidParameterException(IF_MATCH, "must be * or a list of entity tags such as \"3\"");
    }
}
