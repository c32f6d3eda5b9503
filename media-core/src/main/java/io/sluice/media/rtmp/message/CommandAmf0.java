package io.sluice.media.rtmp.message;

import io.sluice.media.amf.Amf0Null;
import io.sluice.media.amf.Amf0Value;
import java.util.List;
import java.util.Objects;

/** Command message encoded in AMF0 (type 20). */
public record CommandAmf0(long timestamp, int streamId, String name, double transactionId, Amf0Value commandObject,
        List<Amf0Value> arguments) implements Command {

    public CommandAmf0 {
        U32.check("timestamp", timestamp);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(commandObject, "commandObject");
        arguments = List.copyOf(arguments);
    }

    /** A command at time 0 with a null command object, the shape of nearly every command and reply. */
    public static CommandAmf0 of(int streamId, String name, double transactionId, Amf0Value... arguments) {
        return new CommandAmf0(0, streamId, name, transactionId, Amf0Null.INSTANCE, List.of(arguments));
    }

    @Override
    public MessageType type() {
        return MessageType.COMMAND_AMF0;
    }
}
