package io.sluice.media.rtmp.message;

import io.sluice.media.amf.Amf0Value;
import java.util.List;

/**
 * Data message of type 15. On the wire a format selector byte (0, the only one defined) precedes AMF0
 * values that may switch to AMF3 with the avmplus marker (E-RTMP v2, "Enabling AMF3 in RTMP").
 */
public record DataAmf3(long timestamp, int streamId, List<Amf0Value> values) implements DataMessage, AggregateMember {

    public DataAmf3 {
        U32.check("timestamp", timestamp);
        values = List.copyOf(values);
    }

    @Override
    public MessageType type() {
        return MessageType.DATA_AMF3;
    }
}
