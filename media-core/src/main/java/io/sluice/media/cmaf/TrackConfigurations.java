package io.sluice.media.cmaf;

import io.sluice.media.codec.CodecLimits;
import io.sluice.media.codec.ImmutableBytes;
import io.sluice.media.codec.aac.AudioSpecificConfig;
import io.sluice.media.codec.aac.AudioSpecificConfigParser;
import io.sluice.media.codec.aac.SignalledFlag;
import io.sluice.media.codec.av1.Av1CodecConfigurationRecord;
import io.sluice.media.codec.av1.Av1ConfigurationParser;
import io.sluice.media.codec.av1.Av1SequenceHeader;
import io.sluice.media.codec.av1.Av1SequenceHeaderParser;
import io.sluice.media.codec.avc.AvcConfigurationParser;
import io.sluice.media.codec.avc.AvcDecoderConfigurationRecord;
import io.sluice.media.codec.avc.AvcSequenceParameterSet;
import io.sluice.media.codec.avc.AvcSpsParser;
import io.sluice.media.codec.hevc.HevcConfigurationParser;
import io.sluice.media.codec.hevc.HevcDecoderConfigurationRecord;
import io.sluice.media.codec.hevc.HevcSequenceParameterSet;
import io.sluice.media.codec.hevc.HevcSpsParser;
import io.sluice.media.codec.opus.OpusHeader;
import io.sluice.media.codec.opus.OpusHeaderParser;
import io.sluice.media.error.MediaFormatException;
import java.util.List;
import java.util.Locale;

/**
 * Turns a codec configuration record, as an encoder sends it in a sequence header, into the sample entry of a
 * CMAF track (ISO/IEC 14496-15 for {@code avc1} and {@code hvc1}, the AV1 ISOBMFF binding for {@code av01},
 * ISO/IEC 14496-14 for {@code mp4a}, Opus in ISOBMFF for {@code Opus}) and the RFC 6381 codecs string HLS
 * announces. Every record is parsed before it is used, so a malformed one is refused here and never reaches a
 * player. Other codecs have no track: {@link MediaFormatException}.
 */
public final class TrackConfigurations {

    /** The sample entry types this class makes, in the order tests and documents list them. */
    public static final List<String> SUPPORTED = List.of("avc1", "hvc1", "av01", "mp4a", "Opus");

    static final int VIDEO_TIMESCALE = 90_000;
    private static final int OPUS_TIMESCALE = 48_000;
    private static final int HVCC_ARRAYS_OFFSET = 22;
    private static final int NAL_VPS = 32;
    private static final int NAL_PPS = 34;
    private static final int ESDS_OBJECT_TYPE_AAC = 0x40;
    private static final int ESDS_STREAM_TYPE_AUDIO = 0x15;

    private TrackConfigurations() {
    }

    /** The track for a sample entry type and its configuration record. */
    public static TrackConfiguration of(String fourCc, byte[] record, CodecLimits limits) {
        return switch (fourCc) {
            case "avc1" -> avc(record, limits);
            case "hvc1" -> hevc(record, limits);
            case "av01" -> av1(record, limits);
            case "mp4a" -> aac(record);
            case "Opus" -> opus(record);
            default -> throw new MediaFormatException("no CMAF track for codec " + fourCc);
        };
    }

    /** H.264: the avcC record goes into the sample entry unchanged. */
    static TrackConfiguration avc(byte[] record, CodecLimits limits) {
        AvcDecoderConfigurationRecord avcC = AvcConfigurationParser.parse(record, limits);
        if (avcC.sequenceParameterSets().isEmpty()) {
            throw new MediaFormatException("avcC has no sequence parameter set");
        }
        AvcSequenceParameterSet sps = AvcSpsParser.parse(avcC.sequenceParameterSets().getFirst());
        String codecs = String.format(Locale.ROOT, "avc1.%02x%02x%02x", avcC.profileIndication(),
                avcC.profileCompatibility(), avcC.levelIndication());
        return video("avc1", "avcC", codecs, sps.width(), sps.height(), record, record);
    }

