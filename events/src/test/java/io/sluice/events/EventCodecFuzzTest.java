package io.sluice.events;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/** Whatever a topic holds, decoding yields an event or an {@link EventFormatException}, nothing else. */
class EventCodecFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void decodeNeverFailsUntyped(FuzzedDataProvider input) {
        List<EventHeader> headers = new ArrayList<>();
        int count = input.consumeInt(0, 12);
        for (int i = 0; i < count; i++) {
            headers.add(EventHeader.of(input.pickValue(HEADER_NAMES), input.consumeString(40)));
        }
        byte[] value = input.consumeBoolean() ? null : input.consumeRemainingAsBytes();
        try {
            EventCodec.decode(new EventRecord("ls_1", value, headers));
        } catch (EventFormatException expected) {
            // A malformed record is refused with a typed error; that is the contract.
        }
    }

    private static final String[] HEADER_NAMES = {"content-type", "ce_specversion", "ce_id", "ce_source", "ce_type",
            "ce_subject", "ce_time", "ce_sessionid", "ce_sequence", "ce_rtmptimestamp"};
}
