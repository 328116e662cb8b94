package net.defarm.adapters.postgres;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach PostgreSQL. Accepts a JDBC URL ({@code jdbc:postgresql://host:5432/db}) or the reference's
 * {@code DATABASE_URL} form ({@code postgres://user:pass@host:5432/db}); credentials in the URL fill in a missing
 * username and password.
 *
 * <p>{@code transactionPooling} says the URL goes through a pooler that hands out a server connection per transaction
 * (PgBouncer's {@code pool_mode = transaction}): the request pool then uses no server-side prepared statements and
 * sends no {@code options} startup parameter. What needs a session of its own (LISTEN, Flyway's lock) goes to
 * {@code directUrl}, which defaults to the URL itself.
 */
public record PostgresSettings(String jdbcUrl, String username, String password, int poolSize,
                               Duration connectTimeout, Duration statementTimeout, boolean transactionPooling,
                               String directUrl) {

    public PostgresSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (poolSize < 1) {
            throw new IllegalArgumentException("the pool size must be at least 1");
        }
    }

    /** A direct connection: no pooler in between. */
    public PostgresSettings(String jdbcUrl, String username, String password, int poolSize, Duration connectTimeout,
                            Duration statementTimeout) {
        this(jdbcUrl, username, password, poolSize, connectTimeout, statementTimeout, false, null);
    }

    public static PostgresSettings of(String url, String username, String password, int poolSize,
                                      Duration connectTimeout, Duration statementTimeout) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgresSettings(url, username, password, poolSize, connectTimeout, statementTimeout);
        }
        URI uri = uri(url);
        String user = username;
        String pass = password;
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = user != null ? user : parts[0];
            pass = pass != null ? pass : (parts.length > 1 ? parts[1] : null);
        }
        return new PostgresSettings(jdbc(uri), user, pass, poolSize, connectTimeout, statementTimeout);
    }

    /**
     * The same settings behind a pooler: {@code transactionPooling} as above, {@code directUrl} (either URL form;
     * its credentials, if any, are ignored: the same user connects both ways) or null for the URL itself.
     */
    public PostgresSettings behindPooler(boolean transactionPooling, String directUrl) {
        String direct = directUrl == null || directUrl.startsWith("jdbc:postgresql:") ? directUrl
                : jdbc(uri(directUrl));
        return new PostgresSettings(jdbcUrl, username, password, poolSize, connectTimeout, statementTimeout,
                transactionPooling, direct);
    }

    /** Where connections that keep session state go: LISTEN and migrations. */
    public String sessionUrl() {
        return directUrl != null ? directUrl : jdbcUrl;
    }

    private static URI uri(String url) {
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new IllegalArgumentException("the database URL must start with jdbc:postgresql:, postgres:// or "
                    + "postgresql://");
        }
        return URI.create(url);
    }

    private static String jdbc(URI uri) {
        return "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + jdbcUrl + ", user=" + username + ", pool=" + poolSize
                + (transactionPooling ? ", transaction pooling, direct " + sessionUrl() : "") + "]";
    }
}
