package net.defarm.application.identity;

import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;

/** The identity context's inbound ports, as the HTTP adapter receives them. */
public record IdentityUseCases(RegisterUser registerUser, LogIn logIn, Authenticate authenticate,
                               AccountSession session) {

    public static IdentityUseCases create(UserAccountRepository users, PasswordHasher hasher, TokenService tokens,
                                          UnitOfWork uow, Clock clock) {
        return create(users, hasher, tokens, uow, clock, null);
    }

    /** With {@code keyPorts}, API keys authenticate too. */
    public static IdentityUseCases create(UserAccountRepository users, PasswordHasher hasher, TokenService tokens,
                                          UnitOfWork uow, Clock clock, Authenticate.KeyPorts keyPorts) {
        return new IdentityUseCases(new RegisterUser(users, hasher, tokens, uow, clock),
                new LogIn(users, hasher, tokens, uow, clock), new Authenticate(tokens, users, keyPorts),
                new AccountSession(users, tokens));
    }
}
