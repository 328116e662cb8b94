package net.defarm.bootstrap.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import net.defarm.bootstrap.http.contract.ResponseContract;

/**
 * A small JSON client over {@link HttpClient} for end-to-end tests against a running service. Every response is
 * checked against the OpenAPI contract ({@link ResponseContract}): a route, status or body the contract does not
 * describe fails the test that received it. Only a test about what lies outside the API (an unknown route, a routing
 * of its own) uses {@link #outsideTheContract()}.
 */
public final class ApiClient {

    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String text(String field) {
            return body.path(field).asText();
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final boolean checked;

    public ApiClient(int port) {
        this("http://localhost:" + port, true);
    }

    private ApiClient(String base, boolean checked) {
        this.base = base;
        this.checked = checked;
    }

    /** The same client without the contract check, for requests the contract rightly does not describe. */
    public ApiClient outsideTheContract() {
        return new ApiClient(base, false);
    }

    public Response get(String path, String token) {
        return send(builder(path, token).GET());
    }

    /** A non-JSON body as text (the Prometheus metrics). */
    public String text(String path) {
        try {
            return http.send(builder(path, null).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response delete(String path, String token) {
        return send(builder(path, token).DELETE());
    }

    public Response post(String path, String token, String json) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response patch(String path, String token, String json) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String token, String json) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response raw(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder b = builder(path, token);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A signed-in user. */
    public record User(String token, String id) {
    }

    /** Registers and signs in a user; returns the token. */
    public String signUp(String username) {
        return signUpUser(username).token();
    }

    /** Registers a user with a unique name built from {@code prefix}; returns its token and id. */
    public User newUser(String prefix) {
        return signUpUser(prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8));
    }

    public User signUpUser(String username) {
        Response r = post("/api/auth/register", null, "{\"username\":\"" + username + "\",\"email\":\"" + username
                + "@example.com\",\"password\":\"Str0ng!Pass\"}");
        if (r.status() != 200) {
            throw new IllegalStateException("sign-up failed: " + r.status() + " " + r.body());
        }
        return new User(r.text("token"), r.text("user_id"));
    }

    private void check(HttpRequest request, HttpResponse<String> r) {
        String path = request.uri().getRawPath();
        if (checked && ResponseContract.describes(path)) {
            ResponseContract.SERVED.violation(request.method(), path, r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(null), r.body()).ifPresent(problem -> {
                        throw new AssertionError("response outside the OpenAPI contract: " + problem);
                    });
        }
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> r = http.send(sent, HttpResponse.BodyHandlers.ofString());
            check(sent, r);
            JsonNode body = r.body().isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(r.body());
            return new Response(r.statusCode(), body, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