    /**
     * H.265 as {@code hvc1}: the parameter sets stay in the sample entry only (none is repeated in band as far
     * as the container knows), so the VPS, SPS and PPS arrays are marked complete as ISO/IEC 14496-15 8.4.1
     * requires of {@code hvc1}.
     */
    static TrackConfiguration hevc(byte[] record, CodecLimits limits) {
        HevcDecoderConfigurationRecord hvcC = HevcConfigurationParser.parse(record, limits);
        ImmutableBytes spsNal = hvcC.firstNalUnit(HevcDecoderConfigurationRecord.NAL_TYPE_SPS)
                .orElseThrow(() -> new MediaFormatException("hvcC has no sequence parameter set"));
        HevcSequenceParameterSet sps = HevcSpsParser.parse(spsNal);
        return video("hvc1", "hvcC", hevcCodecs(hvcC), sps.width(), sps.height(), completeArrays(record), record);
    }

    /** AV1: the av1C record, its configOBUs included, goes into the sample entry unchanged. */
    static TrackConfiguration av1(byte[] record, CodecLimits limits) {
        Av1CodecConfigurationRecord av1C = Av1ConfigurationParser.parse(record);
        Av1SequenceHeader header = Av1SequenceHeaderParser.parse(av1C, limits);
        String codecs = String.format(Locale.ROOT, "av01.%d.%02d%s.%02d", av1C.seqProfile(), av1C.seqLevelIdx0(),
                av1C.seqTier0() ? "H" : "M", av1C.bitDepth());
        return video("av01", "av1C", codecs, header.maxFrameWidth(), header.maxFrameHeight(), record, record);
    }

    /** AAC: the AudioSpecificConfig inside an {@code esds} elementary stream descriptor. */
    static TrackConfiguration aac(byte[] record) {
        AudioSpecificConfig asc = AudioSpecificConfigParser.parse(record);
        int objectType = asc.ps() == SignalledFlag.PRESENT ? AudioSpecificConfig.AOT_PS
                : asc.sbr() == SignalledFlag.PRESENT ? AudioSpecificConfig.AOT_SBR : asc.audioObjectType();
        var esds = new BoxWriter(64 + record.length, 1 << 16).openFull("esds", 0, 0);
        byte[] decoderSpecific = descriptor(0x05, record);
        var decoderConfig = new BoxWriter(32 + decoderSpecific.length, 1 << 16)
                .u8(ESDS_OBJECT_TYPE_AAC).u8(ESDS_STREAM_TYPE_AUDIO).u24(0).u32(0).u32(0).bytes(decoderSpecific);
        var elementaryStream = new BoxWriter(64 + decoderSpecific.length, 1 << 16)
                .u16(0).u8(0)
                .bytes(descriptor(0x04, decoderConfig.toByteArray()))
                .bytes(descriptor(0x06, new byte[] {0x02}));
        esds.bytes(descriptor(0x03, elementaryStream.toByteArray())).close();
        int rate = asc.samplingFrequency();
        byte[] entry = audioEntry("mp4a", asc.channelCount(), rate, esds.toByteArray());
        return new TrackConfiguration(TrackKind.AUDIO, "mp4a", "mp4a.40." + objectType, rate, 0, 0, rate,
                asc.channelCount(), ImmutableBytes.copyOf(entry), ImmutableBytes.copyOf(record));
    }

    /** Opus: the OpusHead identification header rewritten as a {@code dOps} box (big-endian, no magic). */
    static TrackConfiguration opus(byte[] record) {
        OpusHeader head = OpusHeaderParser.parseOpusHead(record);
        var dOps = new BoxWriter(32, 1 << 10).open("dOps")
                .u8(0).u8(head.channelCount()).u16(head.preSkip()).u32(head.inputSampleRate())
                .u16(head.outputGain()).u8(head.mappingFamily());
        head.channelMapping().ifPresent(mapping -> dOps.u8(mapping.streamCount()).u8(mapping.coupledCount())
                .bytes(mapping.mapping().toByteArray()));
        dOps.close();
        byte[] entry = audioEntry("Opus", head.channelCount(), OPUS_TIMESCALE, dOps.toByteArray());
        return new TrackConfiguration(TrackKind.AUDIO, "Opus", "Opus", OPUS_TIMESCALE, 0, 0, OPUS_TIMESCALE,
                head.channelCount(), ImmutableBytes.copyOf(entry), ImmutableBytes.copyOf(record));
    }

