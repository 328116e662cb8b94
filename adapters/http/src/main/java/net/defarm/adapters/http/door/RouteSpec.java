package net.defarm.adapters.http.door;

/**
 * One registered route as the routing holds it: the method and the full path template (for example
 * {@code GET /api/items/{dfid}}), and whether it is served without credentials.
 */
public record RouteSpec(String method, String template, boolean isPublic) {

    @Override
    public String toString() {
        return method + " " + template + (isPublic ? " (public)" : "");
    }
}
