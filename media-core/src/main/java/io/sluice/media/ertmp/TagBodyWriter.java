package io.sluice.media.ertmp;

import io.sluice.media.codec.ImmutableBytes;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Produces audio and video tag bodies from the records {@link TagBodyParser} returns. For every body the parser
 * accepts, {@code encode(parse(body))} equals {@code body}.
 */
public final class TagBodyWriter {

    private static final int EX_VIDEO_HEADER = 0x80;
    private static final int EX_AUDIO_SOUND_FORMAT = 9;
    private static final int MOD_EX_WIDE_MARKER = 0xFF;

    private TagBodyWriter() {
    }

    /** Encodes an audio or video tag body. */
    public static byte[] encode(MediaTag tag) {
        var out = new ByteArrayOutputStream();
        switch (tag) {
            case VideoTag video -> writeVideo(video, out);
            case AudioTag audio -> writeAudio(audio, out);
        }
        return out.toByteArray();
    }

    private static void writeVideo(VideoTag tag, ByteArrayOutputStream out) {
        switch (tag) {
            case LegacyVideoTag legacy -> {
                out.write(legacy.frameType().code() << 4 | legacy.codecId());
                write(out, legacy.data());
            }
            case LegacyAvcVideoTag avc -> {
                out.write(avc.frameType().code() << 4 | LegacyAvcVideoTag.CODEC_ID);
                out.write(avc.packetType().code());
                u24(out, avc.compositionTime());
                write(out, avc.data());
            }
            case LegacyVideoCommand command -> {
                out.write(VideoFrameType.COMMAND.code() << 4 | command.codecId());
                out.write(command.command());
            }
            case ExVideoTag ex -> writeExVideo(ex, out);
        }
    }

    private static void writeExVideo(ExVideoTag tag, ByteArrayOutputStream out) {
        VideoPacketType packetType = switch (tag.content()) {
            case ExVideoCommand command -> command.packetType();
            case VideoPacket packet -> packet.packetType();
            case VideoMultitrack multitrack -> VideoPacketType.MULTITRACK;
        };
        int firstNibble = tag.modifiers().isEmpty() ? packetType.code() : VideoPacketType.MOD_EX.code();
        out.write(EX_VIDEO_HEADER | tag.frameType().code() << 4 | firstNibble);
        writeModifiers(tag.modifiers(), packetType.code(), VideoPacketType.MOD_EX.code(), out);
        switch (tag.content()) {
            case ExVideoCommand command -> out.write(command.command());
            case VideoPacket packet -> {
                u32(out, packet.fourCc().value());
                writeVideoPacket(packet, out);
            }
            case VideoMultitrack multitrack -> {
                out.write(multitrack.multitrackType().code() << 4 | multitrack.packetType().code());
                boolean manyCodecs = multitrack.multitrackType() == AvMultitrackType.MANY_TRACKS_MANY_CODECS;
                if (!manyCodecs) {
                    u32(out, multitrack.tracks().get(0).packet().fourCc().value());
                }
                for (VideoTrack track : multitrack.tracks()) {
                    if (manyCodecs) {
                        u32(out, track.packet().fourCc().value());
                    }
                    out.write(track.trackId());
                    var body = new ByteArrayOutputStream();
                    writeVideoPacket(track.packet(), body);
                    writeTrackBody(multitrack.multitrackType(), body, out);
                }
            }
        }
    }

    private static void writeVideoPacket(VideoPacket packet, ByteArrayOutputStream out) {
        if (packet instanceof VideoPacket.CodedFrames coded && coded.fourCc().hasCompositionTime()) {
            u24(out, coded.compositionTimeOffset());
        }
        write(out, packet.data());
    }

    private static void writeAudio(AudioTag tag, ByteArrayOutputStream out) {
        switch (tag) {
            case AudioSilence silence -> {
                // The silence message is an empty body.
            }
            case LegacyAudioTag legacy -> {
                out.write(legacy.soundFormat().code() << 4 | legacy.soundRate() << 2 | legacy.soundSize() << 1
                        | legacy.soundType());
                write(out, legacy.data());
            }
            case LegacyAacAudioTag aac -> {
                out.write(SoundFormat.AAC.code() << 4 | aac.soundRate() << 2 | aac.soundSize() << 1
                        | aac.soundType());
                out.write(aac.packetType().code());
                write(out, aac.data());
            }
            case ExAudioTag ex -> writeExAudio(ex, out);
        }
    }

