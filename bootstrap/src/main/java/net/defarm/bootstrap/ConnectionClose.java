package net.defarm.bootstrap;

import io.helidon.http.HeaderNames;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Closes the connection once a request that carried {@code Connection: close} has been answered. Helidon 4.5.0
 * answers it with {@code Connection: close} but leaves the socket open until the idle-connection reaper runs
 * (helidon-io/helidon#12324, fixed upstream in a later release), so a client that reads to the end of the stream
 * would wait minutes. {@link CloseConnectionException} after the response is sent makes Helidon close the socket;
 * {@code ConnectionCloseTest} shows the behaviour, so this filter can go once the web server does it itself.
 */
final class ConnectionClose implements Filter {

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        chain.proceed();
        if (res.isSent() && asksToClose(req.headers())) {
            throw new CloseConnectionException("the client asked to close the connection");
        }
    }

    /** {@code Connection} is a comma-separated list of case-insensitive tokens (RFC 9110, section 7.6.1). */
    static boolean asksToClose(ServerRequestHeaders headers) {
        if (!headers.contains(HeaderNames.CONNECTION)) {
            return false;
        }
        return headers.get(HeaderNames.CONNECTION).allValues(true).stream()
                .anyMatch(token -> token.strip().equalsIgnoreCase("close"));
    }
}
