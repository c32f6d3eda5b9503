package io.sluice.media.cmaf;

import io.sluice.media.codec.CodecLimits;
import io.sluice.media.codec.ImmutableBytes;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.ertmp.AacPacketType;
import io.sluice.media.ertmp.AudioFourCc;
import io.sluice.media.ertmp.AudioMultitrack;
import io.sluice.media.ertmp.AudioPacket;
import io.sluice.media.ertmp.AudioSilence;
import io.sluice.media.ertmp.AudioTag;
import io.sluice.media.ertmp.AudioTrack;
import io.sluice.media.ertmp.AvcPacketType;
import io.sluice.media.ertmp.ExAudioContent;
import io.sluice.media.ertmp.ExAudioTag;
import io.sluice.media.ertmp.ExVideoCommand;
import io.sluice.media.ertmp.ExVideoContent;
import io.sluice.media.ertmp.ExVideoTag;
import io.sluice.media.ertmp.KeyframeDetector;
import io.sluice.media.ertmp.LegacyAacAudioTag;
import io.sluice.media.ertmp.LegacyAudioTag;
import io.sluice.media.ertmp.LegacyAvcVideoTag;
import io.sluice.media.ertmp.LegacyVideoCommand;
import io.sluice.media.ertmp.LegacyVideoTag;
import io.sluice.media.ertmp.ModEx;
import io.sluice.media.ertmp.TagBodyLimits;
import io.sluice.media.ertmp.TagBodyParser;
import io.sluice.media.ertmp.VideoFourCc;
import io.sluice.media.ertmp.VideoMultitrack;
import io.sluice.media.ertmp.VideoPacket;
import io.sluice.media.ertmp.VideoTag;
import io.sluice.media.ertmp.VideoTrack;
import java.util.Arrays;
import java.util.List;

/**
 * Reads audio and video tag bodies, legacy FLV and Enhanced RTMP alike, as a recording needs them: sequence
 * headers become {@link TrackConfiguration}s, coded frames become {@link MediaUnit.Frame}s that point into the
 * body without copying it. Of a multitrack tag only the default track (id 0) is recorded. Codecs without a CMAF
 * track here (VP8, VP9, MP3, AC-3, FLAC, ...) are skipped, marked unsupported. A body that does not parse, or a
 * configuration record that does not, is a {@link MediaFormatException}.
 */
public final class TagSampler {

    /** A coded frame's header is at most this long unless it has ModEx entries; longer bodies are parsed whole. */
    private static final int HEADER_PREFIX = 64;
    private static final int DEFAULT_TRACK = 0;

    private final TagBodyParser parser;
    private final CodecLimits codecLimits;

    public TagSampler(TagBodyLimits tagLimits, CodecLimits codecLimits) {
        this.parser = new TagBodyParser(tagLimits);
        this.codecLimits = codecLimits;
    }

    /** What a video tag body means to a recording. */
    public MediaUnit video(byte[] body) {
        VideoTag head = body.length > HEADER_PREFIX ? headOf(body, true) : null;
        if (head != null) {
            MediaUnit frame = codedVideo(head, body);
            if (frame != null) {
                return frame;
            }
        }
        return video(parser.parseVideo(body), body);
    }

    /** What an audio tag body means to a recording. */
    public MediaUnit audio(byte[] body) {
        AudioTag head = body.length > HEADER_PREFIX ? headOf(body, false) : null;
        if (head != null) {
            MediaUnit frame = codedAudio(head, body);
            if (frame != null) {
                return frame;
            }
        }
        return audio(parser.parseAudio(body), body);
    }

    /**
     * The parser copies what it reads: a large coded frame is parsed from its first bytes only, which say
     * everything but the frame's data, so that a recording never copies a frame it only has to store.
     */
    @SuppressWarnings("unchecked")
    private <T> T headOf(byte[] body, boolean video) {
        try {
            byte[] prefix = Arrays.copyOf(body, HEADER_PREFIX);
            return (T) (video ? parser.parseVideo(prefix) : parser.parseAudio(prefix));
        } catch (MediaFormatException e) {
            return null;
        }
    }

