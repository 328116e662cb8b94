package net.defarm.adapters.http.support;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import net.defarm.application.identity.RateLimitExceededException;
import net.defarm.application.identity.AuthenticationException;
import net.defarm.application.evidence.ContentIntegrityException;
import net.defarm.application.shared.StoreUnavailableException;
import net.defarm.domain.credits.InsufficientCreditsException;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.DomainException;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * The one error shape of the API, {@code {"error": "...", "code": "..."}} (plus machine-readable details where a
 * refusal has them), with the status that says what went wrong. Nothing reaches a client as a stack trace.
 */
public final class ErrorBodies {

    private static final System.Logger LOG = System.getLogger(ErrorBodies.class.getName());
    /** Seconds a client should wait before retrying when the store is unavailable. */
    static final String RETRY_AFTER_SECONDS = "2";

    private ErrorBodies() {
    }

    /** Registers the error handlers on the routing. */
    public static void register(HttpRouting.Builder routing, HttpJson json) {
        routing.error(DomainException.class, (req, res, e) -> {
                    if (e instanceof InsufficientCreditsException credits) {
                        // The figures a client needs to decide (top up, or do less) are numbers, not text.
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("error", e.getMessage());
                        body.put("code", e.code());
                        body.put("required", credits.required());
                        body.put("balance", credits.balance());
                        json.send(res, Status.PAYMENT_REQUIRED_402, body);
                        return;
                    }
                    if (e instanceof RateLimitExceededException limited) {
                        res.header(HeaderNames.RETRY_AFTER, String.valueOf(limited.retryAfterSeconds()));
                    }
                    send(json, res, statusOf(e), e.getMessage(), e.code(), e.details());
                })
                .error(HttpJson.UnsupportedMediaTypeException.class, (req, res, e) ->
                        send(json, res, Status.UNSUPPORTED_MEDIA_TYPE_415, e.getMessage(), "UNSUPPORTED_MEDIA_TYPE"))
                .error(HttpJson.PayloadTooLargeException.class, (req, res, e) ->
                        send(json, res, Status.REQUEST_ENTITY_TOO_LARGE_413, e.getMessage(), "PAYLOAD_TOO_LARGE"))
                .error(StoreUnavailableException.class, (req, res, e) -> {
                    LOG.log(Level.WARNING, "store unavailable for " + req.prologue().method().text() + " "
                            + req.path().absolute().rawPath() + ": " + rootMessage(e));
                    res.header(HeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
                    send(json, res, Status.SERVICE_UNAVAILABLE_503,
                            "The data store is unavailable right now; nothing was changed. Retry shortly.",
                            "STORE_UNAVAILABLE");
                })
                .error(ContentIntegrityException.class, (req, res, e) -> {
                    LOG.log(Level.ERROR, "content integrity failure in " + req.prologue().method().text() + " "
                            + req.path().absolute().rawPath() + ": " + e.getMessage());
                    send(json, res, Status.BAD_GATEWAY_502, "The stored content " + e.expected().value()
                            + " no longer matches its identifier; it is withheld", "CONTENT_INTEGRITY_FAILED");
                })
                .error(io.helidon.http.NotFoundException.class, (req, res, e) -> send(json, res, Status.NOT_FOUND_404,
                        "No route for " + req.prologue().method().text() + " " + req.path().absolute().rawPath(), "ROUTE_NOT_FOUND"))
                .error(RequestException.class, (req, res, e) -> send(json, res, e.status(), e.getMessage(),
                        "BAD_REQUEST"))
                .error(RuntimeException.class, (req, res, e) -> {
                    LOG.log(Level.ERROR, "unexpected failure in " + req.prologue().method().text() + " "
                            + req.path().absolute().rawPath(), e);
                    send(json, res, Status.INTERNAL_SERVER_ERROR_500,
                            "Internal error; it has been logged", "INTERNAL_ERROR");
                });
    }

    /**
     * JSON bodies for refusals the server makes before routing (malformed request line, URI or headers too long):
     * the same shape as every other error, without echoing the offending input.
     */
    public static DirectHandlers transportErrors() {
        DirectHandler json = (request, event, status, headers, message) -> {
            String code = switch (status.code()) {
                case 413 -> "PAYLOAD_TOO_LARGE";
                case 414 -> "URI_TOO_LONG";
                case 431 -> "HEADERS_TOO_LARGE";
                case 403 -> "FORBIDDEN";
                case 500 -> "INTERNAL_ERROR";
                default -> "BAD_REQUEST";
            };
            String body = "{\"error\":\"The request was refused before routing: " + status.reasonPhrase()
                    + "\",\"code\":\"" + code + "\"}";
            return DirectHandler.TransportResponse.builder()
                    .status(status)
                    .headers(headers)
                    .header(HeaderNames.CONTENT_TYPE, "application/json")
                    .entity(body)
                    .keepAlive(event.keepAlive())
                    .build();
        };
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (DirectHandler.EventType event : DirectHandler.EventType.values()) {
            builder.addHandler(event, json);
        }
        return builder.build();
    }

    static Status statusOf(DomainException e) {
        return switch (e) {
            case AuthenticationException a -> Status.UNAUTHORIZED_401;
            case PermissionDeniedException p -> Status.FORBIDDEN_403;
            case NotFoundException n -> Status.NOT_FOUND_404;
            case ConflictException c -> Status.CONFLICT_409;
            case InvalidInputException i -> Status.BAD_REQUEST_400;
            case RateLimitExceededException r -> Status.TOO_MANY_REQUESTS_429;
            case InsufficientCreditsException c -> Status.PAYMENT_REQUIRED_402;
            default -> Status.BAD_REQUEST_400;
        };
    }

    public static void send(HttpJson json, ServerResponse res, Status status, String message, String code) {
        send(json, res, status, message, code, Map.of());
    }

    static void send(HttpJson json, ServerResponse res, Status status, String message, String code,
                     Map<String, String> details) {
        if (res.isSent()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("code", code);
        // Details often come from an unordered Map.of: sorted, the body reads the same on every run.
        new TreeMap<>(details).forEach(body::putIfAbsent);
        json.send(res, status, body);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
