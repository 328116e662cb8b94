package net.defarm.adapters.postgres;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach PostgreSQL. Accepts a JDBC URL ({@code jdbc:postgresql://host:5432/db}) or the reference's
 * {@code DATABASE_URL} form ({@code postgres://user:pass@host:5432/db}); credentials in the URL fill in a missing
 * username and password.
 */
public record PostgresSettings(String jdbcUrl, String username, String password, int poolSize,
                               Duration connectTimeout, Duration statementTimeout) {

    public PostgresSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (poolSize < 1) {
            throw new IllegalArgumentException("the pool size must be at least 1");
        }
    }

    public static PostgresSettings of(String url, String username, String password, int poolSize,
                                      Duration connectTimeout, Duration statementTimeout) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgresSettings(url, username, password, poolSize, connectTimeout, statementTimeout);
        }
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new IllegalArgumentException("the database URL must start with jdbc:postgresql:, postgres:// or "
                    + "postgresql://");
        }
        URI uri = URI.create(url);
        String user = username;
        String pass = password;
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = user != null ? user : parts[0];
            pass = pass != null ? pass : (parts.length > 1 ? parts[1] : null);
        }
        String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new PostgresSettings(jdbc, user, pass, poolSize, connectTimeout, statementTimeout);
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + jdbcUrl + ", user=" + username + ", pool=" + poolSize + "]";
    }
}
