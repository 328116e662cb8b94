package net.defarm.bootstrap;

import io.helidon.webserver.WebServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Starts the web server and turns a failure to start into one exception with a clear message. Helidon 4.5.0 reports
 * a listener that cannot bind (a port in use, an address that is not local) only in its own log, as two SEVERE
 * records with a stack trace, and returns a server that is not running. While it starts, those records are held
 * back and the innermost cause becomes the exception's message, so the process ends with one line that says why.
 * The filter is the logger's for the length of one start: a process starts one server at a time.
 */
final class ServerStart {

    /** The Helidon logger that reports listener failures. */
    private static final String SERVER_LOGGER = "io.helidon.webserver.LoomServer";

    private ServerStart() {
    }

    /** The running server, or an {@link IllegalStateException} naming the address and the cause. */
    static WebServer start(WebServer server, String host, int port) {
        Logger logger = Logger.getLogger(SERVER_LOGGER);
        Filter previous = logger.getFilter();
        List<LogRecord> held = new CopyOnWriteArrayList<>();
        logger.setFilter(record -> {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                held.add(record);
                return false;
            }
            return previous == null || previous.isLoggable(record);
        });
        try {
            server.start();
        } finally {
            logger.setFilter(previous);
        }
        if (server.isRunning() && server.port() > 0) {
            // Started after all: what was held back is still worth reading.
            held.forEach(logger::log);
            return server;
        }
        if (server.isRunning()) {
            server.stop();
        }
        throw new IllegalStateException("the web server could not listen on " + host + ":" + port + " ("
                + cause(held) + ")");
    }

    /** The innermost exception's message ("Address already in use"), else the first record's message. */
    static String cause(List<LogRecord> held) {
        for (LogRecord record : held) {
            Throwable t = record.getThrown();
            if (t != null) {
                while (t.getCause() != null) {
                    t = t.getCause();
                }
                return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
            }
        }
        return held.isEmpty() ? "no reason reported" : held.getFirst().getMessage();
    }
}
