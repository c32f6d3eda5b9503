package io.sluice.ingest.proxy;

/** The bytes a connection started with are no valid PROXY protocol header. */
public final class ProxyHeaderException extends RuntimeException {

    public ProxyHeaderException(String message) {
        super(message);
    }
}
