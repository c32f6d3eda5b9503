package io.sluice.media.ertmp;

import io.sluice.media.codec.ImmutableBytes;

/** One video packet of a FourCC codec: the ExVideoTagBody of a single track. */
public sealed interface VideoPacket extends ExVideoContent {

    /** The codec. */
    VideoFourCc fourCc();

    /** The packet type this record stands for. */
    VideoPacketType packetType();

    /** The payload after any composition time offset. */
    ImmutableBytes data();

    /** Starts a sequence: the codec configuration record (avcC, hvcC, av1C, vpcC...). */
    record SequenceStart(VideoFourCc fourCc, ImmutableBytes data) implements VideoPacket {
        @Override
        public VideoPacketType packetType() {
            return VideoPacketType.SEQUENCE_START;
        }
    }

    /**
     * Coded frames. For avc1, hvc1 and vvc1 an SI24 composition time offset in milliseconds precedes the data; for
     * the other codecs it must be 0 and is not written.
     */
    record CodedFrames(VideoFourCc fourCc, int compositionTimeOffset, ImmutableBytes data) implements VideoPacket {
        public CodedFrames {
            Fields.signed24("compositionTimeOffset", compositionTimeOffset);
            if (!fourCc.hasCompositionTime() && compositionTimeOffset != 0) {
                throw new IllegalArgumentException(fourCc + " has no composition time offset");
            }
        }

        @Override
        public VideoPacketType packetType() {
            return VideoPacketType.CODED_FRAMES;
        }
    }

    /** Coded frames whose composition time offset is implied to be zero. */
    record CodedFramesX(VideoFourCc fourCc, ImmutableBytes data) implements VideoPacket {
        @Override
        public VideoPacketType packetType() {
            return VideoPacketType.CODED_FRAMES_X;
        }
    }

    /** Ends a sequence; the data is normally empty. */
    record SequenceEnd(VideoFourCc fourCc, ImmutableBytes data) implements VideoPacket {
        @Override
        public VideoPacketType packetType() {
            return VideoPacketType.SEQUENCE_END;
        }
    }

    /** AMF-encoded metadata such as {@code colorInfo}, kept as raw AMF bytes. */
    record Metadata(VideoFourCc fourCc, ImmutableBytes data) implements VideoPacket {
        @Override
        public VideoPacketType packetType() {
            return VideoPacketType.METADATA;
        }
    }

    /** Starts a sequence carried as in MPEG-2 TS, for example an AV1 video descriptor. */
    record Mpeg2TsSequenceStart(VideoFourCc fourCc, ImmutableBytes data) implements VideoPacket {
        @Override
        public VideoPacketType packetType() {
            return VideoPacketType.MPEG2TS_SEQUENCE_START;
        }
    }
}
