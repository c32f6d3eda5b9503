package io.sluice.ingest.session;

import io.sluice.media.codec.CodecLimits;
import io.sluice.media.codec.aac.AudioSpecificConfig;
import io.sluice.media.codec.aac.AudioSpecificConfigParser;
import io.sluice.media.codec.av1.Av1ConfigurationParser;
import io.sluice.media.codec.av1.Av1SequenceHeader;
import io.sluice.media.codec.av1.Av1SequenceHeaderParser;
import io.sluice.media.codec.avc.AvcConfigurationParser;
import io.sluice.media.codec.avc.AvcDecoderConfigurationRecord;
import io.sluice.media.codec.avc.AvcSequenceParameterSet;
import io.sluice.media.codec.avc.AvcSpsParser;
import io.sluice.media.codec.flac.FlacStreamInfo;
import io.sluice.media.codec.flac.FlacStreamInfoParser;
import io.sluice.media.codec.hevc.HevcConfigurationParser;
import io.sluice.media.codec.hevc.HevcDecoderConfigurationRecord;
import io.sluice.media.codec.hevc.HevcSequenceParameterSet;
import io.sluice.media.codec.hevc.HevcSpsParser;
import io.sluice.media.codec.opus.OpusHeader;
import io.sluice.media.codec.opus.OpusHeaderParser;
import io.sluice.media.codec.vp8.Vp8FrameHeaderParser;
import io.sluice.media.codec.vp9.Vp9FrameHeaderParser;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.ertmp.AacPacketType;
import io.sluice.media.ertmp.AudioFourCc;
import io.sluice.media.ertmp.AudioMultitrack;
import io.sluice.media.ertmp.AudioPacket;
import io.sluice.media.ertmp.AudioSilence;
import io.sluice.media.ertmp.AudioTag;
import io.sluice.media.ertmp.AvcPacketType;
import io.sluice.media.ertmp.ExAudioTag;
import io.sluice.media.ertmp.ExVideoCommand;
import io.sluice.media.ertmp.ExVideoTag;
import io.sluice.media.ertmp.KeyframeDetector;
import io.sluice.media.ertmp.LegacyAacAudioTag;
import io.sluice.media.ertmp.LegacyAudioTag;
import io.sluice.media.ertmp.LegacyAvcVideoTag;
import io.sluice.media.ertmp.LegacyVideoCommand;
import io.sluice.media.ertmp.LegacyVideoTag;
import io.sluice.media.ertmp.SoundFormat;
import io.sluice.media.ertmp.TagBodyLimits;
import io.sluice.media.ertmp.TagBodyParser;
import io.sluice.media.ertmp.VideoFourCc;
import io.sluice.media.ertmp.VideoMultitrack;
import io.sluice.media.ertmp.VideoPacket;
import io.sluice.media.ertmp.VideoTag;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a stream's tags say about its codecs, for the stats: the codec as a FourCC, the picture size from
 * the video's configuration record (or a VP8/VP9 keyframe), the audio's sample rate and channels, and which
 * frames are keyframes. Legacy FLV and Enhanced RTMP alike; for multitrack tags, the first track speaks.
 * A tag media-core cannot parse is still forwarded untouched; it only teaches the stats nothing.
 */
final class StreamCodecs {

    private static final TagBodyParser PARSER = new TagBodyParser(TagBodyLimits.DEFAULTS);
    /** Enough for every video tag header and for what a VP8 or VP9 keyframe says of its size up front. */
    static final int VIDEO_HEADER_BYTES = 64;
    private static final int[] LEGACY_SOUND_RATES = {5512, 11025, 22050, 44100};

    private volatile String videoCodec;
    private volatile String audioCodec;
    private volatile int width;
    private volatile int height;
    private volatile int sampleRate;
    private volatile int channels;

