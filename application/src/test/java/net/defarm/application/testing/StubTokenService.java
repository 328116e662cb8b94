package net.defarm.application.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.defarm.application.identity.AuthenticationException;
import net.defarm.application.identity.TokenService;
import net.defarm.application.shared.Clock;

/** A test double: the token is the user id, workspace and issue time (epoch microseconds), readable by the test. */
public final class StubTokenService implements TokenService {

    private final Clock clock;

    public StubTokenService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public IssuedToken issue(String userId, String workspaceId) {
        return new IssuedToken("token|" + userId + "|" + workspaceId + "|" + ChronoUnit.MICROS.between(Instant.EPOCH, clock.now()),
                clock.now().plus(Duration.ofHours(24)));
    }

    @Override
    public TokenClaims verify(String token) {
        String[] parts = token.split("\\|", -1);
        if (parts.length != 4 || !parts[0].equals("token") || !parts[3].matches("[0-9]{1,19}")) {
            throw new AuthenticationException("INVALID_TOKEN", "Invalid token");
        }
        return new TokenClaims(parts[1], parts[2], clock.now().plus(Duration.ofHours(1)),
                Instant.EPOCH.plus(Long.parseLong(parts[3]), ChronoUnit.MICROS));
    }
}
