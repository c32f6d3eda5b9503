package io.sluice.media.ertmp;

import java.util.List;

/**
 * An Enhanced RTMP audio tag (SoundFormat 9, ExHeader; E-RTMP v2 Enhanced Audio).
 *
 * @param modifiers ModEx entries in wire order, such as a nanosecond timestamp offset
 * @param content one packet or several tracks
 */
public record ExAudioTag(List<ModEx> modifiers, ExAudioContent content) implements AudioTag {

    public ExAudioTag {
        modifiers = List.copyOf(modifiers);
    }

    /** An unmodified tag. */
    public static ExAudioTag of(ExAudioContent content) {
        return new ExAudioTag(List.of(), content);
    }
}
