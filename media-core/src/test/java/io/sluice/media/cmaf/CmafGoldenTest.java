package io.sluice.media.cmaf;

import static io.sluice.media.testvectors.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.media.codec.CodecLimits;
import io.sluice.media.testvectors.Vectors;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The boxes written byte for byte, each worked out by hand from ISO/IEC 14496-12 and 14496-14, the AV1 and Opus
 * ISOBMFF bindings, and read back where a reader exists: fragments, sample entries and an init segment.
 */
class CmafGoldenTest {

    private static final byte[] DATA = "ABCDabcde".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static Stream<Arguments> fragments() {
        CmafSample key = new CmafSample(90_000, 3000, 6000, true, DATA, 0, 4);
        CmafSample inter = new CmafSample(93_000, 3000, -3000, false, DATA, 0, 4);
        CmafSample audio1 = new CmafSample(44_100, 1024, 0, true, DATA, 4, 2);
        CmafSample audio2 = new CmafSample(45_124, 1024, 0, true, DATA, 6, 3);
        return Stream.of(
                Arguments.of("one video key frame", 1L, List.of(new TrackRun(TrackKind.VIDEO, 90_000, List.of(key))), """
                        00000068 'moof'
                          00000010 'mfhd' 00000000 00000001
                          00000050 'traf'
                            00000010 'tfhd' 00020000 00000001
                            00000014 'tfdt' 01000000 00000000 00015f90
                            00000024 'trun' 01000f01 00000001 00000070
                              00000bb8 00000004 02000000 00001770
                        0000000c 'mdat' 'ABCD'"""),
                Arguments.of("a non-sync frame with a negative composition offset", 7L,
                        List.of(new TrackRun(TrackKind.VIDEO, 93_000, List.of(inter))), """
                        00000068 'moof'
                          00000010 'mfhd' 00000000 00000007
                          00000050 'traf'
                            00000010 'tfhd' 00020000 00000001
                            00000014 'tfdt' 01000000 00000000 00016b48
                            00000024 'trun' 01000f01 00000001 00000070
                              00000bb8 00000004 01010000 fffff448
                        0000000c 'mdat' 'ABCD'"""),
                Arguments.of("video and two audio frames", 2L, List.of(
                        new TrackRun(TrackKind.VIDEO, 90_000, List.of(key)),
                        new TrackRun(TrackKind.AUDIO, 44_100, List.of(audio1, audio2))), """
                        000000c0 'moof'
                          00000010 'mfhd' 00000000 00000002
                          00000050 'traf'
                            00000010 'tfhd' 00020000 00000001
                            00000014 'tfdt' 01000000 00000000 00015f90
                            00000024 'trun' 01000f01 00000001 000000c8
                              00000bb8 00000004 02000000 00001770
                          00000058 'traf'
                            00000010 'tfhd' 00020000 00000002
                            00000014 'tfdt' 01000000 00000000 0000ac44
                            0000002c 'trun' 01000701 00000002 000000cc
                              00000400 00000002 02000000
                              00000400 00000003 02000000
                        00000011 'mdat' 'ABCDabcde'"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fragments")
    void fragmentsAreWrittenAndReadBack(String name, long sequence, List<TrackRun> runs, String expected) {
        byte[] bytes = FragmentWriter.write(sequence, runs, 1 << 20);

        assertThat(bytes).isEqualTo(hex(expected));
        List<FragmentReader.Fragment> read = FragmentReader.read(bytes, FragmentReader.Limits.DEFAULTS);
        assertThat(read).hasSize(1);
        assertThat(read.getFirst().sequenceNumber()).isEqualTo(sequence);
        assertThat(read.getFirst().runs()).hasSameSizeAs(runs);
        for (int r = 0; r < runs.size(); r++) {
            FragmentReader.Run run = read.getFirst().runs().get(r);
            assertThat(run.kind()).isEqualTo(runs.get(r).kind());
            assertThat(run.baseDecodeTime()).isEqualTo(runs.get(r).baseDecodeTime());
            for (int s = 0; s < run.samples().size(); s++) {
                CmafSample written = runs.get(r).samples().get(s);
                FragmentReader.SampleInfo sample = run.samples().get(s);
                assertThat(sample.decodeTime()).isEqualTo(written.decodeTime());
                assertThat(sample.duration()).isEqualTo(written.duration());
                assertThat(sample.compositionOffset()).isEqualTo(written.compositionOffset());
                assertThat(sample.sync()).isEqualTo(written.sync());
                assertThat(java.util.Arrays.copyOfRange(bytes, (int) sample.dataOffset(),
                        (int) sample.dataOffset() + sample.size()))
                        .isEqualTo(java.util.Arrays.copyOfRange(written.data(), written.offset(),
                                written.offset() + written.length()));
            }
        }
        byte[] index = FragmentReader.index(bytes, FragmentReader.Limits.DEFAULTS);
        assertThat(index).hasSize(bytes.length - (int) read.getFirst().mdatDataLength());
        assertThat(FragmentReader.readIndex(index, FragmentReader.Limits.DEFAULTS)).isEqualTo(read);
    }

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("codec-aac-lc-stereo.asc", "mp4a", "mp4a.40.2", 44_100, 0, 0, 2),
                Arguments.of("codec-aac-lc-51.asc", "mp4a", "mp4a.40.2", 48_000, 0, 0, 6),
                Arguments.of("codec-opus-stereo.OpusHead", "Opus", "Opus", 48_000, 0, 0, 2),
                Arguments.of("codec-avc-high422.avcC", "avc1", "avc1.7a0015", 90_000, 426, 240, 0),
                Arguments.of("codec-avc-high444-10.avcC", "avc1", "avc1.f4000d", 90_000, 318, 178, 0),
                Arguments.of("codec-hevc-main.hvcC", "hvc1", "hvc1.1.6.L60.90", 90_000, 426, 240, 0),
                Arguments.of("codec-hevc-main10.hvcC", "hvc1", "hvc1.2.4.L60.90", 90_000, 322, 242, 0),
                Arguments.of("codec-av1.av1C", "av01", "av01.0.00M.08", 90_000, 426, 240, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void configurationsBecomeTracks(String file, String fourCc, String codecs, int timescale, int width, int height,
            int channels) {
        TrackConfiguration track = TrackConfigurations.of(fourCc, Vectors.media(file), CodecLimits.DEFAULTS);

        assertThat(track.fourCc()).isEqualTo(fourCc);
        assertThat(track.codecs()).isEqualTo(codecs);
        assertThat(track.timescale()).isEqualTo(timescale);
        assertThat(track.width()).isEqualTo(width);
        assertThat(track.height()).isEqualTo(height);
        assertThat(track.channelCount()).isEqualTo(channels);
        byte[] entry = track.sampleEntry().toByteArray();
        assertThat(new String(entry, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(fourCc);
        assertThat(((entry[0] & 0xFF) << 24) | ((entry[1] & 0xFF) << 16) | ((entry[2] & 0xFF) << 8) | (entry[3] & 0xFF))
                .isEqualTo(entry.length);
    }

    @Test
    void aacSampleEntryCarriesTheConfigurationInAnEsds() {
        TrackConfiguration track = TrackConfigurations.of("mp4a", hex("12 10 56 e5 00"), CodecLimits.DEFAULTS);

        assertThat(track.sampleEntry().toByteArray()).isEqualTo(hex("""
                0000004e 'mp4a' 000000000000 0001 00000000 00000000 0002 0010 0000 0000 ac440000
                  0000002a 'esds' 00000000
                    03 1c 0000 00
                      04 14 40 15 000000 00000000 00000000
                        05 05 12 10 56 e5 00
                      06 01 02"""));
    }

    @Test
    void opusSampleEntryRewritesTheOpusHeadAsDops() {
        TrackConfiguration track = TrackConfigurations.of("Opus", Vectors.media("codec-opus-stereo.OpusHead"),
                CodecLimits.DEFAULTS);

        assertThat(track.sampleEntry().toByteArray()).isEqualTo(hex("""
                00000037 'Opus' 000000000000 0001 00000000 00000000 0002 0010 0000 0000 bb800000
                  00000013 'dOps' 00 02 0138 0000bb80 0000 00"""));
    }

    @Test
    void hvc1MarksItsParameterSetArraysComplete() {
        byte[] record = Vectors.media("codec-hevc-main.hvcC");
        byte[] entry = TrackConfigurations.of("hvc1", record, CodecLimits.DEFAULTS).sampleEntry().toByteArray();

        byte[] hvcC = java.util.Arrays.copyOfRange(entry, entry.length - record.length, entry.length);
        int arrays = hvcC[22] & 0xFF;
        int position = 23;
        for (int i = 0; i < arrays; i++) {
            int type = hvcC[position] & 0x3F;
            if (type >= 32 && type <= 34) {
                assertThat(hvcC[position] & 0x80).as("array_completeness of NAL type %d", type).isEqualTo(0x80);
            }
            int units = ((hvcC[position + 1] & 0xFF) << 8) | (hvcC[position + 2] & 0xFF);
            position += 3;
            for (int j = 0; j < units; j++) {
                position += 2 + (((hvcC[position] & 0xFF) << 8) | (hvcC[position + 1] & 0xFF));
            }
        }
        assertThat(position).isEqualTo(hvcC.length);
    }

    @Test
    void anAudioInitSegment() {
        TrackConfiguration track = TrackConfigurations.of("mp4a", hex("12 10 56 e5 00"), CodecLimits.DEFAULTS);

        assertThat(InitSegment.write(List.of(track))).isEqualTo(Vectors.concat(hex("""
                0000001c 'ftyp' 'iso6' 00000000 'iso6' 'cmfc' 'mp41'
                0000025f 'moov'
                  00000078 'mvhd' 01000000 0000000000000000 0000000000000000 000003e8 0000000000000000
                    00010000 0100 00000000000000000000
                    00010000 00000000 00000000 00000000 00010000 00000000 00000000 00000000 40000000
                    000000000000000000000000000000000000000000000000 00000003
                  000001b7 'trak'
                    00000068 'tkhd' 01000003 0000000000000000 0000000000000000 00000002 00000000 0000000000000000
                      0000000000000000 0000 0000 0100 0000
                      00010000 00000000 00000000 00000000 00010000 00000000 00000000 00000000 40000000
                      00000000 00000000
                    00000147 'mdia'
                      0000002c 'mdhd' 01000000 0000000000000000 0000000000000000 0000ac44 0000000000000000 55c4 0000
                      0000002d 'hdlr' 00000000 00000000 'soun' 000000000000000000000000 'SoundHandler' 00
                      000000e6 'minf'
                        00000010 'smhd' 00000000 0000 0000
                        00000024 'dinf' 0000001c 'dref' 00000000 00000001 0000000c 'url ' 00000001
                        000000aa 'stbl'
                          0000005e 'stsd' 00000000 00000001"""),
                track.sampleEntry().toByteArray(), hex("""
                          00000010 'stts' 00000000 00000000
                          00000010 'stsc' 00000000 00000000
                          00000014 'stsz' 00000000 00000000 00000000
                          00000010 'stco' 00000000 00000000
                  00000028 'mvex'
                    00000020 'trex' 00000000 00000002 00000001 00000000 00000000 00000000""")));
    }
}
