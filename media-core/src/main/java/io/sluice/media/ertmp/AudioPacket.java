package io.sluice.media.ertmp;

import io.sluice.media.codec.ImmutableBytes;

/** One audio packet of a FourCC codec: the ExAudioTagBody of a single track. */
public sealed interface AudioPacket extends ExAudioContent {

    /** The codec. */
    AudioFourCc fourCc();

    /** The packet type this record stands for. */
    AudioPacketType packetType();

    /** Starts a sequence: AudioSpecificConfig, OpusHead, fLaC + STREAMINFO; may be empty for other codecs. */
    record SequenceStart(AudioFourCc fourCc, ImmutableBytes data) implements AudioPacket {
        @Override
        public AudioPacketType packetType() {
            return AudioPacketType.SEQUENCE_START;
        }
    }

    /** Coded audio frames. */
    record CodedFrames(AudioFourCc fourCc, ImmutableBytes data) implements AudioPacket {
        @Override
        public AudioPacketType packetType() {
            return AudioPacketType.CODED_FRAMES;
        }
    }

    /** Ends a sequence (at least as strong as a silence message); the data is normally empty. */
    record SequenceEnd(AudioFourCc fourCc, ImmutableBytes data) implements AudioPacket {
        @Override
        public AudioPacketType packetType() {
            return AudioPacketType.SEQUENCE_END;
        }
    }

    /**
     * The speaker layout (MultichannelConfig) for codecs that do not describe it.
     *
     * @param channelMapping one AudioChannel byte per channel for {@link AudioChannelOrder#CUSTOM}, else empty
     * @param channelFlags an AudioChannelMask for {@link AudioChannelOrder#NATIVE}, else 0
     */
    record MultichannelConfig(AudioFourCc fourCc, AudioChannelOrder channelOrder, int channelCount,
            ImmutableBytes channelMapping, int channelFlags) implements AudioPacket {

        public MultichannelConfig {
            Fields.unsigned("channelCount", channelCount, 8);
            int mappingLength = channelOrder == AudioChannelOrder.CUSTOM ? channelCount : 0;
            if (channelMapping.length() != mappingLength) {
                throw new IllegalArgumentException("channel mapping must have " + mappingLength + " entries");
            }
            if (channelOrder != AudioChannelOrder.NATIVE && channelFlags != 0) {
                throw new IllegalArgumentException("channel flags belong to the native order only");
            }
        }

        @Override
        public AudioPacketType packetType() {
            return AudioPacketType.MULTICHANNEL_CONFIG;
        }
    }
}