    /** Learns from a video tag body; returns whether it is a keyframe. */
    boolean onVideo(byte[] body) {
        VideoTag tag;
        try {
            tag = parseVideo(body);
        } catch (MediaFormatException e) {
            return false;
        }
        switch (tag) {
            case LegacyAvcVideoTag avc -> {
                videoCodec = VideoFourCc.AVC.code();
                if (avc.packetType() == AvcPacketType.SEQUENCE_HEADER) {
                    learnPicture(VideoFourCc.AVC, avc.data().toByteArray());
                }
            }
            case LegacyVideoTag legacy -> videoCodec = "flv" + legacy.codecId();
            case LegacyVideoCommand command -> {
                // A command frame carries no picture.
            }
            case ExVideoTag ex -> {
                switch (ex.content()) {
                    case VideoPacket packet -> onVideoPacket(packet, KeyframeDetector.containerSaysKeyFrame(tag));
                    case VideoMultitrack multitrack -> {
                        if (!multitrack.tracks().isEmpty()) {
                            onVideoPacket(multitrack.tracks().getFirst().packet(), KeyframeDetector.containerSaysKeyFrame(tag));
                        }
                    }
                    case ExVideoCommand command -> {
                        // A command frame carries no picture.
                    }
                }
            }
        }
        return KeyframeDetector.containerSaysKeyFrame(tag);
    }

    /**
     * The parser copies every byte it reads, and a coded frame teaches the stats nothing past its header, so
     * a large frame is parsed from its first bytes only: that copy would otherwise double the service's
     * allocation for every picture it forwards. A configuration, a multitrack body (whose tracks run past the
     * prefix), a VP8 or VP9 keyframe (whose size the stats read) or a prefix that does not parse is read whole.
     */
    private static VideoTag parseVideo(byte[] body) {
        if (body.length > VIDEO_HEADER_BYTES) {
            try {
                VideoTag head = PARSER.parseVideo(Arrays.copyOf(body, VIDEO_HEADER_BYTES));
                if (!needsWholeBody(head)) {
                    return head;
                }
            } catch (MediaFormatException e) {
                // Read whole below, which says whether the body itself is malformed.
            }
        }
        return PARSER.parseVideo(body);
    }

    private static boolean needsWholeBody(VideoTag head) {
        return switch (head) {
            case LegacyAvcVideoTag avc -> avc.packetType() == AvcPacketType.SEQUENCE_HEADER;
            case ExVideoTag ex -> switch (ex.content()) {
                case VideoPacket.SequenceStart start -> true;
                case VideoPacket packet -> KeyframeDetector.containerSaysKeyFrame(head)
                        && (packet.fourCc() == VideoFourCc.VP8 || packet.fourCc() == VideoFourCc.VP9);
                case VideoMultitrack multitrack -> true;
                case ExVideoCommand command -> false;
            };
            default -> false;
        };
    }

    void onAudio(byte[] body) {
        AudioTag tag;
        try {
            tag = PARSER.parseAudio(body);
        } catch (MediaFormatException e) {
            return;
        }
        switch (tag) {
            case LegacyAacAudioTag aac -> {
                audioCodec = AudioFourCc.AAC.code();
                if (aac.packetType() == AacPacketType.SEQUENCE_HEADER) {
                    learnSound(AudioFourCc.AAC, aac.data().toByteArray());
                }
            }
            case LegacyAudioTag legacy -> {
                audioCodec = legacy.soundFormat() == SoundFormat.MP3 ? AudioFourCc.MP3.code()
                        : legacy.soundFormat().name().toLowerCase(Locale.ROOT);
                sampleRate = LEGACY_SOUND_RATES[legacy.soundRate()];
                channels = legacy.soundType() + 1;
            }
            case ExAudioTag ex -> {
                switch (ex.content()) {
                    case AudioPacket packet -> onAudioPacket(packet);
                    case AudioMultitrack multitrack -> {
                        if (!multitrack.tracks().isEmpty()) {
                            onAudioPacket(multitrack.tracks().getFirst().packet());
                        }
                    }
                    default -> {
                        // Multichannel configuration: the channel count comes with the sequence start too.
                    }
                }
            }
            case AudioSilence silence -> {
                // Nothing to learn from silence.
            }
        }
    }

