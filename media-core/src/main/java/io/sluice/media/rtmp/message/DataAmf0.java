package io.sluice.media.rtmp.message;

import io.sluice.media.amf.Amf0Value;
import java.util.List;

/** Data message encoded in AMF0 (type 18). */
public record DataAmf0(long timestamp, int streamId, List<Amf0Value> values) implements DataMessage, AggregateMember {

    public DataAmf0 {
        U32.check("timestamp", timestamp);
        values = List.copyOf(values);
    }

    @Override
    public MessageType type() {
        return MessageType.DATA_AMF0;
    }
}
