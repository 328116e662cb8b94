package net.defarm.adapters.http.support;

/** The reference's {@code {"success": true, "data": ...}} wrapper. */
public record Envelope<T>(boolean success, T data) {

    public static <T> Envelope<T> of(T data) {
        return new Envelope<>(true, data);
    }
}
