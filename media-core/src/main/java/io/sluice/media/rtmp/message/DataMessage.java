package io.sluice.media.rtmp.message;

import io.sluice.media.amf.Amf0Value;
import java.util.List;

/**
 * Data messages (types 18 and 15, section 7.1.2): AMF values whose first is, by convention, the handler
 * name, such as {@code @setDataFrame}, {@code onMetaData}, {@code onCuePoint} or {@code onTextData}.
 */
public sealed interface DataMessage extends StreamMessage permits DataAmf0, DataAmf3 {

    /** All values of the message, the handler name first. */
    List<Amf0Value> values();

    /** The first value's text when it is a string, else {@code null}. */
    default String handlerName() {
        return values().isEmpty() ? null : values().getFirst().asText();
    }
}
