package net.defarm.domain.audit;

/**
 * Where a request came from, as the HTTP door saw it: the client address (after trusted proxies), its user agent and
 * the request id. Any part may be null (a command run by the operator has none of them).
 */
public record AuditOrigin(String clientAddress, String userAgent, String requestId) {

    public static final AuditOrigin NONE = new AuditOrigin(null, null, null);

    public AuditOrigin {
        userAgent = userAgent == null || userAgent.length() <= 512 ? userAgent : userAgent.substring(0, 512);
    }
}
