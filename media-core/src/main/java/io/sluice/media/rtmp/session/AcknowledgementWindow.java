package io.sluice.media.rtmp.session;

/**
 * Counts received bytes and says when an Acknowledgement is due: section 5.4.4 asks the receiver to
 * acknowledge after each window of bytes the peer announced with Window Acknowledgement Size. Every byte
 * from the peer counts, the handshake included, as nginx-rtmp and MediaMTX count them. The sessions ask
 * once per read, so a read that brings several windows gets one Acknowledgement of everything received
 * (nginx-rtmp does the same); the next window counts from there.
 */
final class AcknowledgementWindow {

    private long received;
    private long acknowledged;
    private long window;

    void received(int bytes) {
        received += bytes;
    }

    void windowSize(long size) {
        window = size;
    }

    /** Whether a window's worth arrived since the last acknowledgement; if so it counts as sent. */
    boolean acknowledgementDue() {
        if (window > 0 && received - acknowledged >= window) {
            acknowledged = received;
            return true;
        }
        return false;
    }

    /** The sequence number to acknowledge: bytes received so far, modulo 2^32 (section 5.4.3). */
    long sequenceNumber() {
        return received & 0xFFFF_FFFFL;
    }

    long received() {
        return received;
    }
}
