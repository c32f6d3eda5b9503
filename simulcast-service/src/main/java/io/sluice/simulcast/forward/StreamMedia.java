package io.sluice.simulcast.forward;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a target needs to start on a live stream at once: its metadata, its sequence headers and the tags since its
 * last keyframe (the GOP), kept up to a byte bound; a GOP longer than that is not kept, and a target then starts at
 * the next keyframe. The session's first seconds from its first keyframe are kept too (same bound, at most
 * {@link #START_WINDOW_MILLIS} of media): the media log delivers in bursts, and a target that was enabled when the
 * session started should get the session from its start, not from whichever keyframe came last when it connected.
 * Used under the lock of its {@link LiveStream}.
 */
final class StreamMedia {

    private final int gopLimitBytes;
    private Tag metadata;
    private Tag videoHeader;
    private Tag audioHeader;
    private final List<Tag> gop = new ArrayList<>();
    private long gopBytes;
    private boolean gopComplete;
    private final List<Tag> fromStart = new ArrayList<>();
    private long fromStartBytes;
    private boolean fromStartKept = true;
    private long startTimestamp = -1;

    /** How much of the session's start is kept for the targets that start with it. */
    static final long START_WINDOW_MILLIS = 10_000;

    StreamMedia(int gopLimitBytes) {
        this.gopLimitBytes = gopLimitBytes;
    }

    /** Keeps the tag; true when it is metadata or a sequence header other than the one kept so far. */
    boolean add(Tag tag) {
        switch (tag.kind()) {
            case METADATA -> {
                boolean changed = differs(metadata, tag);
                metadata = tag;
                return changed;
            }
            case VIDEO -> {
                if (tag.isSequenceHeader()) {
                    boolean changed = differs(videoHeader, tag);
                    videoHeader = tag;
                    return changed;
                }
                if (tag.isKeyframe()) {
                    gop.clear();
                    gopBytes = 0;
                    gopComplete = true;
                }
                keep(tag);
            }
            case AUDIO -> {
                if (tag.isSequenceHeader()) {
                    boolean changed = differs(audioHeader, tag);
                    audioHeader = tag;
                    return changed;
                }
                keep(tag);
            }
        }
        return false;
    }

    private static boolean differs(Tag kept, Tag tag) {
        return kept == null || !Arrays.equals(kept.body(), tag.body());
    }

    private void keep(Tag tag) {
        if (!gopComplete) {
            return;
        }
        keepFromStart(tag);
        if (gopBytes + tag.body().length > gopLimitBytes) {
            gop.clear();
            gopBytes = 0;
            gopComplete = false;
            return;
        }
        gop.add(tag);
        gopBytes += tag.body().length;
    }

    private void keepFromStart(Tag tag) {
        if (!fromStartKept) {
            return;
        }
        if (startTimestamp < 0) {
            startTimestamp = tag.timestamp();
        }
        if (fromStartBytes + tag.body().length > gopLimitBytes
                || (int) (tag.timestamp() - startTimestamp) > START_WINDOW_MILLIS) {
            fromStart.clear();
            fromStartKept = false;
            return;
        }
        fromStart.add(tag);
        fromStartBytes += tag.body().length;
    }

    /** The session from its first keyframe, while that is still kept; else the current GOP. */
    List<Tag> fromSessionStart() {
        return fromStartKept && !fromStart.isEmpty() ? List.copyOf(fromStart) : gop();
    }

    /** Metadata and sequence headers, in the order a target gets them. */
    List<Tag> headers() {
        List<Tag> headers = new ArrayList<>(3);
        if (metadata != null) {
            headers.add(metadata);
        }
        if (videoHeader != null) {
            headers.add(videoHeader);
        }
        if (audioHeader != null) {
            headers.add(audioHeader);
        }
        return headers;
    }

    boolean hasHeaders() {
        return videoHeader != null || audioHeader != null;
    }

    /** The current GOP from its keyframe, or nothing when none is kept. */
    List<Tag> gop() {
        return List.copyOf(gop);
    }

    Optional<String> videoFourCc() {
        return videoHeader == null ? Optional.empty() : TagBodies.videoFourCc(videoHeader.body());
    }

    Optional<String> audioFourCc() {
        return audioHeader == null ? Optional.empty() : TagBodies.audioFourCc(audioHeader.body());
    }
}
