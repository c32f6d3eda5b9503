package io.sluice.media.rtmp.message;

import io.sluice.media.amf.Amf0Value;
import java.util.List;

/**
 * Command messages (types 20 and 17, section 7.1.1): a command name, a transaction id, a command object
 * (often null) and further arguments. Replies are {@code _result}, {@code _error} or {@code onStatus}.
 */
public sealed interface Command extends StreamMessage permits CommandAmf0, CommandAmf3 {

    /** The command or reply name: connect, publish, _result, onStatus, ... */
    String name();

    /** The id a reply repeats; 0 when no reply is expected. */
    double transactionId();

    /** The command object: connect's properties, a reply's properties, usually null otherwise. */
    Amf0Value commandObject();

    /** The values after the command object: publish's name and type, a reply's info object, ... */
    List<Amf0Value> arguments();

    /** The argument at {@code index}, or {@code null} if there are fewer. */
    default Amf0Value argument(int index) {
        return index < arguments().size() ? arguments().get(index) : null;
    }
}