    private static TrackConfiguration video(String fourCc, String configBox, String codecs, int width, int height,
            byte[] boxPayload, byte[] source) {
        var entry = new BoxWriter(128 + boxPayload.length, 1 << 20).open(fourCc)
                .zeros(6).u16(1)
                .u16(0).u16(0).zeros(12)
                .u16(width).u16(height)
                .u32(0x0048_0000L).u32(0x0048_0000L)
                .u32(0).u16(1)
                .zeros(32)
                .u16(0x0018).u16(0xFFFF)
                .open(configBox).bytes(boxPayload).close()
                .close();
        return new TrackConfiguration(TrackKind.VIDEO, fourCc, codecs, VIDEO_TIMESCALE, width, height, 0, 0,
                ImmutableBytes.copyOf(entry.toByteArray()), ImmutableBytes.copyOf(source));
    }

    private static byte[] audioEntry(String fourCc, int channels, int sampleRate, byte[] configBox) {
        return new BoxWriter(64 + configBox.length, 1 << 20).open(fourCc)
                .zeros(6).u16(1)
                .zeros(8)
                .u16(channels).u16(16)
                .u16(0).u16(0)
                // 16.16 fixed point; rates above 65535 Hz do not fit and are given by the configuration box.
                .u32(sampleRate <= 0xFFFF ? (long) sampleRate << 16 : 0)
                .bytes(configBox)
                .close().toByteArray();
    }

    /** An MPEG-4 descriptor (ISO/IEC 14496-1 8.3.3): tag, expandable size, payload. */
    private static byte[] descriptor(int tag, byte[] payload) {
        var out = new BoxWriter(payload.length + 6, 1 << 16).u8(tag);
        int size = payload.length;
        int groups = size < 0x80 ? 1 : size < 0x4000 ? 2 : size < 0x20_0000 ? 3 : 4;
        for (int i = groups - 1; i >= 0; i--) {
            out.u8(((size >>> (7 * i)) & 0x7F) | (i > 0 ? 0x80 : 0));
        }
        return out.bytes(payload).toByteArray();
    }

    /** {@code hvc1.<space><profile>.<compatibility>.<tier><level>[.<constraint bytes>]} (ISO/IEC 14496-15 E.3). */
    static String hevcCodecs(HevcDecoderConfigurationRecord hvcC) {
        StringBuilder codecs = new StringBuilder("hvc1.");
        if (hvcC.generalProfileSpace() > 0) {
            codecs.append((char) ('A' + hvcC.generalProfileSpace() - 1));
        }
        codecs.append(hvcC.generalProfileIdc()).append('.')
                .append(Integer.toHexString(Integer.reverse(hvcC.generalProfileCompatibilityFlags())).toUpperCase(Locale.ROOT))
                .append('.').append(hvcC.generalTierFlag() ? 'H' : 'L').append(hvcC.generalLevelIdc());
        long constraints = hvcC.generalConstraintIndicatorFlags();
        int last = 5;
        while (last >= 0 && ((constraints >>> (8 * (5 - last))) & 0xFF) == 0) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            codecs.append('.').append(String.format(Locale.ROOT, "%X", (constraints >>> (8 * (5 - i))) & 0xFF));
        }
        return codecs.toString();
    }

    /** A copy of an hvcC record whose VPS, SPS and PPS arrays say array_completeness = 1. */
    private static byte[] completeArrays(byte[] record) {
        byte[] copy = record.clone();
        int arrays = copy[HVCC_ARRAYS_OFFSET] & 0xFF;
        int position = HVCC_ARRAYS_OFFSET + 1;
        for (int i = 0; i < arrays; i++) {
            int type = copy[position] & 0x3F;
            if (type >= NAL_VPS && type <= NAL_PPS) {
                copy[position] |= (byte) 0x80;
            }
            int units = ((copy[position + 1] & 0xFF) << 8) | (copy[position + 2] & 0xFF);
            position += 3;
            for (int j = 0; j < units; j++) {
                int length = ((copy[position] & 0xFF) << 8) | (copy[position + 1] & 0xFF);
                position += 2 + length;
            }
        }
        return copy;
    }
}
