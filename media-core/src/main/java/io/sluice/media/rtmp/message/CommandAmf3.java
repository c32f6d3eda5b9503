package io.sluice.media.rtmp.message;

import io.sluice.media.amf.Amf0Value;
import java.util.List;
import java.util.Objects;

/**
 * Command message of type 17: a format selector byte (0) and then the AMF0 layout of {@link CommandAmf0},
 * where any value may switch to AMF3 (E-RTMP v2, "Enabling AMF3 in RTMP").
 */
public record CommandAmf3(long timestamp, int streamId, String name, double transactionId, Amf0Value commandObject,
        List<Amf0Value> arguments) implements Command {

    public CommandAmf3 {
        U32.check("timestamp", timestamp);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(commandObject, "commandObject");
        arguments = List.copyOf(arguments);
    }

    @Override
    public MessageType type() {
        return MessageType.COMMAND_AMF3;
    }
}
