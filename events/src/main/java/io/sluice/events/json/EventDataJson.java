package io.sluice.events.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.events.EventFormatException;
import io.sluice.events.EventType;
import io.sluice.events.data.EventData;
import io.sluice.events.data.RecordingDeleted;
import io.sluice.events.data.RecordingFailed;
import io.sluice.events.data.RecordingReady;
import io.sluice.events.data.RecordingStarted;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.events.data.SessionStats;
import io.sluice.events.data.SimulcastTargetStatus;
import io.sluice.events.data.StreamKeyEntry;

/**
 * The one place where event data records meet their JSON: snake_case field names, mapped field by field
 * (no reflection), optional fields left out when empty. Reading ignores fields it does not know.
 */
public final class EventDataJson {

    private EventDataJson() {
    }

    public static ObjectNode write(EventData data) {
        DataWriter json = switch (data) {
            case SessionStarted s -> SessionJson.write(s);
            case SessionEnded s -> SessionJson.write(s);
            case SessionStats s -> SessionJson.write(s);
            case StreamKeyEntry e -> StreamKeyJson.write(e);
            case RecordingStarted r -> RecordingJson.write(r);
            case RecordingReady r -> RecordingJson.write(r);
            case RecordingFailed r -> RecordingJson.write(r);
            case RecordingDeleted r -> RecordingJson.write(r);
            case SimulcastTargetStatus s -> SimulcastJson.write(s);
        };
        return json.node();
    }

    /** The data of a control event of {@code type}; {@link EventFormatException} if it does not fit. */
    public static EventData read(EventType type, JsonNode json) {
        DataReader data = DataReader.of(json, "data");
        try {
            return switch (type) {
                case SESSION_STARTED -> SessionJson.readStarted(data);
                case SESSION_ENDED -> SessionJson.readEnded(data);
                case SESSION_STATS -> SessionJson.readStats(data);
                case STREAM_KEY_UPDATED -> StreamKeyJson.read(data);
                case RECORDING_STARTED -> RecordingJson.readStarted(data);
                case RECORDING_READY -> RecordingJson.readReady(data);
                case RECORDING_FAILED -> RecordingJson.readFailed(data);
                case RECORDING_DELETED -> RecordingJson.readDeleted(data);
                case SIMULCAST_TARGET_STARTING -> SimulcastJson.read(SimulcastTargetStatus.Status.STARTING, data);
                case SIMULCAST_TARGET_BROADCASTING -> SimulcastJson.read(SimulcastTargetStatus.Status.BROADCASTING, data);
                case SIMULCAST_TARGET_ERRORED -> SimulcastJson.read(SimulcastTargetStatus.Status.ERRORED, data);
                case SIMULCAST_TARGET_IDLE -> SimulcastJson.read(SimulcastTargetStatus.Status.IDLE, data);
                case MEDIA_METADATA, MEDIA_VIDEO, MEDIA_AUDIO, MEDIA_DATA ->
                        throw new EventFormatException(type.typeName() + " travels in binary mode, not as JSON");
            };
        } catch (IllegalArgumentException e) {
            // A record's own rule (a negative size, an errored target without a reason).
            throw new EventFormatException(type.typeName() + ": " + e.getMessage(), e);
        }
    }
}