    /** A frame for a single-track coded frame read from a prefix, or null when the whole body must be read. */
    private static MediaUnit codedVideo(VideoTag head, byte[] body) {
        return switch (head) {
            case LegacyAvcVideoTag avc when avc.packetType() == AvcPacketType.NALU ->
                    frameFromPrefix(TrackKind.VIDEO, avc.compositionTime(), 0, KeyframeDetector.containerSaysKeyFrame(avc),
                            avc.data(), body);
            case ExVideoTag ex when ex.content() instanceof VideoPacket packet && isRecorded(packet.fourCc())
                    && (packet instanceof VideoPacket.CodedFrames || packet instanceof VideoPacket.CodedFramesX) ->
                    frameFromPrefix(TrackKind.VIDEO, compositionTime(packet), nanos(ex.modifiers()),
                            KeyframeDetector.containerSaysKeyFrame(ex), packet.data(), body);
            default -> null;
        };
    }

    private static MediaUnit codedAudio(AudioTag head, byte[] body) {
        return switch (head) {
            case LegacyAacAudioTag aac when aac.packetType() == AacPacketType.RAW ->
                    frameFromPrefix(TrackKind.AUDIO, 0, 0, true, aac.data(), body);
            case ExAudioTag ex when ex.content() instanceof AudioPacket.CodedFrames frames && isRecorded(frames.fourCc()) ->
                    frameFromPrefix(TrackKind.AUDIO, 0, nanos(ex.modifiers()), true, frames.data(), body);
            default -> null;
        };
    }

    /** The data of a single packet is the end of the body: it starts where the prefix's header ended. */
    private static MediaUnit frameFromPrefix(TrackKind kind, int compositionTime, int nanos, boolean keyframe,
            ImmutableBytes prefixData, byte[] body) {
        int header = HEADER_PREFIX - prefixData.length();
        return new MediaUnit.Frame(kind, compositionTime, nanos, keyframe, body, header, body.length - header);
    }

    private MediaUnit video(VideoTag tag, byte[] body) {
        return switch (tag) {
            case LegacyAvcVideoTag avc -> switch (avc.packetType()) {
                case SEQUENCE_HEADER -> configuration("avc1", avc.data());
                case NALU -> frameAtTail(TrackKind.VIDEO, avc.compositionTime(), 0,
                        KeyframeDetector.containerSaysKeyFrame(avc), avc.data(), body, body.length);
                case END_OF_SEQUENCE -> new MediaUnit.Skipped("end of sequence", false);
            };
            case LegacyVideoTag legacy -> new MediaUnit.Skipped("legacy video codec " + legacy.codecId(), true);
            case LegacyVideoCommand command -> new MediaUnit.Skipped("video command", false);
            case ExVideoTag ex -> exVideo(ex, body);
        };
    }

    private MediaUnit exVideo(ExVideoTag tag, byte[] body) {
        ExVideoContent content = tag.content();
        boolean keyframe = KeyframeDetector.containerSaysKeyFrame(tag);
        return switch (content) {
            case ExVideoCommand command -> new MediaUnit.Skipped("video command", false);
            case VideoPacket packet -> videoPacket(packet, keyframe, nanos(tag.modifiers()), body, true);
            case VideoMultitrack multitrack -> {
                VideoTrack track = defaultVideoTrack(multitrack.tracks());
                yield track == null ? new MediaUnit.Skipped("no default video track", false)
                        : videoPacket(track.packet(), keyframe, nanos(tag.modifiers()), body, false);
            }
        };
    }

    private MediaUnit videoPacket(VideoPacket packet, boolean keyframe, int nanos, byte[] body, boolean atTail) {
        if (!isRecorded(packet.fourCc())) {
            return new MediaUnit.Skipped("video codec " + packet.fourCc().code(), true);
        }
        return switch (packet) {
            case VideoPacket.SequenceStart start -> configuration(packet.fourCc().code(), start.data());
            case VideoPacket.CodedFrames frames -> frameAtTail(TrackKind.VIDEO, frames.compositionTimeOffset(), nanos,
                    keyframe, frames.data(), body, atTail ? body.length : -1);
            case VideoPacket.CodedFramesX frames -> frameAtTail(TrackKind.VIDEO, 0, nanos, keyframe, frames.data(),
                    body, atTail ? body.length : -1);
            case VideoPacket.SequenceEnd end -> new MediaUnit.Skipped("end of sequence", false);
            case VideoPacket.Metadata metadata -> new MediaUnit.Skipped("video metadata", false);
            case VideoPacket.Mpeg2TsSequenceStart start -> new MediaUnit.Skipped("MPEG-2 TS sequence start", false);
        };
    }

