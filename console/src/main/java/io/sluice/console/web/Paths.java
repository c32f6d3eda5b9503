package io.sluice.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Ids from URLs go back into URLs encoded, whatever they hold. */
final class Paths {

    private Paths() {
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
