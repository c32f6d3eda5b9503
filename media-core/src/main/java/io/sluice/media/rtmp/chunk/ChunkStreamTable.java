package io.sluice.media.rtmp.chunk;

import io.sluice.media.error.LimitExceededException;
import io.sluice.media.rtmp.RtmpLimits;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Chunk stream states by id. Ids below 320 (the one- and two-byte basic header forms, which is all
 * encoders use) are a direct array lookup; the rare three-byte ids are searched in a short list, short
 * because {@link RtmpLimits#maxChunkStreams()} bounds how many ids a peer may use at all. A state is
 * never dropped, even with no message in flight on its id: the next chunk on that id may be a type 1, 2
 * or 3 header that needs the last one.
 */
final class ChunkStreamTable {

    private static final int DIRECT_IDS = 320;

    private final ChunkStreamState[] direct = new ChunkStreamState[DIRECT_IDS];
    private ChunkStreamState[] others = new ChunkStreamState[4];
    private int othersCount;
    private int count;
    private final int maxStreams;

    ChunkStreamTable(int maxStreams) {
        this.maxStreams = maxStreams;
    }

    /** The state of chunk stream {@code id}, created on first use. */
    ChunkStreamState get(int id) {
        ChunkStreamState state = find(id);
        if (state == null) {
            LimitExceededException.check(RtmpLimits.MAX_CHUNK_STREAMS, maxStreams, count + 1L);
            state = new ChunkStreamState(id);
            count++;
            if (id < DIRECT_IDS) {
                direct[id] = state;
            } else {
                if (othersCount == others.length) {
                    others = Arrays.copyOf(others, othersCount * 2);
                }
                others[othersCount++] = state;
            }
        }
        return state;
    }

    /** Every chunk stream the peer used, in no particular order. */
    void forEach(Consumer<ChunkStreamState> action) {
        for (ChunkStreamState state : direct) {
            if (state != null) {
                action.accept(state);
            }
        }
        for (int i = 0; i < othersCount; i++) {
            action.accept(others[i]);
        }
    }

    /** The state of chunk stream {@code id}, or {@code null} if the peer never used it. */
    ChunkStreamState find(int id) {
        if (id < DIRECT_IDS) {
            return direct[id];
        }
        for (int i = 0; i < othersCount; i++) {
            if (others[i].id == id) {
                return others[i];
            }
        }
        return null;
    }
}
