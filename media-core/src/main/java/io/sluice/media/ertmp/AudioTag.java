package io.sluice.media.ertmp;

/** An audio tag body: silence, one of the legacy FLV forms or an Enhanced RTMP one. */
public sealed interface AudioTag extends MediaTag permits AudioSilence, LegacyAudioTag, LegacyAacAudioTag, ExAudioTag {
}
