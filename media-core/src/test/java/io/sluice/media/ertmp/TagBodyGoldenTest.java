package io.sluice.media.ertmp;

import static io.sluice.media.testvectors.Vectors.concat;
import static io.sluice.media.testvectors.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.media.codec.ImmutableBytes;
import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.flv.FlvTagType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One table of (name, bytes, record) drives both parse and produce for every tag body form. */
class TagBodyGoldenTest {

    private static final TagBodyParser PARSER = new TagBodyParser(TagBodyLimits.DEFAULTS);
    private static final byte[] WIDE_MOD_EX_DATA = filled(256, 0x5A);

    static Stream<Arguments> videoTable() {
        return Stream.of(
                row("legacy AVC sequence header", "17 00 000000 01640015ff",
                        new LegacyAvcVideoTag(VideoFrameType.KEY, AvcPacketType.SEQUENCE_HEADER, 0, b("01640015ff"))),
                row("legacy AVC NALU with negative composition time", "27 01 ffffd8 00000002 0910",
                        new LegacyAvcVideoTag(VideoFrameType.INTER, AvcPacketType.NALU, -40, b("00000002 0910"))),
                row("legacy AVC end of sequence", "17 02 000000",
                        new LegacyAvcVideoTag(VideoFrameType.KEY, AvcPacketType.END_OF_SEQUENCE, 0, b(""))),
                row("legacy Sorenson H.263 disposable frame", "32 abcd",
                        new LegacyVideoTag(VideoFrameType.DISPOSABLE_INTER, 2, b("abcd"))),
                row("legacy VP6 generated key frame", "44 00 1122",
                        new LegacyVideoTag(VideoFrameType.GENERATED_KEY, 4, b("00 1122"))),
                row("legacy command frame: end of seek", "57 01", new LegacyVideoCommand(7, 1)),
                row("SequenceStart hvc1", "90 'hvc1' 0101600000",
                        ExVideoTag.of(VideoFrameType.KEY, new VideoPacket.SequenceStart(VideoFourCc.HEVC,
                                b("0101600000")))),
                row("CodedFrames avc1 with composition time", "91 'avc1' 000050 00000002 6588",
                        ExVideoTag.of(VideoFrameType.KEY, new VideoPacket.CodedFrames(VideoFourCc.AVC, 80,
                                b("00000002 6588")))),
                row("CodedFrames vvc1 with negative composition time", "a1 'vvc1' ffffff 00",
                        ExVideoTag.of(VideoFrameType.INTER, new VideoPacket.CodedFrames(VideoFourCc.VVC, -1,
                                b("00")))),
                row("CodedFrames av01 has no composition time", "91 'av01' 120032",
                        ExVideoTag.of(VideoFrameType.KEY, new VideoPacket.CodedFrames(VideoFourCc.AV1, 0,
                                b("120032")))),
                row("CodedFrames vp08", "a1 'vp08' 9111", ExVideoTag.of(VideoFrameType.INTER,
                        new VideoPacket.CodedFrames(VideoFourCc.VP8, 0, b("9111")))),
                row("SequenceEnd vp09", "92 'vp09'", ExVideoTag.of(VideoFrameType.KEY,
                        new VideoPacket.SequenceEnd(VideoFourCc.VP9, b("")))),
                row("CodedFramesX hvc1", "a3 'hvc1' 00000003 020110", ExVideoTag.of(VideoFrameType.INTER,
                        new VideoPacket.CodedFramesX(VideoFourCc.HEVC, b("00000003 020110")))),
                row("Metadata colorInfo with frame type command", "d4 'av01' 02 0009 'colorInfo' 03 000009",
                        ExVideoTag.of(VideoFrameType.COMMAND, new VideoPacket.Metadata(VideoFourCc.AV1,
                                b("02 0009 'colorInfo' 03 000009")))),
                row("MPEG2TSSequenceStart av01", "95 'av01' 8004 8100", ExVideoTag.of(VideoFrameType.KEY,
                        new VideoPacket.Mpeg2TsSequenceStart(VideoFourCc.AV1, b("8004 8100")))),
                row("video command frame", "d1 00", ExVideoTag.of(VideoFrameType.COMMAND,
                        new ExVideoCommand(VideoPacketType.CODED_FRAMES, 0))),
                row("ModEx TimestampOffsetNano", "97 02 01e240 01 'avc1' 000000 00000001 65",
                        new ExVideoTag(VideoFrameType.KEY, List.of(ModEx.TimestampOffsetNano.ofNanoseconds(123456)),
                                new VideoPacket.CodedFrames(VideoFourCc.AVC, 0, b("00000001 65")))),
                row("ModEx unknown type then TimestampOffsetNano", "a7 00 aa 57 02 000001 03 'hvc1' 11",
                        new ExVideoTag(VideoFrameType.INTER,
                                List.of(new ModEx.Unknown(5, b("aa")),
                                        ModEx.TimestampOffsetNano.ofNanoseconds(1)),
                                new VideoPacket.CodedFramesX(VideoFourCc.HEVC, b("11")))),
                Arguments.of("ModEx with 16-bit size",
                        concat(hex("97 ff 00ff"), WIDE_MOD_EX_DATA, hex("f3 'vp09' 86")),
                        new ExVideoTag(VideoFrameType.KEY, List.of(new ModEx.Unknown(15,
                                ImmutableBytes.copyOf(WIDE_MOD_EX_DATA))),
                                new VideoPacket.CodedFramesX(VideoFourCc.VP9, b("86")))),
                row("ModEx on a command frame", "d7 02 000010 01 01",
                        new ExVideoTag(VideoFrameType.COMMAND, List.of(ModEx.TimestampOffsetNano.ofNanoseconds(16)),
                                new ExVideoCommand(VideoPacketType.CODED_FRAMES, 1))),
                row("Multitrack OneTrack SequenceStart", "96 00 'av01' 00 810000",
                        ExVideoTag.of(VideoFrameType.KEY, new VideoMultitrack(AvMultitrackType.ONE_TRACK,
                                List.of(new VideoTrack(0, new VideoPacket.SequenceStart(VideoFourCc.AV1,
                                        b("810000"))))))),
                row("Multitrack ManyTracks CodedFrames hvc1",
                        "a6 11 'hvc1' 00 000005 000000 aabb 02 000004 000028 cc",
                        ExVideoTag.of(VideoFrameType.INTER, new VideoMultitrack(AvMultitrackType.MANY_TRACKS, List.of(
                                new VideoTrack(0, new VideoPacket.CodedFrames(VideoFourCc.HEVC, 0, b("aabb"))),
                                new VideoTrack(2, new VideoPacket.CodedFrames(VideoFourCc.HEVC, 40, b("cc"))))))),
                row("Multitrack ManyTracksManyCodecs CodedFramesX",
                        "96 23 'avc1' 00 000002 aabb 'av01' 01 000001 cc 'vp09' 07 000000",
                        ExVideoTag.of(VideoFrameType.KEY, new VideoMultitrack(
                                AvMultitrackType.MANY_TRACKS_MANY_CODECS, List.of(
                                        new VideoTrack(0, new VideoPacket.CodedFramesX(VideoFourCc.AVC, b("aabb"))),
                                        new VideoTrack(1, new VideoPacket.CodedFramesX(VideoFourCc.AV1, b("cc"))),
                                        new VideoTrack(7, new VideoPacket.CodedFramesX(VideoFourCc.VP9, b(""))))))),
                row("Multitrack ManyTracks Metadata with ModEx",
                        "97 02 000064 06 14 'hvc1' 00 000001 05 01 000001 06",
                        new ExVideoTag(VideoFrameType.KEY, List.of(ModEx.TimestampOffsetNano.ofNanoseconds(100)),
                                new VideoMultitrack(AvMultitrackType.MANY_TRACKS, List.of(
                                        new VideoTrack(0, new VideoPacket.Metadata(VideoFourCc.HEVC, b("05"))),
                                        new VideoTrack(1, new VideoPacket.Metadata(VideoFourCc.HEVC, b("06"))))))),
                // The spec reads the command byte before looking at Multitrack: frame type Command wins.
                row("Command frame with the Multitrack packet type", "d6 14",
                        ExVideoTag.of(VideoFrameType.COMMAND, new ExVideoCommand(VideoPacketType.MULTITRACK, 0x14))));
    }

