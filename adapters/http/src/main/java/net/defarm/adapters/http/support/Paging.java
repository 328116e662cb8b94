package net.defarm.adapters.http.support;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
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
            res.header(HeaderNames.LINK, "<" + nextLink(req, cursor) + ">; rel=\"next\"");
            res.header("X-Next-Cursor", encode(cursor));
        });
    }

    /**
     * The request's own URI with the next cursor: the absolute path as received (still percent-encoded, so a
     * decoded CR or LF can never reach a header, and with the prefix the service was registered under), and every
     * query value encoded again.
     */
    static String nextLink(ServerRequest req, String cursor) {
        StringJoiner query = new StringJoiner("&");
        for (String name : req.query().names()) {
            if (!name.equals("cursor")) {
                for (String value : req.query().all(name)) {
                    query.add(encode(name) + "=" + encode(value));
                }
            }
        }
        query.add("cursor=" + encode(cursor));
        return req.path().absolute().rawPath() + "?" + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
