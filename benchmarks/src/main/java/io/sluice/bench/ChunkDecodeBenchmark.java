package io.sluice.bench;

import io.sluice.media.amf.AmfLimits;
import io.sluice.media.rtmp.RtmpLimits;
import io.sluice.media.rtmp.chunk.ChunkDecoder;
import io.sluice.media.rtmp.chunk.ChunkEncoder;
import io.sluice.media.rtmp.chunk.OutputBuffer;
import io.sluice.media.rtmp.chunk.RawMessage;
import io.sluice.media.rtmp.message.MessageCodec;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Chunk decoding plus message assembly, the ingest's hot path: about 4 MB of a publish as an encoder
 * sends it (video messages of 3 to 30 KB at 25 per second, each followed by two AAC frames of 200 to 400
 * bytes), chunked at {@code chunkSize}, read back in 64 KiB socket-sized reads by one decoder and turned
 * into audio and video messages. The {@code bytes} counter is the decode rate in bytes per second; with
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is the allocation per pass over the 4 MB.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChunkDecodeBenchmark {

    private static final int READ_SIZE = 64 * 1024;
    private static final int VIDEO_FRAMES = 280;

    @Param({"4096", "128"})
    public int chunkSize;

    private byte[] stream;
    private ByteBuffer reads;
    private ChunkDecoder decoder;
    private int messages;

    /** Counts decoded bytes so JMH reports bytes per second next to operations per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Decoded {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup
    public void encodeStream() {
        SplittableRandom random = new SplittableRandom(42);
        ChunkEncoder encoder = new ChunkEncoder();
        encoder.setChunkSize(chunkSize);
        OutputBuffer out = new OutputBuffer(8 << 20);
        long audioTime = 0;
        for (int frame = 0; frame < VIDEO_FRAMES; frame++) {
            byte[] video = new byte[random.nextInt(3_000, 30_001)];
            random.nextBytes(video);
            video[0] = (byte) (frame % 50 == 0 ? 0x17 : 0x27);
            encoder.encode(new RawMessage(6, frame * 40L, 9, 1, video), out);
            messages++;
            for (int i = 0; i < 2; i++) {
                byte[] audio = new byte[random.nextInt(200, 401)];
                random.nextBytes(audio);
                audio[0] = (byte) 0xAF;
                encoder.encode(new RawMessage(4, audioTime, 8, 1, audio), out);
                audioTime += 23;
                messages++;
            }
        }
        stream = out.drain().array();
        reads = ByteBuffer.wrap(stream);
        decoder = new ChunkDecoder(RtmpLimits.DEFAULTS);
        decoder.setChunkSize(chunkSize);
    }

    @Benchmark
    public void decode(Decoded decoded, Blackhole blackhole) {
        int[] count = {0};
        Consumer<RawMessage> sink = raw -> {
            blackhole.consume(MessageCodec.decode(raw, AmfLimits.DEFAULTS));
            count[0]++;
        };
        for (int offset = 0; offset < stream.length; offset += READ_SIZE) {
            reads.limit(Math.min(offset + READ_SIZE, stream.length)).position(offset);
            decoder.decode(reads, sink);
        }
        if (count[0] != messages) {
            throw new IllegalStateException("decoded " + count[0] + " of " + messages + " messages");
        }
        decoded.bytes += stream.length;
    }
}
