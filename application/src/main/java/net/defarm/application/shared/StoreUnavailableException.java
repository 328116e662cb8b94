package net.defarm.application.shared;

/**
 * The system of record cannot be reached right now. Nothing was acknowledged; the client should retry later
 * (the HTTP adapter answers 503 with Retry-After).
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