    static Stream<Arguments> audioTable() {
        return Stream.of(
                row("silence", "", new AudioSilence()),
                row("legacy AAC sequence header", "af 00 1210",
                        new LegacyAacAudioTag(3, 1, 1, AacPacketType.SEQUENCE_HEADER, b("1210"))),
                row("legacy AAC raw", "af 01 211b", new LegacyAacAudioTag(3, 1, 1, AacPacketType.RAW, b("211b"))),
                row("legacy MP3 22 kHz 16-bit mono", "2a fff340c4",
                        new LegacyAudioTag(SoundFormat.MP3, 2, 1, 0, b("fff340c4"))),
                row("legacy Speex", "b2 aa", new LegacyAudioTag(SoundFormat.SPEEX, 0, 1, 0, b("aa"))),
                row("legacy PCM little-endian, no data", "3f", new LegacyAudioTag(SoundFormat.LINEAR_PCM_LITTLE_ENDIAN,
                        3, 1, 1, b(""))),
                row("SequenceStart Opus", "90 'Opus' 'OpusHead' 01 02 3801 80bb0000 0000 00",
                        ExAudioTag.of(new AudioPacket.SequenceStart(AudioFourCc.OPUS,
                                b("'OpusHead' 01 02 3801 80bb0000 0000 00")))),
                row("CodedFrames fLaC", "91 'fLaC' fff8c912", ExAudioTag.of(
                        new AudioPacket.CodedFrames(AudioFourCc.FLAC, b("fff8c912")))),
                row("SequenceEnd ac-3", "92 'ac-3'", ExAudioTag.of(
                        new AudioPacket.SequenceEnd(AudioFourCc.AC3, b("")))),
                row("MultichannelConfig unspecified", "94 'Opus' 00 02", ExAudioTag.of(
                        new AudioPacket.MultichannelConfig(AudioFourCc.OPUS, AudioChannelOrder.UNSPECIFIED, 2,
                                b(""), 0))),
                row("MultichannelConfig native 5.1", "94 'ec-3' 01 06 0000003f", ExAudioTag.of(
                        new AudioPacket.MultichannelConfig(AudioFourCc.EAC3, AudioChannelOrder.NATIVE, 6, b(""),
                                0x3F))),
                row("MultichannelConfig custom", "94 'mp4a' 02 03 00 01 03", ExAudioTag.of(
                        new AudioPacket.MultichannelConfig(AudioFourCc.AAC, AudioChannelOrder.CUSTOM, 3,
                                b("00 01 03"), 0))),
                row("ModEx TimestampOffsetNano on mp3", "97 02 0003e8 01 '.mp3' fffb",
                        new ExAudioTag(List.of(ModEx.TimestampOffsetNano.ofNanoseconds(1000)),
                                new AudioPacket.CodedFrames(AudioFourCc.MP3, b("fffb")))),
                row("ModEx with 4 data bytes keeps the extra byte", "97 03 0f423f99 01 'Opus' fc",
                        new ExAudioTag(List.of(new ModEx.TimestampOffsetNano(b("0f423f99"))),
                                new AudioPacket.CodedFrames(AudioFourCc.OPUS, b("fc")))),
                row("Multitrack OneTrack SequenceStart", "95 00 'mp4a' 00 1210",
                        ExAudioTag.of(new AudioMultitrack(AvMultitrackType.ONE_TRACK, List.of(
                                new AudioTrack(0, new AudioPacket.SequenceStart(AudioFourCc.AAC, b("1210"))))))),
                row("Multitrack ManyTracks CodedFrames", "95 11 'mp4a' 00 000002 2111 01 000001 22",
                        ExAudioTag.of(new AudioMultitrack(AvMultitrackType.MANY_TRACKS, List.of(
                                new AudioTrack(0, new AudioPacket.CodedFrames(AudioFourCc.AAC, b("2111"))),
                                new AudioTrack(1, new AudioPacket.CodedFrames(AudioFourCc.AAC, b("22"))))))),
                row("Multitrack ManyTracksManyCodecs MultichannelConfig",
                        "95 24 'Opus' 00 000002 00 02 'ac-3' 01 000006 01 06 0000003f",
                        ExAudioTag.of(new AudioMultitrack(AvMultitrackType.MANY_TRACKS_MANY_CODECS, List.of(
                                new AudioTrack(0, new AudioPacket.MultichannelConfig(AudioFourCc.OPUS,
                                        AudioChannelOrder.UNSPECIFIED, 2, b(""), 0)),
                                new AudioTrack(1, new AudioPacket.MultichannelConfig(AudioFourCc.AC3,
                                        AudioChannelOrder.NATIVE, 6, b(""), 0x3F)))))),
                row("Multitrack with ModEx", "97 02 000001 05 12 'fLaC' 03 000000",
                        new ExAudioTag(List.of(ModEx.TimestampOffsetNano.ofNanoseconds(1)),
                                new AudioMultitrack(AvMultitrackType.MANY_TRACKS, List.of(
                                        new AudioTrack(3, new AudioPacket.SequenceEnd(AudioFourCc.FLAC, b(""))))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("videoTable")
    void parsesVideo(String name, byte[] bytes, MediaTag expected) {
        assertThat(PARSER.parseVideo(bytes)).isEqualTo(expected);
        assertThat(PARSER.parse(FlvTagType.VIDEO, bytes)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"videoTable", "audioTable"})
    void produces(String name, byte[] bytes, MediaTag tag) {
        assertThat(TagBodyWriter.encode(tag)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("audioTable")
    void parsesAudio(String name, byte[] bytes, MediaTag expected) {
        assertThat(PARSER.parseAudio(bytes)).isEqualTo(expected);
        assertThat(PARSER.parse(FlvTagType.AUDIO, bytes)).isEqualTo(expected);
    }

    static Stream<Arguments> malformedVideo() {
        return Stream.of(
                Arguments.of("empty", "", "empty video tag"),
                Arguments.of("unknown FourCC", "90 'xxxx'", "unknown video FourCC"),
                Arguments.of("reserved frame type 0", "80 'avc1'", "unknown VideoFrameType 0"),
                Arguments.of("reserved frame type 6", "e1 'avc1'", "unknown VideoFrameType 6"),
                Arguments.of("legacy reserved frame type", "07 00 000000", "unknown VideoFrameType 0"),
                Arguments.of("reserved packet type", "98 'avc1'", "unknown VideoPacketType 8"),
                Arguments.of("multitrack inside multitrack", "96 06 'avc1'", "MULTITRACK inside"),
                Arguments.of("ModEx inside multitrack", "96 07 'avc1'", "MOD_EX inside"),
                Arguments.of("reserved multitrack type", "96 31 'avc1'", "unknown AvMultitrackType 3"),
                Arguments.of("track size beyond the message", "96 11 'hvc1' 00 000009 00", "ends early"),
                Arguments.of("ManyTracks without a track", "96 10 'hvc1'", "ends early"),
                Arguments.of("truncated composition time", "91 'avc1' 00", "ends early"),
                Arguments.of("truncated FourCC", "90 'av0'", "ends early"),
                Arguments.of("short TimestampOffsetNano", "97 01 0000 01 'avc1' 000000", "needs 3 bytes"),
                Arguments.of("16-bit ModEx size for a small size", "97 ff 0000 aa 51 'avc1' 000000", "16-bit form"),
                Arguments.of("truncated ModEx", "97 05 00", "ends early"),
                Arguments.of("ModEx without packet type", "97 00 aa", "ends early"),
                Arguments.of("command with trailing bytes", "d1 00 00", "unexpected bytes"),
                Arguments.of("command without command byte", "d1", "ends early"),
                Arguments.of("legacy command with trailing bytes", "57 01 02", "unexpected bytes"),
                Arguments.of("unknown AVC packet type", "17 03 000000", "unknown AvcPacketType 3"),
                Arguments.of("truncated legacy AVC header", "17 01 00", "ends early"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedVideo")
    void rejectsMalformedVideo(String name, String bytes, String message) {
        assertThatThrownBy(() -> PARSER.parseVideo(hex(bytes))).isExactlyInstanceOf(MediaFormatException.class)
                .hasMessageContaining(message);
    }

    static Stream<Arguments> malformedAudio() {
        return Stream.of(
                Arguments.of("unknown FourCC", "90 'vorb'", "unknown audio FourCC"),
                Arguments.of("reserved packet type", "93 'Opus'", "unknown AudioPacketType 3"),
                Arguments.of("reserved legacy sound format", "c0 00", "unknown SoundFormat 12"),
                Arguments.of("unknown AAC packet type", "af 02", "unknown AacPacketType 2"),
                Arguments.of("AAC without packet type", "af", "ends early"),
                Arguments.of("MultichannelConfig with trailing bytes", "94 'Opus' 00 02 ff", "unexpected bytes"),
                Arguments.of("unknown channel order", "94 'Opus' 03 02", "unknown AudioChannelOrder 3"),
                Arguments.of("custom mapping too short", "94 'Opus' 02 03 00 01", "ends early"),
                Arguments.of("multitrack inside multitrack", "95 05 'Opus'", "MULTITRACK inside"),
                Arguments.of("track size beyond the message", "95 11 'Opus' 00 000002 00", "ends early"),
                Arguments.of("multichannel track with bytes left", "95 14 'Opus' 00 000003 00 02 ff",
                        "unexpected bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedAudio")
    void rejectsMalformedAudio(String name, String bytes, String message) {
        assertThatThrownBy(() -> PARSER.parseAudio(hex(bytes))).isExactlyInstanceOf(MediaFormatException.class)
                .hasMessageContaining(message);
    }

    static Stream<Arguments> trackCounts() {
        return Stream.of(Arguments.of(2, true), Arguments.of(3, true), Arguments.of(4, false));
    }

    @ParameterizedTest
    @MethodSource("trackCounts")
    void maxTracksIsEnforcedAtTheLimit(int tracks, boolean accepted) {
        var parser = new TagBodyParser(new TagBodyLimits(3, 8));
        List<VideoTrack> video = new ArrayList<>();
        List<AudioTrack> audio = new ArrayList<>();
        for (int i = 0; i < tracks; i++) {
            video.add(new VideoTrack(i, new VideoPacket.CodedFramesX(VideoFourCc.AVC, b("01"))));
            audio.add(new AudioTrack(i, new AudioPacket.CodedFrames(AudioFourCc.OPUS, b("02"))));
        }
        byte[] videoBody = TagBodyWriter.encode(ExVideoTag.of(VideoFrameType.INTER,
                new VideoMultitrack(AvMultitrackType.MANY_TRACKS, video)));
        byte[] audioBody = TagBodyWriter.encode(ExAudioTag.of(new AudioMultitrack(AvMultitrackType.MANY_TRACKS,
                audio)));
        if (accepted) {
            assertThat(TagBodyWriter.encode(parser.parseVideo(videoBody))).isEqualTo(videoBody);
            assertThat(TagBodyWriter.encode(parser.parseAudio(audioBody))).isEqualTo(audioBody);
        } else {
            assertThatThrownBy(() -> parser.parseVideo(videoBody)).isInstanceOfSatisfying(
                    LimitExceededException.class, e -> assertThat(e.limitName()).isEqualTo("max_tracks"));
            assertThatThrownBy(() -> parser.parseAudio(audioBody)).isInstanceOfSatisfying(
                    LimitExceededException.class, e -> assertThat(e.limitName()).isEqualTo("max_tracks"));
        }
    }

    static Stream<Arguments> modExCounts() {
        return Stream.of(Arguments.of(1, true), Arguments.of(2, true), Arguments.of(3, false));
    }

    @ParameterizedTest
    @MethodSource("modExCounts")
    void maxModExEntriesIsEnforcedAtTheLimit(int entries, boolean accepted) {
        var parser = new TagBodyParser(new TagBodyLimits(16, 2));
        List<ModEx> modifiers = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            modifiers.add(ModEx.TimestampOffsetNano.ofNanoseconds(i));
        }
        byte[] videoBody = TagBodyWriter.encode(new ExVideoTag(VideoFrameType.KEY, modifiers,
                new VideoPacket.SequenceEnd(VideoFourCc.AV1, b(""))));
        byte[] audioBody = TagBodyWriter.encode(new ExAudioTag(modifiers,
                new AudioPacket.SequenceEnd(AudioFourCc.FLAC, b(""))));
        if (accepted) {
            assertThat(parser.parseVideo(videoBody)).isInstanceOfSatisfying(ExVideoTag.class,
                    t -> assertThat(t.modifiers()).isEqualTo(modifiers));
            assertThat(parser.parseAudio(audioBody)).isInstanceOfSatisfying(ExAudioTag.class,
                    t -> assertThat(t.modifiers()).isEqualTo(modifiers));
        } else {
            assertThatThrownBy(() -> parser.parseVideo(videoBody)).isInstanceOfSatisfying(
                    LimitExceededException.class, e -> assertThat(e.limitName()).isEqualTo("max_modex_entries"));
            assertThatThrownBy(() -> parser.parseAudio(audioBody)).isInstanceOfSatisfying(
                    LimitExceededException.class, e -> assertThat(e.limitName()).isEqualTo("max_modex_entries"));
        }
    }

    @Test
    void timestampOffsetNanoReadsTheFirstThreeBytes() {
        assertThat(ModEx.TimestampOffsetNano.ofNanoseconds(999_999).nanoseconds()).isEqualTo(999_999);
        assertThat(new ModEx.TimestampOffsetNano(b("0f423f99")).nanoseconds()).isEqualTo(999_999);
    }

    @Test
    void recordsRefuseWhatCannotBeWritten() {
        assertThatThrownBy(() -> new VideoPacket.CodedFrames(VideoFourCc.AV1, 1, b("")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VideoPacket.CodedFrames(VideoFourCc.AVC, 1 << 23, b("")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VideoMultitrack(AvMultitrackType.MANY_TRACKS, List.of(
                new VideoTrack(0, new VideoPacket.CodedFramesX(VideoFourCc.AVC, b(""))),
                new VideoTrack(1, new VideoPacket.CodedFramesX(VideoFourCc.HEVC, b(""))))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AudioMultitrack(AvMultitrackType.ONE_TRACK, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExVideoTag.of(VideoFrameType.COMMAND,
                new VideoPacket.CodedFramesX(VideoFourCc.AVC, b("")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModEx.Unknown(0, b("00"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModEx.Unknown(1, ImmutableBytes.copyOf(new byte[0x10001])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TagBodyLimits(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Arguments row(String name, String bytes, MediaTag tag) {
        return Arguments.of(name, hex(bytes), tag);
    }

    private static ImmutableBytes b(String bytes) {
        return ImmutableBytes.copyOf(hex(bytes));
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
