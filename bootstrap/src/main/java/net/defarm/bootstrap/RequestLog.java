package net.defarm.bootstrap;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.lang.System.Logger.Level;

/** One log line per request (method, path, status, duration), when enabled; never headers or bodies. */
final class RequestLog implements Filter {

    private static final System.Logger LOG = System.getLogger("net.defarm.requests");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            // The path as received (still percent-encoded): a decoded %0D%0A would forge a log line.
            LOG.log(Level.INFO, req.prologue().method().text() + " " + req.path().absolute().rawPath() + " "
                    + res.status().code() + " " + (System.nanoTime() - start) / 1_000 + "us");
        }
    }
}
