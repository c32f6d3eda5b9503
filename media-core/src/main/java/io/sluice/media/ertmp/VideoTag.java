package io.sluice.media.ertmp;

/** A video tag body: one of the legacy FLV forms or an Enhanced RTMP one. */
public sealed interface VideoTag extends MediaTag
        permits LegacyVideoTag, LegacyAvcVideoTag, LegacyVideoCommand, ExVideoTag {
}