    private static void writeExAudio(ExAudioTag tag, ByteArrayOutputStream out) {
        AudioPacketType packetType = switch (tag.content()) {
            case AudioPacket packet -> packet.packetType();
            case AudioMultitrack multitrack -> AudioPacketType.MULTITRACK;
        };
        int firstNibble = tag.modifiers().isEmpty() ? packetType.code() : AudioPacketType.MOD_EX.code();
        out.write(EX_AUDIO_SOUND_FORMAT << 4 | firstNibble);
        writeModifiers(tag.modifiers(), packetType.code(), AudioPacketType.MOD_EX.code(), out);
        switch (tag.content()) {
            case AudioPacket packet -> {
                u32(out, packet.fourCc().value());
                writeAudioPacket(packet, out);
            }
            case AudioMultitrack multitrack -> {
                out.write(multitrack.multitrackType().code() << 4 | multitrack.packetType().code());
                boolean manyCodecs = multitrack.multitrackType() == AvMultitrackType.MANY_TRACKS_MANY_CODECS;
                if (!manyCodecs) {
                    u32(out, multitrack.tracks().get(0).packet().fourCc().value());
                }
                for (AudioTrack track : multitrack.tracks()) {
                    if (manyCodecs) {
                        u32(out, track.packet().fourCc().value());
                    }
                    out.write(track.trackId());
                    var body = new ByteArrayOutputStream();
                    writeAudioPacket(track.packet(), body);
                    writeTrackBody(multitrack.multitrackType(), body, out);
                }
            }
        }
    }

    private static void writeAudioPacket(AudioPacket packet, ByteArrayOutputStream out) {
        switch (packet) {
            case AudioPacket.MultichannelConfig config -> {
                out.write(config.channelOrder().code());
                out.write(config.channelCount());
                switch (config.channelOrder()) {
                    case UNSPECIFIED -> {
                        // Only the channel count.
                    }
                    case NATIVE -> u32(out, config.channelFlags());
                    case CUSTOM -> write(out, config.channelMapping());
                }
            }
            case AudioPacket.SequenceStart start -> write(out, start.data());
            case AudioPacket.CodedFrames coded -> write(out, coded.data());
            case AudioPacket.SequenceEnd end -> write(out, end.data());
        }
    }

    /**
     * Each ModEx entry is followed by a byte whose high nibble is the entry's type and whose low nibble is the
     * next packet type: ModEx again while entries remain, then the real packet type.
     */
    private static void writeModifiers(List<ModEx> modifiers, int packetType, int modExCode,
            ByteArrayOutputStream out) {
        for (int i = 0; i < modifiers.size(); i++) {
            ModEx modEx = modifiers.get(i);
            int size = modEx.data().length();
            if (size <= ModEx.MAX_SHORT_DATA_SIZE) {
                out.write(size - 1);
            } else {
                out.write(MOD_EX_WIDE_MARKER);
                out.write((size - 1) >>> 8);
                out.write(size - 1);
            }
            write(out, modEx.data());
            int next = i + 1 < modifiers.size() ? modExCode : packetType;
            out.write(modEx.type() << 4 | next);
        }
    }

    private static void writeTrackBody(AvMultitrackType type, ByteArrayOutputStream body, ByteArrayOutputStream out) {
        if (type != AvMultitrackType.ONE_TRACK) {
            if (body.size() > 0xFF_FFFF) {
                throw new IllegalArgumentException("track body larger than UI24: " + body.size());
            }
            u24(out, body.size());
        }
        out.writeBytes(body.toByteArray());
    }

    private static void write(ByteArrayOutputStream out, ImmutableBytes bytes) {
        out.writeBytes(bytes.toByteArray());
    }

    private static void u24(ByteArrayOutputStream out, int value) {
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static void u32(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        u24(out, value);
    }
}