    private void onVideoPacket(VideoPacket packet, boolean keyframe) {
        videoCodec = packet.fourCc().code();
        if (packet instanceof VideoPacket.SequenceStart start) {
            learnPicture(packet.fourCc(), start.data().toByteArray());
        } else if (keyframe && (packet.fourCc() == VideoFourCc.VP8 || packet.fourCc() == VideoFourCc.VP9)) {
            learnVpxKeyframe(packet.fourCc(), packet.data().toByteArray());
        }
    }

    private void onAudioPacket(AudioPacket packet) {
        audioCodec = packet.fourCc().code();
        if (packet instanceof AudioPacket.SequenceStart start) {
            learnSound(packet.fourCc(), start.data().toByteArray());
        }
    }

    private void learnPicture(VideoFourCc codec, byte[] config) {
        try {
            switch (codec) {
                case AVC -> {
                    AvcDecoderConfigurationRecord record = AvcConfigurationParser.parse(config, CodecLimits.DEFAULTS);
                    if (!record.sequenceParameterSets().isEmpty()) {
                        AvcSequenceParameterSet sps = AvcSpsParser.parse(record.sequenceParameterSets().getFirst());
                        picture(sps.width(), sps.height());
                    }
                }
                case HEVC -> {
                    HevcDecoderConfigurationRecord record = HevcConfigurationParser.parse(config, CodecLimits.DEFAULTS);
                    record.firstNalUnit(HevcDecoderConfigurationRecord.NAL_TYPE_SPS).ifPresent(nal -> {
                        HevcSequenceParameterSet sps = HevcSpsParser.parse(nal);
                        picture(sps.width(), sps.height());
                    });
                }
                case AV1 -> {
                    Av1SequenceHeader header = Av1SequenceHeaderParser.parse(Av1ConfigurationParser.parse(config),
                            CodecLimits.DEFAULTS);
                    picture(header.maxFrameWidth(), header.maxFrameHeight());
                }
                default -> {
                    // VP8 and VP9 say their size in keyframes, not in their configuration record.
                }
            }
        } catch (MediaFormatException e) {
            // An unreadable configuration leaves the picture size unknown.
        }
    }

    private void learnVpxKeyframe(VideoFourCc codec, byte[] frame) {
        try {
            if (codec == VideoFourCc.VP9) {
                Vp9FrameHeaderParser.parse(frame, 0, frame.length).keyFrameInfo().ifPresent(k -> picture(k.width(), k.height()));
            } else {
                Vp8FrameHeaderParser.parse(frame, 0, frame.length).keyFrameSize().ifPresent(k -> picture(k.width(), k.height()));
            }
        } catch (MediaFormatException e) {
            // The size stays what it was.
        }
    }

    private void learnSound(AudioFourCc codec, byte[] config) {
        try {
            switch (codec) {
                case AAC -> {
                    AudioSpecificConfig asc = AudioSpecificConfigParser.parse(config);
                    sound(asc.extensionSamplingFrequency() > 0 ? asc.extensionSamplingFrequency() : asc.samplingFrequency(),
                            asc.channelCount());
                }
                case OPUS -> {
                    OpusHeader head = OpusHeaderParser.parseOpusHead(config);
                    sound((int) head.inputSampleRate(), head.channelCount());
                }
                case FLAC -> {
                    FlacStreamInfo info = FlacStreamInfoParser.parse(config);
                    sound(info.sampleRate(), info.channels());
                }
                default -> {
                    // AC-3, E-AC-3 and MP3 sequence starts are empty; their frames carry the figures.
                }
            }
        } catch (MediaFormatException e) {
            // An unreadable configuration leaves the figures unknown.
        }
    }

    private void picture(int w, int h) {
        width = w;
        height = h;
    }

    private void sound(int rate, int count) {
        sampleRate = rate;
        channels = count;
    }

    String videoCodec() {
        return videoCodec;
    }

    String audioCodec() {
        return audioCodec;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int sampleRate() {
        return sampleRate;
    }

    int channels() {
        return channels;
    }
}
