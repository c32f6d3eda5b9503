package io.sluice.ingest.session;

/**
 * Free text an encoder sends (its name in connect's flashVer, words inside a protocol error) on its way
 * into events, a database behind them, and logs: control characters, invisible formatting characters
 * (such as right-to-left overrides) and lone surrogates are dropped, and the length is capped.
 */
final class WireText {

    /** Encoder names are short ("FMLE/3.0 (compatible; obs-studio/30.1.2; Windows)"); more is not a name. */
    static final int MAX_ENCODER_LENGTH = 256;
    /** A session.ended detail: a sentence, perhaps quoting a bit of what the encoder sent. */
    static final int MAX_DETAIL_LENGTH = 512;

    private WireText() {
    }

    /** {@code text} without those characters, at most {@code maxLength} characters; null stays null. */
    static String clean(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength));
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            int type = Character.getType(codePoint);
            if (Character.isISOControl(codePoint) || type == Character.FORMAT || type == Character.SURROGATE) {
                continue;
            }
            if (out.length() + Character.charCount(codePoint) > maxLength) {
                break;
            }
            out.appendCodePoint(codePoint);
        }
        return out.toString();
    }
}
