package io.sluice.media.ertmp;

import io.sluice.media.codec.ByteCursor;
import io.sluice.media.codec.ImmutableBytes;
import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.flv.FlvTagType;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses audio and video tag bodies (the payload of FLV audio/video tags and RTMP audio/video messages), legacy
 * FLV and Enhanced RTMP v2 alike, into a closed set of records. It reads the whole body, as the spec requires,
 * checks every size against the bytes left and bounds tracks and ModEx entries by {@link TagBodyLimits}.
 * Unknown FourCCs, packet types and frame types are malformed input; unknown ModEx types are kept and skipped.
 * {@link TagBodyWriter} turns every result back into the same bytes.
 */
public final class TagBodyParser {

    private static final int EX_VIDEO_HEADER = 0x80;
    private static final int EX_AUDIO_SOUND_FORMAT = 9;
    private static final int MOD_EX_WIDE_SIZE = 0x100;

    private final TagBodyLimits limits;

    /** A parser bounded by {@code limits}. */
    public TagBodyParser(TagBodyLimits limits) {
        this.limits = limits;
    }

    /** Parses the body of an audio or video tag; script data has no typed form here. */
    public MediaTag parse(FlvTagType type, byte[] body) {
        return switch (type) {
            case AUDIO -> parseAudio(body);
            case VIDEO -> parseVideo(body);
            case SCRIPT_DATA -> throw new IllegalArgumentException("script data tags are not media tags");
        };
    }

    /** Parses a video tag body. */
    public VideoTag parseVideo(byte[] body) {
        var in = new ByteCursor(body);
        if (in.remaining() == 0) {
            throw new MediaFormatException("empty video tag");
        }
        int first = in.u8();
        if ((first & EX_VIDEO_HEADER) == 0) {
            return legacyVideo(first, in);
        }
        VideoFrameType frameType = VideoFrameType.of((first >>> 4) & 0x07);
        List<ModEx> modifiers = new ArrayList<>();
        VideoPacketType packetType = VideoPacketType.of(modifiers(first & 0x0F, VideoPacketType.MOD_EX.code(), in,
                modifiers));
        ExVideoContent content;
        if (packetType != VideoPacketType.METADATA && frameType == VideoFrameType.COMMAND) {
            content = new ExVideoCommand(packetType, in.u8());
        } else if (packetType == VideoPacketType.MULTITRACK) {
            content = videoMultitrack(in);
        } else {
            content = videoPacket(packetType, VideoFourCc.of(in.u32()), in);
        }
        requireEnd(in, "video");
        return new ExVideoTag(frameType, modifiers, content);
    }

    /** Parses an audio tag body; an empty body is the silence message. */
    public AudioTag parseAudio(byte[] body) {
        var in = new ByteCursor(body);
        if (in.remaining() == 0) {
            return new AudioSilence();
        }
        int first = in.u8();
        if (first >>> 4 != EX_AUDIO_SOUND_FORMAT) {
            return legacyAudio(first, in);
        }
        List<ModEx> modifiers = new ArrayList<>();
        AudioPacketType packetType = AudioPacketType.of(modifiers(first & 0x0F, AudioPacketType.MOD_EX.code(), in,
                modifiers));
        ExAudioContent content = packetType == AudioPacketType.MULTITRACK
                ? audioMultitrack(in)
                : audioPacket(packetType, AudioFourCc.of(in.u32()), in);
        requireEnd(in, "audio");
        return new ExAudioTag(modifiers, content);
    }

    private static VideoTag legacyVideo(int first, ByteCursor in) {
        VideoFrameType frameType = VideoFrameType.of(first >>> 4);
        int codecId = first & 0x0F;
        if (frameType == VideoFrameType.COMMAND) {
            var command = new LegacyVideoCommand(codecId, in.u8());
            requireEnd(in, "video command");
            return command;
        }
        if (codecId == LegacyAvcVideoTag.CODEC_ID) {
            AvcPacketType packetType = AvcPacketType.of(in.u8());
            int compositionTime = in.s24();
            return new LegacyAvcVideoTag(frameType, packetType, compositionTime, in.rest());
        }
        return new LegacyVideoTag(frameType, codecId, in.rest());
    }

    private static AudioTag legacyAudio(int first, ByteCursor in) {
        SoundFormat format = SoundFormat.of(first >>> 4);
        int rate = (first >>> 2) & 0x03;
        int size = (first >>> 1) & 0x01;
        int type = first & 0x01;
        if (format == SoundFormat.AAC) {
            return new LegacyAacAudioTag(rate, size, type, AacPacketType.of(in.u8()), in.rest());
        }
        return new LegacyAudioTag(format, rate, size, type, in.rest());
    }

    /**
     * Reads ModEx entries while the packet type nibble says ModEx (E-RTMP v2 ExVideoTagHeader/ExAudioTagHeader)
     * and returns the final packet type nibble.
     */
    private int modifiers(int packetType, int modExCode, ByteCursor in, List<ModEx> out) {
        int type = packetType;
        while (type == modExCode) {
            LimitExceededException.check("max_modex_entries", limits.maxModExEntries(), out.size() + 1L);
            int size = in.u8() + 1;
            if (size == MOD_EX_WIDE_SIZE) {
                size = in.u16() + 1;
                if (size <= ModEx.MAX_SHORT_DATA_SIZE) {
                    // Only one encoding per size keeps parse and produce inverse to each other.
                    throw new MediaFormatException("ModEx size " + size + " uses the 16-bit form");
                }
            }
            var data = in.bytes(size);
            int next = in.u8();
            int modExType = next >>> 4;
            if (modExType == ModEx.TimestampOffsetNano.TYPE && size < 3) {
                throw new MediaFormatException("TimestampOffsetNano needs 3 bytes, has " + size);
            }
            out.add(ModEx.of(modExType, data));
            type = next & 0x0F;
        }
        return type;
    }

