package io.sluice.console.client;

/** A service did not answer: refused, timed out or sent something that is not its API's JSON. */
public final class ServiceUnreachableException extends RuntimeException {

    private final String service;

    public ServiceUnreachableException(String service, String reason, Throwable cause) {
        super(service + " cannot be reached: " + reason, cause);
        this.service = service;
    }

    public String service() {
        return service;
    }

    public String sentence() {
        return service + " cannot be reached right now; the page shows what it can and tries again.";
    }
}
