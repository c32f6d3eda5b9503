package io.sluice.recording.objects;

import java.nio.charset.StandardCharsets;

/**
 * The layout of a store: {@code <tenant>/<stream>/<recording>/} holds one recording, with
 * {@code init-<period>.mp4} (an init segment per period), {@code seg-<n>.m4s} (complete segments) and
 * {@code seg-<n>.<part>.m4s} (LL-HLS parts, kept while they are near the live edge). Each path component is
 * percent-encoded outside {@code [A-Za-z0-9_-]}, so no tenant or stream name can escape its folder or collide
 * with another.
 */
public final class ObjectKeys {

    private ObjectKeys() {
    }

    /** The folder of one recording, ending in {@code /}. */
    public static String recording(String tenant, String streamId, String recordingId) {
        return component(tenant) + "/" + component(streamId) + "/" + component(recordingId) + "/";
    }

    public static String init(String recordingPrefix, int period) {
        return recordingPrefix + initName(period);
    }

    public static String segment(String recordingPrefix, long segment) {
        return recordingPrefix + segmentName(segment);
    }

    public static String part(String recordingPrefix, long segment, int part) {
        return recordingPrefix + partName(segment, part);
    }

    /** The file name a playlist uses for an init segment. */
    public static String initName(int period) {
        return "init-" + period + ".mp4";
    }

    public static String segmentName(long segment) {
        return "seg-" + segment + ".m4s";
    }

    public static String partName(long segment, int part) {
        return "seg-" + segment + "." + part + ".m4s";
    }

    static String component(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >>> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
