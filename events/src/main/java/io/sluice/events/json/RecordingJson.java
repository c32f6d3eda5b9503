package io.sluice.events.json;

import io.sluice.events.EventFormatException;
import io.sluice.events.data.RecordingDeleted;
import io.sluice.events.data.RecordingFailed;
import io.sluice.events.data.RecordingReady;
import io.sluice.events.data.RecordingStarted;
import io.sluice.events.data.RecordingTrack;

/** The data of the recording events. */
final class RecordingJson {

    private RecordingJson() {
    }

    static DataWriter write(RecordingStarted r) {
        return recording(r.recordingId(), r.streamId(), r.tenant())
                .string("session_id", r.sessionId())
                .string("playback_url", r.playbackUrl())
                .time("started_at", r.startedAt());
    }

    static RecordingStarted readStarted(DataReader data) {
        return new RecordingStarted(data.string("recording_id"), data.string("stream_id"), data.string("tenant"),
                data.string("session_id"), data.string("playback_url"), data.instant("started_at"));
    }

    static DataWriter write(RecordingReady r) {
        return recording(r.recordingId(), r.streamId(), r.tenant())
                .number("duration_ms", r.durationMillis())
                .number("size_bytes", r.sizeBytes())
                .objects("tracks", r.tracks(), RecordingJson::write)
                .number("segment_count", r.segmentCount())
                .string("playback_url", r.playbackUrl())
                .string("mp4_url", r.mp4Url())
                .strings("session_ids", r.sessionIds())
                .time("started_at", r.startedAt())
                .time("ended_at", r.endedAt());
    }

    static RecordingReady readReady(DataReader data) {
        return new RecordingReady(data.string("recording_id"), data.string("stream_id"), data.string("tenant"),
                data.number("duration_ms"), data.number("size_bytes"), data.objects("tracks", RecordingJson::readTrack),
                data.integer("segment_count"), data.string("playback_url"), data.string("mp4_url"),
                data.strings("session_ids"), data.instant("started_at"), data.instant("ended_at"));
    }

    /** Audio tracks carry no size. */
    private static DataWriter write(RecordingTrack track) {
        DataWriter json = new DataWriter()
                .string("kind", track.kind().wireName())
                .string("codec", track.codec());
        if (track.kind() == RecordingTrack.Kind.VIDEO) {
            json.number("width", track.width()).number("height", track.height());
        }
        return json;
    }

    private static RecordingTrack readTrack(DataReader track) {
        String kind = track.string("kind");
        return new RecordingTrack(RecordingTrack.Kind.fromWireName(kind)
                .orElseThrow(() -> new EventFormatException("unknown track kind " + kind)),
                track.string("codec"), track.optionalInteger("width"), track.optionalInteger("height"));
    }

    static DataWriter write(RecordingFailed r) {
        return recording(r.recordingId(), r.streamId(), r.tenant()).string("reason", r.reason());
    }

    static RecordingFailed readFailed(DataReader data) {
        return new RecordingFailed(data.string("recording_id"), data.string("stream_id"), data.string("tenant"),
                data.string("reason"));
    }

    static DataWriter write(RecordingDeleted r) {
        return recording(r.recordingId(), r.streamId(), r.tenant());
    }

    static RecordingDeleted readDeleted(DataReader data) {
        return new RecordingDeleted(data.string("recording_id"), data.string("stream_id"), data.string("tenant"));
    }

    private static DataWriter recording(String recordingId, String streamId, String tenant) {
        return new DataWriter()
                .string("recording_id", recordingId)
                .string("stream_id", streamId)
                .string("tenant", tenant);
    }
}
