package net.defarm.adapters.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import net.defarm.application.identity.AuthenticationException;
import net.defarm.application.identity.TokenService;
import net.defarm.application.shared.Clock;
import org.junit.jupiter.api.Test;

class SecurityAdaptersTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = now::get;
    private final JwtTokenService tokens = new JwtTokenService(SECRET, Duration.ofHours(24), clock);

    @Test
    void tokensCarryTheReferenceClaimsAndVerify() {
        TokenService.IssuedToken issued = tokens.issue("user-1", "ws-1");
        assertEquals(Instant.parse("2026-01-02T00:00:00Z"), issued.expiresAt());
        String payload = new String(Base64.getUrlDecoder().decode(issued.token().split("\\.")[1]));
        assertTrue(payload.contains("\"user_id\":\"user-1\""), payload);
        assertTrue(payload.contains("\"workspace_id\":\"ws-1\""), payload);
        TokenService.TokenClaims claims = tokens.verify(issued.token());
        assertEquals("user-1", claims.userId());
        assertEquals("ws-1", claims.workspaceId());
    }

    @Test
    void expiredTamperedOrForeignTokensAreRejectedWithTheirReason() {
        String token = tokens.issue("user-1", "ws").token();
        now.set(now.get().plus(Duration.ofHours(25)));
        assertEquals("Invalid token: ExpiredSignature",
                assertThrows(AuthenticationException.class, () -> tokens.verify(token)).getMessage());
        now.set(Instant.parse("2026-01-01T00:00:00Z"));
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertEquals("Invalid token: InvalidSignature",
                assertThrows(AuthenticationException.class, () -> tokens.verify(tampered)).getMessage());
        String foreign = JWT.create().withClaim("user_id", "x").withExpiresAt(Instant.parse("2026-01-02T00:00:00Z"))
                .sign(Algorithm.HMAC256("another-secret-that-is-long-enough!!"));
        assertEquals("Invalid token: InvalidSignature",
                assertThrows(AuthenticationException.class, () -> tokens.verify(foreign)).getMessage());
        assertEquals("Invalid token: InvalidToken",
                assertThrows(AuthenticationException.class, () -> tokens.verify("garbage")).getMessage());
    }

    @Test
    void aTokenVerifiedBeforeStillExpiresOnTime() {
        String token = tokens.issue("user-1", "ws").token();
        assertEquals("user-1", tokens.verify(token).userId());
        // Within the verifier's leeway (60 s past exp) the token is still accepted, from memory as at first.
        now.set(Instant.parse("2026-01-02T00:00:59.999Z"));
        assertEquals("user-1", tokens.verify(token).userId());
        now.set(Instant.parse("2026-01-02T00:01:00Z"));
        assertEquals("Invalid token: ExpiredSignature",
                assertThrows(AuthenticationException.class, () -> tokens.verify(token)).getMessage());
        // A fresh verifier (no memory) draws the same line.
        JwtTokenService other = new JwtTokenService(SECRET, Duration.ofHours(24), clock);
        assertEquals("Invalid token: ExpiredSignature",
                assertThrows(AuthenticationException.class, () -> other.verify(token)).getMessage());
        now.set(Instant.parse("2026-01-02T00:00:59.999Z"));
        assertEquals("user-1", other.verify(token).userId());
    }

    @Test
    void shortSecretsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new JwtTokenService("short", Duration.ofHours(1), clock));
    }

    @Test
    void bcryptHashesInTheStandardFormatAndVerifies() {
        BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);
        String hash = hasher.hash("Str0ng!Pass");
        assertTrue(hash.startsWith("$2b$04$"), hash);
        assertTrue(hasher.matches("Str0ng!Pass", hash));
        assertFalse(hasher.matches("Wrong!Pass1", hash));
        assertFalse(hasher.matches("x".repeat(100), hash));
        assertFalse(hasher.matches("Str0ng!Pass", "not-a-hash"));
    }
}
