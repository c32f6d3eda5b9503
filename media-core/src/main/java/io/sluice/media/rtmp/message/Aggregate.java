package io.sluice.media.rtmp.message;

import java.util.List;

/**
 * Aggregate message (type 22, section 7.1.6), already split into its sub-messages. Each sub-message has
 * the aggregate's stream id (which overrides its own) and a timestamp rebased by the aggregate's offset:
 * the aggregate timestamp minus the first sub-message's timestamp, added to every sub-message. Only audio,
 * video and data sub-messages are accepted; that is what FMS-style servers and recorders put there.
 */
public record Aggregate(long timestamp, int streamId, List<AggregateMember> messages) implements StreamMessage {

    public Aggregate {
        U32.check("timestamp", timestamp);
        messages = List.copyOf(messages);
    }

    @Override
    public MessageType type() {
        return MessageType.AGGREGATE;
    }
}
