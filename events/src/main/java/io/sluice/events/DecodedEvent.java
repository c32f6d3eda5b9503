package io.sluice.events;

/** What a consumer finds in a record of the contract's topics. */
public sealed interface DecodedEvent {

    /** A control event (JSON). */
    record Structured(StructuredEvent event) implements DecodedEvent {
    }

    /** A media event (binary mode). */
    record Media(MediaEvent event) implements DecodedEvent {
    }

    /** A deleted stream on the compacted registry. */
    record Tombstone(String streamId) implements DecodedEvent {
    }

    /**
     * A well-formed CloudEvent of a type this version does not know: newer producers may add types, so a
     * consumer skips it rather than failing.
     */
    record Unknown(String streamId, String typeName) implements DecodedEvent {
    }
}
