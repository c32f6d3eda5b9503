package io.sluice.recording.kafka;

import io.sluice.events.EventCodec;
import io.sluice.events.EventEnvelope;
import io.sluice.events.EventHeader;
import io.sluice.events.EventRecord;
import io.sluice.events.StructuredEvent;
import io.sluice.events.data.RecordingData;
import io.sluice.events.data.RecordingDeleted;
import io.sluice.events.data.RecordingFailed;
import io.sluice.events.data.RecordingReady;
import io.sluice.events.data.RecordingStarted;
import io.sluice.events.data.RecordingTrack;
import io.sluice.media.cmaf.TrackConfiguration;
import io.sluice.media.cmaf.TrackKind;
import io.sluice.recording.config.RecordingConfig;
import io.sluice.recording.domain.Period;
import io.sluice.recording.domain.Recording;
import io.sluice.recording.domain.RecordingEventOutbox;
import io.sluice.recording.domain.RecordingSettings;
import io.sluice.recording.storage.OutboxRepository;
import io.sluice.recording.storage.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place where a recording's state change becomes an event of the contract ({@code sluice.recordings.v1},
 * keyed by stream id), written into the outbox in the caller's transaction. Each event's id is the recording's
 * id and the change ({@code rec_...-ready}): the same change always carries the same id, so a consumer can tell
 * it apart from any other even across the service's restarts.
 */
@ApplicationScoped
public class RecordingEventRecords implements RecordingEventOutbox {

    private final OutboxRepository outbox;
    private final SessionRepository sessions;
    private final RecordingSettings settings;
    private final RecordingConfig config;

    RecordingEventRecords(OutboxRepository outbox, SessionRepository sessions, RecordingSettings settings,
            RecordingConfig config) {
        this.outbox = outbox;
        this.sessions = sessions;
        this.settings = settings;
        this.config = config;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void started(Recording recording, String sessionId) {
        append(recording, "started", new RecordingStarted(recording.id(), recording.streamId(), recording.tenant(),
                sessionId, settings.playbackUrl(recording).toString(), recording.startedAt()), recording.startedAt());
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void ready(Recording recording, List<Period> periods) {
        List<String> sessionIds = sessions.sessions(recording.id()).stream()
                .map(SessionRepository.RecordingSession::sessionId).toList();
        append(recording, "ready", new RecordingReady(recording.id(), recording.streamId(), recording.tenant(),
                recording.durationMicros() / 1000, recording.sizeBytes(), tracks(periods), recording.segmentCount(),
                settings.playbackUrl(recording).toString(), settings.mp4Url(recording).toString(), sessionIds,
                recording.startedAt(), recording.endedAt()), recording.readyAt());
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(Recording recording, String reason) {
        append(recording, "failed", new RecordingFailed(recording.id(), recording.streamId(), recording.tenant(), reason),
                recording.readyAt());
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleted(Recording recording) {
        append(recording, "deleted", new RecordingDeleted(recording.id(), recording.streamId(), recording.tenant()),
                recording.deletedAt());
    }

    /** Every distinct track of the recording's periods, video first. */
    static List<RecordingTrack> tracks(List<Period> periods) {
        Set<RecordingTrack> tracks = new LinkedHashSet<>();
        for (TrackKind kind : TrackKind.values()) {
            for (Period period : periods) {
                for (TrackConfiguration track : period.tracks()) {
                    if (track.kind() == kind) {
                        tracks.add(kind == TrackKind.VIDEO ? RecordingTrack.video(track.codecs(), track.width(),
                                track.height()) : RecordingTrack.audio(track.codecs()));
                    }
                }
            }
        }
        return List.copyOf(tracks);
    }

    private void append(Recording recording, String change, RecordingData data, Instant time) {
        Instant at = time == null ? Instant.now() : time;
        EventEnvelope envelope = new EventEnvelope(recording.id() + "-" + change, config.events().source(),
                data.type(), recording.streamId(), at);
        EventRecord record = EventCodec.encode(new StructuredEvent(envelope, data));
        Map<String, String> headers = new LinkedHashMap<>();
        for (EventHeader header : record.headers()) {
            headers.put(header.key(), header.text());
        }
        outbox.append(record.key(), record.value(), headers);
    }
}
