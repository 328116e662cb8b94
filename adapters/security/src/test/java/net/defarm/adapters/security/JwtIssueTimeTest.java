package net.defarm.adapters.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tokens carry their issue time to the microsecond, so a reset can end a session opened in the same second. */
class JwtIssueTimeTest {

    private static final String SECRET = "a-secret-that-is-at-least-32-bytes-long!";

    @Test
    void theIssueTimeRoundTripsToTheMicrosecond() {
        Instant at = Instant.parse("2026-01-01T10:00:00.123456Z");
        JwtTokenService tokens = new JwtTokenService(SECRET, Duration.ofHours(1), () -> at);
        String token = tokens.issue("user-1", "ws").token();
        assertEquals(at, tokens.verify(token).issuedAt());
        assertEquals(at.getEpochSecond(), JWT.decode(token).getIssuedAtAsInstant().getEpochSecond(),
                "iat stays in whole seconds for the reference");
    }

    @Test
    void aTokenWithoutTheMicrosecondClaimFallsBackToIatRoundedDown() {
        Instant at = Instant.parse("2026-01-01T10:00:00.900Z");
        String legacy = JWT.create().withClaim("user_id", "user-1").withClaim("workspace_id", "ws")
                .withIssuedAt(at).withExpiresAt(at.plusSeconds(3600))
                .sign(Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8)));
        JwtTokenService tokens = new JwtTokenService(SECRET, Duration.ofHours(1), () -> at);
        assertEquals(Instant.parse("2026-01-01T10:00:00Z"), tokens.verify(legacy).issuedAt());
    }
}
