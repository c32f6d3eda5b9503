package io.sluice.recording.domain;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.recording.objects.ObjectKeys;
import io.sluice.recording.objects.ObjectStore;
import io.sluice.recording.storage.MediaRepository;
import io.sluice.recording.storage.RecordingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The ends of a recording's life, each inside the caller's transaction with the recording's row locked, its event
 * in the outbox and its objects deleted once the change has committed.
 */
@ApplicationScoped
public class RecordingFinisher {

    private static final Logger LOG = Logger.getLogger(RecordingFinisher.class);

    private final RecordingRepository recordings;
    private final MediaRepository media;
    private final ObjectStore store;
    private final RecordingEventOutbox events;
    private final RecordingSettings settings;
    private final AfterCommit afterCommit;
    private final MeterRegistry meters;

    RecordingFinisher(RecordingRepository recordings, MediaRepository media, ObjectStore store,
            RecordingEventOutbox events, RecordingSettings settings, AfterCommit afterCommit, MeterRegistry meters) {
        this.recordings = recordings;
        this.media = media;
        this.store = store;
        this.events = events;
        this.settings = settings;
        this.afterCommit = afterCommit;
        this.meters = meters;
    }

    /**
     * The stream's reconnect window has passed: a kept recording becomes {@code ready} (or {@code failed} when
     * nothing could be recorded) and loses its parts; one that is not kept goes entirely.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(Recording recording) {
        Instant now = Instant.now();
        List<String> parts = media.partsBefore(recording.id(), Long.MAX_VALUE).stream()
                .map(part -> ObjectKeys.part(recording.storagePrefix(), part.segment(), part.part())).toList();
        media.deletePartsBefore(recording.id(), Long.MAX_VALUE);
        if (!recording.keep()) {
            recordings.delete(recording.id());
            afterCommit.run(() -> store.deletePrefix(recording.storagePrefix()));
            LOG.infof("Recording %s of stream %s ended; the stream keeps no recordings, so nothing is kept",
                    recording.id(), recording.streamId());
            return;
        }
        afterCommit.run(() -> store.delete(parts));
        Instant expires = now.plus(settings.retention());
        if (recording.segmentCount() == 0) {
            String reason = "no recordable media: no H.264, H.265, AV1, AAC or Opus frame arrived";
            recordings.setStatus(recording.id(), RecordingStatus.FAILED, now, reason, expires);
            events.failed(recordings.find(recording.id()).orElseThrow(), reason);
            meters.counter("sluice.recording.recordings.finished", "status", "failed").increment();
            LOG.warnf("Recording %s of stream %s failed: %s", recording.id(), recording.streamId(), reason);
            return;
        }
        recordings.setStatus(recording.id(), RecordingStatus.READY, now, null, expires);
        events.ready(recordings.find(recording.id()).orElseThrow(), media.periods(recording.id(), settings.codecLimits()));
        meters.counter("sluice.recording.recordings.finished", "status", "ready").increment();
        LOG.infof("Recording %s of stream %s is ready: %d segments, %d bytes", recording.id(), recording.streamId(),
                recording.segmentCount(), recording.sizeBytes());
    }

    /** Deletes a finished recording's media; the recording stays, {@code deleted}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(Recording recording) {
        if (!recording.status().canBecome(RecordingStatus.DELETED)) {
            throw new IllegalStateException("recording " + recording.id() + " is " + recording.status().wireName());
        }
        recordings.setStatus(recording.id(), RecordingStatus.DELETED, Instant.now(), null, null);
        media.deleteAll(recording.id());
        events.deleted(recordings.find(recording.id()).orElseThrow());
        afterCommit.run(() -> store.deletePrefix(recording.storagePrefix()));
        meters.counter("sluice.recording.recordings.deleted").increment();
        LOG.infof("Recording %s of stream %s deleted", recording.id(), recording.streamId());
    }
}