    private VideoMultitrack videoMultitrack(ByteCursor in) {
        int packed = in.u8();
        AvMultitrackType multitrackType = AvMultitrackType.of(packed >>> 4);
        VideoPacketType packetType = VideoPacketType.of(packed & 0x0F);
        if (packetType == VideoPacketType.MULTITRACK || packetType == VideoPacketType.MOD_EX) {
            throw new MediaFormatException("packet type " + packetType + " inside a multitrack video tag");
        }
        VideoFourCc shared = multitrackType == AvMultitrackType.MANY_TRACKS_MANY_CODECS
                ? null : VideoFourCc.of(in.u32());
        List<VideoTrack> tracks = new ArrayList<>();
        do {
            LimitExceededException.check("max_tracks", limits.maxTracks(), tracks.size() + 1L);
            VideoFourCc fourCc = shared != null ? shared : VideoFourCc.of(in.u32());
            int trackId = in.u8();
            ByteCursor track = trackCursor(multitrackType, in);
            tracks.add(new VideoTrack(trackId, videoPacket(packetType, fourCc, track)));
            requireEnd(track, "video track");
        } while (multitrackType != AvMultitrackType.ONE_TRACK && in.remaining() > 0);
        return new VideoMultitrack(multitrackType, tracks);
    }

    private AudioMultitrack audioMultitrack(ByteCursor in) {
        int packed = in.u8();
        AvMultitrackType multitrackType = AvMultitrackType.of(packed >>> 4);
        AudioPacketType packetType = AudioPacketType.of(packed & 0x0F);
        if (packetType == AudioPacketType.MULTITRACK || packetType == AudioPacketType.MOD_EX) {
            throw new MediaFormatException("packet type " + packetType + " inside a multitrack audio tag");
        }
        AudioFourCc shared = multitrackType == AvMultitrackType.MANY_TRACKS_MANY_CODECS
                ? null : AudioFourCc.of(in.u32());
        List<AudioTrack> tracks = new ArrayList<>();
        do {
            LimitExceededException.check("max_tracks", limits.maxTracks(), tracks.size() + 1L);
            AudioFourCc fourCc = shared != null ? shared : AudioFourCc.of(in.u32());
            int trackId = in.u8();
            ByteCursor track = trackCursor(multitrackType, in);
            tracks.add(new AudioTrack(trackId, audioPacket(packetType, fourCc, track)));
            requireEnd(track, "audio track");
        } while (multitrackType != AvMultitrackType.ONE_TRACK && in.remaining() > 0);
        return new AudioMultitrack(multitrackType, tracks);
    }

    /** OneTrack runs to the end of the message; the other types give each track a UI24 size. */
    private static ByteCursor trackCursor(AvMultitrackType multitrackType, ByteCursor in) {
        if (multitrackType == AvMultitrackType.ONE_TRACK) {
            return in;
        }
        int size = in.u24();
        in.require(size);
        var track = new ByteCursor(in.array(), in.position(), size);
        in.skip(size);
        return track;
    }

    private static VideoPacket videoPacket(VideoPacketType type, VideoFourCc fourCc, ByteCursor in) {
        return switch (type) {
            case SEQUENCE_START -> new VideoPacket.SequenceStart(fourCc, in.rest());
            case CODED_FRAMES -> {
                int cts = fourCc.hasCompositionTime() ? in.s24() : 0;
                yield new VideoPacket.CodedFrames(fourCc, cts, in.rest());
            }
            case SEQUENCE_END -> new VideoPacket.SequenceEnd(fourCc, in.rest());
            case CODED_FRAMES_X -> new VideoPacket.CodedFramesX(fourCc, in.rest());
            case METADATA -> new VideoPacket.Metadata(fourCc, in.rest());
            case MPEG2TS_SEQUENCE_START -> new VideoPacket.Mpeg2TsSequenceStart(fourCc, in.rest());
            case MULTITRACK, MOD_EX -> throw new MediaFormatException("packet type " + type + " has no body");
        };
    }

    private static AudioPacket audioPacket(AudioPacketType type, AudioFourCc fourCc, ByteCursor in) {
        return switch (type) {
            case SEQUENCE_START -> new AudioPacket.SequenceStart(fourCc, in.rest());
            case CODED_FRAMES -> new AudioPacket.CodedFrames(fourCc, in.rest());
            case SEQUENCE_END -> new AudioPacket.SequenceEnd(fourCc, in.rest());
            case MULTICHANNEL_CONFIG -> multichannelConfig(fourCc, in);
            case MULTITRACK, MOD_EX -> throw new MediaFormatException("packet type " + type + " has no body");
        };
    }

    private static AudioPacket.MultichannelConfig multichannelConfig(AudioFourCc fourCc, ByteCursor in) {
        AudioChannelOrder order = AudioChannelOrder.of(in.u8());
        int channels = in.u8();
        return switch (order) {
            case UNSPECIFIED -> new AudioPacket.MultichannelConfig(fourCc, order, channels,
                    ImmutableBytes.EMPTY, 0);
            case NATIVE -> new AudioPacket.MultichannelConfig(fourCc, order, channels,
                    ImmutableBytes.EMPTY, in.u32());
            case CUSTOM -> new AudioPacket.MultichannelConfig(fourCc, order, channels, in.bytes(channels), 0);
        };
    }

    private static void requireEnd(ByteCursor in, String what) {
        if (in.remaining() != 0) {
            throw new MediaFormatException(in.remaining() + " unexpected bytes after the " + what + " packet");
        }
    }
}
