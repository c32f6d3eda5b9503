package io.sluice.simulcast.support;

import io.sluice.media.flv.FlvTag;
import io.sluice.media.flv.FlvTagType;
import io.sluice.testkit.MediaLogWriter;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A live session on the media log that goes on until closed: the clip's headers once, then its media again and
 * again at real-time pace, timestamps running on, as an encoder streaming would.
 */
public final class LiveSession implements AutoCloseable {

    private final MediaLogWriter writer;
    private final Thread thread;
    private volatile boolean running = true;

    public LiveSession(String streamId, String tenant, List<FlvTag> clip) {
        this.writer = new MediaLogWriter(streamId, tenant);
        writer.sessionStarted();
        long duration = clip.getLast().timestamp() + 40;
        this.thread = Thread.ofPlatform().name("live-session").daemon().start(() -> {
            long start = System.nanoTime();
            for (long pass = 0; running; pass++) {
                for (FlvTag tag : clip) {
                    if (!running) {
                        return;
                    }
                    boolean header = tag.type() == FlvTagType.SCRIPT_DATA || isSequenceHeader(tag);
                    if (pass > 0 && header) {
                        continue;
                    }
                    long timestamp = pass * duration + tag.timestamp();
                    long due = start + timestamp * 1_000_000;
                    while (running && System.nanoTime() < due) {
                        LockSupport.parkNanos(due - System.nanoTime());
                    }
                    writer.media(tag, timestamp);
                    writer.flush();
                }
            }
        });
    }

    private static boolean isSequenceHeader(FlvTag tag) {
        byte[] body = tag.body().toByteArray();
        return body.length > 1 && body[1] == 0 && (tag.type() == FlvTagType.VIDEO || (body[0] & 0xF0) == 0xA0);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.sessionEnded();
        writer.close();
    }
}
