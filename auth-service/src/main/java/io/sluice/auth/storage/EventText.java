package io.sluice.auth.storage;

/**
 * Makes text from a session event fit to store and show. Ingest instances pass on what encoders say about
 * themselves (the connect command's flashVer, say), so anything may be in it: control characters (NUL,
 * which PostgreSQL refuses, or terminal escapes) go, line breaks and tabs become spaces, unpaired
 * surrogates go, and the rest is cut to the column's size. Identifiers are not cleaned but refused, since a
 * changed identifier would name another session.
 */
final class EventText {

    private EventText() {
    }

    /** @return the cleaned text, at most {@code maxLength} code points; {@code null} if nothing is left */
    static String clean(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), maxLength));
        int kept = 0;
        for (int i = 0; i < text.length() && kept < maxLength; ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.getType(codePoint) == Character.CONTROL) {
                if (Character.isWhitespace(codePoint)) {
                    clean.append(' ');
                    kept++;
                }
            } else if (!(Character.isBmpCodePoint(codePoint) && Character.isSurrogate((char) codePoint))) {
                clean.appendCodePoint(codePoint);
                kept++;
            }
        }
        return clean.isEmpty() ? null : clean.toString();
    }

    /** Whether an identifier can be stored as it is: not empty, no longer than its column, no control character. */
    static boolean isStorableIdentifier(String id, int maxLength) {
        return id != null && !id.isEmpty() && id.codePointCount(0, id.length()) <= maxLength
                && id.codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL
                        || Character.isBmpCodePoint(c) && Character.isSurrogate((char) c));
    }
}
