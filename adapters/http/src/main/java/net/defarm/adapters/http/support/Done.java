package net.defarm.adapters.http.support;

/** The reference's {@code {"success": true, "message": ...}} acknowledgement. */
public record Done(boolean success, String message) {

    public static Done of(String message) {
        return new Done(true, message);
    }
}
