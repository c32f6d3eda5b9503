package io.sluice.media.rtmp.message;

/** A message that belongs to a message stream and has a timestamp: media, data, commands, aggregates. */
public sealed interface StreamMessage extends RtmpMessage
        permits AggregateMember, DataMessage, SharedObject, Command, Aggregate {

    /** Unsigned 32-bit milliseconds. */
    long timestamp();

    /** The message stream it belongs to; 0 is the connection itself. */
    int streamId();
}
