package io.sluice.recording.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file (RFC 9110 14.1.2). A header asking for several ranges, or not in the
 * {@code bytes=} unit, is answered with the whole file, as the RFC allows.
 *
 * @param first the first byte
 * @param last the last byte, inclusive
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");

    long length() {
        return last - first + 1;
    }

    /** The range a {@code Range} header asks of a file of {@code size} bytes; empty for the whole file. */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher match = SINGLE.matcher(header.strip());
        if (!match.matches() || match.group(1).isEmpty() && match.group(2).isEmpty()) {
            return Optional.empty();
        }
        try {
            if (match.group(1).isEmpty()) {
                long suffix = Long.parseLong(match.group(2));
                if (suffix == 0) {
                    throw new Unsatisfiable();
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(match.group(1));
            long last = match.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(match.group(2)), size - 1);
            if (first >= size || last < first) {
                throw new Unsatisfiable();
            }
            return Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The range lies outside the file: 416. */
    static final class Unsatisfiable extends RuntimeException {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }
}
