package io.sluice.media.rtmp.message;

/** Acknowledgement (type 3, section 5.4.3): the bytes received so far, modulo 2^32. */
public record Acknowledgement(long sequenceNumber) implements RtmpMessage {

    public Acknowledgement {
        U32.check("sequence number", sequenceNumber);
    }

    @Override
    public MessageType type() {
        return MessageType.ACKNOWLEDGEMENT;
    }
}
