package net.defarm.application.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP forwarder a test can cut and restore, standing between the service and PostgreSQL or Redis to
 * simulate outages without touching the real server. Stopped, it refuses connections; cut, it also drops the open
 * ones; frozen, it keeps every connection open but forwards nothing (a server that stops answering).
 */
public final class TcpProxy implements AutoCloseable {

    private final int port;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private volatile boolean frozen;

    private TcpProxy(int port, int targetPort) {
        this.port = port;
        this.targetPort = targetPort;
    }

    /** A proxy on a free port towards {@code targetPort}, not yet listening. */
    public static TcpProxy to(int targetPort) {
        try (ServerSocket probe = new ServerSocket(0)) {
            return new TcpProxy(probe.getLocalPort(), targetPort);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Starts (or restarts) listening: the target is reachable again. */
    public TcpProxy start() {
        frozen = false;
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            server = s;
            Thread.ofVirtual().start(() -> accept(s));
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("proxy cannot listen on " + port, e);
        }
    }

    /** Stops listening and drops every open connection: the target looks down. */
    public void cut() {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    /** Keeps connections (and accepts new ones) but forwards no byte until {@link #thaw()}. */
    public void freeze() {
        frozen = true;
    }

    public void thaw() {
        frozen = false;
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket upstream = new Socket("127.0.0.1", targetPort);
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                while (frozen && !from.isClosed()) {
                    Thread.sleep(5);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
    }
}
