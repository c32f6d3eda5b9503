package io.sluice.auth.storage;

/**
 * What text is fit to store and show: none with control characters (NUL, which PostgreSQL refuses, or
 * terminal escapes) or unpaired surrogates, and none longer than its column.
 */
public final class StoredText {

    private StoredText() {
    }

    /** A control character (Unicode category Cc) or a surrogate on its own. */
    public static boolean isUnfit(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL
                || Character.isBmpCodePoint(codePoint) && Character.isSurrogate((char) codePoint);
    }

    /**
     * Makes text that others wrote fit, such as what an encoder says about itself, which reaches us through
     * session events: control characters go (line breaks and tabs become spaces), unpaired surrogates go,
     * and the rest is cut to the column's size.
     *
     * @return the cleaned text, at most {@code maxLength} code points; {@code null} if nothing is left
     */
    public static String clean(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), maxLength));
        int kept = 0;
        for (int i = 0; i < text.length() && kept < maxLength; ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.getType(codePoint) == Character.CONTROL && Character.isWhitespace(codePoint)) {
                clean.append(' ');
                kept++;
            } else if (!isUnfit(codePoint)) {
                clean.appendCodePoint(codePoint);
                kept++;
            }
        }
        return clean.isEmpty() ? null : clean.toString();
    }

    /**
     * Whether an identifier can be stored and looked up as it is: not empty, no longer than its column,
     * nothing unfit in it. Identifiers are refused rather than cleaned, since a changed one names another
     * thing.
     */
    public static boolean isStorableIdentifier(String id, int maxLength) {
        return id != null && !id.isEmpty() && id.codePointCount(0, id.length()) <= maxLength
                && id.codePoints().noneMatch(StoredText::isUnfit);
    }
}
