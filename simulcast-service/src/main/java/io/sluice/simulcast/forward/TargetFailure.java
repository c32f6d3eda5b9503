package io.sluice.simulcast.forward;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * A target attempt failed; the message is the sentence users read as the target's {@code last_error}. It names the
 * host and what went wrong, never the key.
 */
final class TargetFailure extends Exception {

    TargetFailure(String message) {
        super(message, null, false, false);
    }

    /** The sentence for an I/O failure talking to {@code address}. */
    static TargetFailure of(Throwable e, String address) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new TargetFailure(switch (e) {
            case UnknownHostException u -> "DNS failure: the host of " + address + " cannot be resolved";
            case ConnectException c -> "connection refused by " + address;
            case NoRouteToHostException n -> "no route to " + address;
            case SocketTimeoutException t -> "no answer from " + address + " in time";
            case SSLException s -> "TLS failure with " + address + ": " + detail;
            case EOFException eof -> "the target " + address + " closed the connection";
            default -> "connection to " + address + " failed: " + detail;
        });
    }
}
