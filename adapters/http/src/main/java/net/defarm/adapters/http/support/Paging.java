package net.defarm.adapters.http.support;

import io.helidon.common.uri.UriQueryWriteable;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;

/**
 * Every list endpoint is bounded: {@code limit} (default 50, at most 1000) and an opaque {@code cursor}. The next
 * cursor travels in headers ({@code Link: <...>; rel="next"} and {@code X-Next-Cursor}) so list bodies keep the
 * reference's shapes.
 */
public final class Paging {

    private Paging() {
    }

    public static PageRequest of(ServerRequest req) {
        int limit = Requests.intQuery(req, "limit").orElse(PageRequest.DEFAULT_LIMIT);
        return new PageRequest(limit, Requests.query(req, "cursor").orElse(null));
    }

    public static void headers(ServerRequest req, ServerResponse res, Page<?> page) {
        page.next().ifPresent(cursor -> {
            UriQueryWriteable query = UriQueryWriteable.create().from(req.query());
            query.set("cursor", cursor);
            res.header(HeaderNames.LINK, "<" + req.path().path() + "?" + query.value() + ">; rel=\"next\"");
            res.header("X-Next-Cursor", cursor);
        });
    }
}
