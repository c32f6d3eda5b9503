package io.sluice.events.json;

import io.sluice.events.data.SimulcastTargetStatus;

/** The data of the simulcast target events; the status is the event's type, not a field. */
final class SimulcastJson {

    private SimulcastJson() {
    }

    static DataWriter write(SimulcastTargetStatus s) {
        return new DataWriter()
                .string("stream_id", s.streamId())
                .string("tenant", s.tenant())
                .string("target_id", s.targetId())
                .optional("passthrough", s.passthrough())
                .string("host", s.host())
                .time("at", s.at())
                .optional("reason", s.reason());
    }

    static SimulcastTargetStatus read(SimulcastTargetStatus.Status status, DataReader data) {
        return new SimulcastTargetStatus(data.string("stream_id"), data.string("tenant"), data.string("target_id"), status,
                data.optionalString("passthrough"), data.string("host"), data.instant("at"), data.optionalString("reason"));
    }
}