    private MediaUnit audio(AudioTag tag, byte[] body) {
        return switch (tag) {
            case LegacyAacAudioTag aac -> aac.packetType() == AacPacketType.SEQUENCE_HEADER
                    ? configuration("mp4a", aac.data())
                    : frameAtTail(TrackKind.AUDIO, 0, 0, true, aac.data(), body, body.length);
            case LegacyAudioTag legacy -> new MediaUnit.Skipped("audio format " + legacy.soundFormat(), true);
            case AudioSilence silence -> new MediaUnit.Skipped("silence", false);
            case ExAudioTag ex -> exAudio(ex, body);
        };
    }

    private MediaUnit exAudio(ExAudioTag tag, byte[] body) {
        ExAudioContent content = tag.content();
        return switch (content) {
            case AudioPacket packet -> audioPacket(packet, nanos(tag.modifiers()), body, true);
            case AudioMultitrack multitrack -> {
                AudioTrack track = defaultAudioTrack(multitrack.tracks());
                yield track == null ? new MediaUnit.Skipped("no default audio track", false)
                        : audioPacket(track.packet(), nanos(tag.modifiers()), body, false);
            }
        };
    }

    private MediaUnit audioPacket(AudioPacket packet, int nanos, byte[] body, boolean atTail) {
        if (!isRecorded(packet.fourCc())) {
            return new MediaUnit.Skipped("audio codec " + packet.fourCc().code(), true);
        }
        return switch (packet) {
            case AudioPacket.SequenceStart start -> configuration(packet.fourCc().code(), start.data());
            case AudioPacket.CodedFrames frames -> frameAtTail(TrackKind.AUDIO, 0, nanos, true, frames.data(), body,
                    atTail ? body.length : -1);
            case AudioPacket.SequenceEnd end -> new MediaUnit.Skipped("end of sequence", false);
            case AudioPacket.MultichannelConfig config -> new MediaUnit.Skipped("multichannel configuration", false);
        };
    }

    /**
     * A frame whose data is the tail of the body ({@code bodyLength} ≥ 0), or, inside a multitrack tag, a copy
     * the parser made ({@code bodyLength} < 0).
     */
    private static MediaUnit frameAtTail(TrackKind kind, int compositionTime, int nanos, boolean keyframe,
            ImmutableBytes data, byte[] body, int bodyLength) {
        if (bodyLength < 0) {
            byte[] copy = data.toByteArray();
            return new MediaUnit.Frame(kind, compositionTime, nanos, keyframe, copy, 0, copy.length);
        }
        return new MediaUnit.Frame(kind, compositionTime, nanos, keyframe, body, bodyLength - data.length(),
                data.length());
    }

    private MediaUnit configuration(String fourCc, ImmutableBytes record) {
        return new MediaUnit.Configuration(TrackConfigurations.of(fourCc, record.toByteArray(), codecLimits));
    }

    private static boolean isRecorded(VideoFourCc fourCc) {
        return fourCc == VideoFourCc.AVC || fourCc == VideoFourCc.HEVC || fourCc == VideoFourCc.AV1;
    }

    private static boolean isRecorded(AudioFourCc fourCc) {
        return fourCc == AudioFourCc.AAC || fourCc == AudioFourCc.OPUS;
    }

    private static int compositionTime(VideoPacket packet) {
        return packet instanceof VideoPacket.CodedFrames frames ? frames.compositionTimeOffset() : 0;
    }

    /** The E-RTMP nanosecond offset of this message, if it has one (at most 999,999 by the spec). */
    private static int nanos(List<ModEx> modifiers) {
        for (ModEx modifier : modifiers) {
            if (modifier instanceof ModEx.TimestampOffsetNano offset) {
                return Math.min(offset.nanoseconds(), 999_999);
            }
        }
        return 0;
    }

    private static VideoTrack defaultVideoTrack(List<VideoTrack> tracks) {
        return tracks.stream().filter(track -> track.trackId() == DEFAULT_TRACK).findFirst().orElse(null);
    }

    private static AudioTrack defaultAudioTrack(List<AudioTrack> tracks) {
        return tracks.stream().filter(track -> track.trackId() == DEFAULT_TRACK).findFirst().orElse(null);
    }
}
