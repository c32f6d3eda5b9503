package io.sluice.media.hls;

/** Checks shared by the playlist values. */
final class Playlists {

    /** Written in a playlist, a URI must not end its line or its quoted attribute. */
    static void requireUri(String uri) {
        if (uri.isEmpty()) {
            throw new IllegalArgumentException("a URI is not empty");
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c < 0x21 || c == '"' || c == ',' || c > 0x7E) {
                throw new IllegalArgumentException("a playlist URI is printable ASCII without quotes or commas: " + uri);
            }
        }
    }

    private Playlists() {
    }
}
