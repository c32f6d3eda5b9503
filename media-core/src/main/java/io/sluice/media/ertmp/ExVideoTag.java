package io.sluice.media.ertmp;

import java.util.List;

/**
 * An Enhanced RTMP video tag (IsExHeader set, E-RTMP v2 Enhanced Video).
 *
 * @param frameType ignored by receivers for Metadata packets, but kept for a byte-identical rewrite
 * @param modifiers ModEx entries in wire order, such as a nanosecond timestamp offset
 * @param content a command, a single packet, or several tracks
 */
public record ExVideoTag(VideoFrameType frameType, List<ModEx> modifiers, ExVideoContent content) implements VideoTag {

    public ExVideoTag {
        modifiers = List.copyOf(modifiers);
        boolean command = content instanceof ExVideoCommand;
        boolean metadata = content instanceof VideoPacket.Metadata;
        if (command != (frameType == VideoFrameType.COMMAND && !metadata)) {
            throw new IllegalArgumentException("frame type COMMAND goes with a command, except for Metadata");
        }
    }

    /** An unmodified single-track tag. */
    public static ExVideoTag of(VideoFrameType frameType, ExVideoContent content) {
        return new ExVideoTag(frameType, List.of(), content);
    }
}
