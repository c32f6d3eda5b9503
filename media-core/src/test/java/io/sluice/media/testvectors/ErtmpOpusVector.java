package io.sluice.media.testvectors;

import io.sluice.media.codec.ImmutableBytes;
import io.sluice.media.flv.FlvFiles;
import io.sluice.media.flv.FlvHeader;
import io.sluice.media.flv.FlvTag;
import io.sluice.media.flv.FlvTagType;
import io.sluice.media.flv.FlvWriter;
import io.sluice.media.testing.OpusClip;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Makes {@code ertmp-h264-opus.flv}, the committed vector of a stream with Opus audio over Enhanced RTMP, which no
 * encoder here writes: the video tags of {@code testsrc-320x240-3s.flv} (legacy AVC) with 3 s of libopus audio
 * (see {@link OpusClip}) as E-RTMP audio tags, an {@code Opus} SequenceStart at 0 and one CodedFrames per packet,
 * in timestamp order. Run once, from the module folder, with the test classpath:
 * {@code java -cp target/classes:target/test-classes io.sluice.media.testvectors.ErtmpOpusVector src/test/resources/media/ertmp-h264-opus.flv}.
 */
public final class ErtmpOpusVector {

    private ErtmpOpusVector() {
    }

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args[0]);
        Path work = Files.createTempDirectory("opus-vector");
        OpusClip opus = OpusClip.encode(work, 3);
        List<FlvTag> tags = new ArrayList<>(FlvFiles.tags("testsrc-320x240-3s.flv").stream()
                .filter(tag -> tag.type() == FlvTagType.VIDEO).toList());
        tags.add(FlvTag.of(FlvTagType.AUDIO, 0, ImmutableBytes.copyOf(opus.sequenceStart())));
        for (OpusClip.Packet packet : opus.packets()) {
            tags.add(FlvTag.of(FlvTagType.AUDIO, packet.millis(), ImmutableBytes.copyOf(OpusClip.codedFrames(packet))));
        }
        // A stable sort: at one timestamp video stays before audio, and each track keeps its order.
        tags.sort(Comparator.comparingLong(FlvTag::timestamp));
        try (OutputStream out = Files.newOutputStream(output)) {
            FlvWriter writer = new FlvWriter(out);
            writer.write(FlvHeader.of(true, true));
            for (FlvTag tag : tags) {
                writer.write(tag);
            }
        }
    }
}
