package net.defarm.adapters.security;

import com.auth0.jwt.JWT;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import net.defarm.application.identity.AuthenticationException;
import net.defarm.application.identity.TokenService;
import net.defarm.application.shared.Clock;

/**
 * HS256 bearer tokens with the reference's claims ({@code user_id}, {@code workspace_id}, {@code exp}), so tokens
 * minted by either service verify in the other during a rolling migration when they share the secret. The issue
 * time is also carried to the microsecond ({@code iat_us}, the precision of the clock and the stores): {@code iat}
 * has whole seconds, too coarse to tell a session opened just before a password reset from one opened just after.
 */
public final class JwtTokenService implements TokenService {

    /** The secret must be at least this long: shorter HMAC keys are guessable. */
    public static final int MIN_SECRET_BYTES = 32;
    private static final long LEEWAY_SECONDS = 60;
    static final String ISSUED_AT_MICROS = "iat_us";

    private final Algorithm algorithm;
    private final Duration lifetime;
    private final Clock clock;
    /** Built once (it is immutable and thread-safe); it reads the time from our Clock port on each verification. */
    private final JWTVerifier verifier;
    /**
     * Tokens whose signature and claims were verified, with what they carry. Verification is a pure function of the
     * token and the secret, so a token seen again needs only its expiry checked: parsing and the HMAC were a tenth of
     * an authenticated read's CPU. Bounded in size and age; a refused token is never kept.
     */
    private final Cache<String, TokenClaims> verified = Caffeine.newBuilder().maximumSize(VERIFIED_TOKENS)
            .expireAfterWrite(Duration.ofMinutes(10)).build();
    private static final int VERIFIED_TOKENS = 10_000;

    public JwtTokenService(String secret, Duration lifetime, Clock clock) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the JWT secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.algorithm = Algorithm.HMAC256(secret.getBytes(StandardCharsets.UTF_8));
        this.lifetime = lifetime;
        this.clock = clock;
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                .acceptLeeway(LEEWAY_SECONDS)
                .withClaimPresence("user_id")
                .withClaimPresence("exp"))
                .build(new PortClock(clock));
    }

    /** Our Clock port seen as a java.time clock, so expiry follows the same time as everything else. */
    private static final class PortClock extends java.time.Clock {
        private final Clock clock;
        private final ZoneId zone;

        PortClock(Clock clock) {
            this(clock, ZoneOffset.UTC);
        }

        private PortClock(Clock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return clock.now();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public java.time.Clock withZone(ZoneId other) {
            return new PortClock(clock, other);
        }
    }

    @Override
    public IssuedToken issue(String userId, String workspaceId) {
        Instant now = clock.now();
        Instant expires = now.plus(lifetime);
        String token = JWT.create()
                .withClaim("user_id", userId)
                .withClaim("workspace_id", workspaceId)
                .withIssuedAt(now)
                .withClaim(ISSUED_AT_MICROS, ChronoUnit.MICROS.between(Instant.EPOCH, now))
                .withExpiresAt(expires)
                .sign(algorithm);
        return new IssuedToken(token, Instant.ofEpochSecond(expires.getEpochSecond()));
    }

    @Override
    public TokenClaims verify(String token) {
        TokenClaims known = verified.getIfPresent(token);
        if (known != null) {
            // The verifier's own rule: valid while now (whole seconds) minus the leeway is before exp.
            Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS);
            if (!now.minusSeconds(LEEWAY_SECONDS).isBefore(known.expiresAt())) {
                verified.invalidate(token);
                throw new AuthenticationException("TOKEN_EXPIRED", "Invalid token: ExpiredSignature");
            }
            return known;
        }
        TokenClaims claims = verifyFully(token);
        verified.put(token, claims);
        return claims;
    }

    private TokenClaims verifyFully(String token) {
        try {
            DecodedJWT jwt = verifier.verify(token);
            String userId = jwt.getClaim("user_id").asString();
            if (userId == null || userId.isBlank()) {
                throw new AuthenticationException("INVALID_TOKEN", "Invalid token: MissingRequiredClaim(\"user_id\")");
            }
            return new TokenClaims(userId, jwt.getClaim("workspace_id").asString(), jwt.getExpiresAtAsInstant(),
                    issuedAt(jwt));
        } catch (TokenExpiredException e) {
            throw new AuthenticationException("TOKEN_EXPIRED", "Invalid token: ExpiredSignature");
        } catch (SignatureVerificationException e) {
            throw new AuthenticationException("INVALID_TOKEN", "Invalid token: InvalidSignature");
        } catch (AlgorithmMismatchException e) {
            throw new AuthenticationException("INVALID_TOKEN", "Invalid token: InvalidAlgorithm");
        } catch (MissingClaimException e) {
            throw new AuthenticationException("INVALID_TOKEN", "Invalid token: MissingRequiredClaim(\""
                    + e.getClaimName() + "\")");
        } catch (JWTVerificationException e) {
            throw new AuthenticationException("INVALID_TOKEN", "Invalid token: InvalidToken");
        }
    }

    /** The microsecond claim, else {@code iat} (whole seconds, rounded down: never later than the real time). */
    private static Instant issuedAt(DecodedJWT jwt) {
        Long micros = jwt.getClaim(ISSUED_AT_MICROS).asLong();
        return micros != null ? Instant.EPOCH.plus(micros, ChronoUnit.MICROS) : jwt.getIssuedAtAsInstant();
    }
}
