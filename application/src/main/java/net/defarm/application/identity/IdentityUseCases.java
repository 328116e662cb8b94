package net.defarm.application.identity;

import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;

/** The identity context's inbound ports, as the HTTP adapter receives them. */
public record IdentityUseCases(RegisterUser registerUser, LogIn logIn, Authenticate authenticate,
                               AccountSession session) {

    /** With {@code keyPorts}, API keys authenticate too; {@code opening} runs with every registration. */
    public static IdentityUseCases create(UserAccountRepository users, PasswordHasher hasher, TokenService tokens,
                                          UnitOfWork uow, Clock clock, Authenticate.KeyPorts keyPorts,
                                          AccountOpening opening) {
        return new IdentityUseCases(new RegisterUser(users, hasher, tokens, uow, clock, opening),
                new LogIn(users, hasher, tokens), new Authenticate(tokens, users, keyPorts),
                new AccountSession(users, tokens));
    }
}
