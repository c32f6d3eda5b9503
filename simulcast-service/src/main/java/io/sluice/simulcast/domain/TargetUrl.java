package io.sluice.simulcast.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A target's server URL, {@code rtmp[s]://host[:port]/app[/more]}: the stream key is not part of it (it is the
 * publishing name, kept apart as a secret). The application is everything after the host, as OBS and the
 * platforms split their "server" and "stream key" fields.
 *
 * @param tcUrl what connect sends: the URL without a trailing slash
 */
public record TargetUrl(boolean tls, String host, int port, String app, String tcUrl) {

    public static final int MAX_LENGTH = 2048;

    /** Parses and checks a URL as given to the API; the message of the exception says what is wrong. */
    public static TargetUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidTargetException("url", "is required");
        }
        if (text.length() > MAX_LENGTH || text.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            throw new InvalidTargetException("url", "must be at most " + MAX_LENGTH
                    + " characters without spaces or control characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidTargetException("url", "is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("rtmp") && !scheme.equals("rtmps")) {
            throw new InvalidTargetException("url", "must start with rtmp:// or rtmps://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidTargetException("url", "must name a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidTargetException("url", "must not hold user info, a query or a fragment;"
                    + " the stream key goes into stream_key");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("^/+|/+$", "");
        if (path.isEmpty()) {
            throw new InvalidTargetException("url", "must name the application, as in rtmps://a.rtmps.youtube.com/live2");
        }
        boolean tls = scheme.equals("rtmps");
        int port = uri.getPort() == -1 ? (tls ? 443 : 1935) : uri.getPort();
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String authority = uri.getRawAuthority();
        return new TargetUrl(tls, host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port, path,
                scheme + "://" + authority + "/" + path);
    }

    /** The host and port, for messages. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
