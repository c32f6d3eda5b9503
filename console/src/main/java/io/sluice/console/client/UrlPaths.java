package io.sluice.console.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Ids that came in a URL go back into URLs as one encoded path segment, whatever they hold. */
public final class UrlPaths {

    private UrlPaths() {
    }

    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
