package net.defarm.application.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.defarm.application.identity.AuthResult;
import net.defarm.application.identity.AuthenticationException;
import net.defarm.application.identity.RegisterUser;
import net.defarm.application.shared.Actor;
import net.defarm.domain.identity.AccountStatus;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.identity.UserTier;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.PermissionDeniedException;
import org.junit.jupiter.api.Test;

/** Registration, sign-in and authentication. */
public abstract class IdentityScenarios extends StoreScenarios {

    private AuthResult register(String username, String email) {
        return f.identity.registerUser().register(new RegisterUser.Command(username, email, "Str0ng!Pass", null));
    }

    @Test
    void registrationCreatesABasicAccountWithCreditsAndSignsIn() {
        AuthResult auth = register("alice", "alice@example.com");
        assertTrue(auth.userId().matches("user-[0-9a-f-]{36}"), auth.userId());
        assertEquals("alice-workspace", auth.workspaceId());
        UserAccount account = f.identity.session().profile(new Actor(auth.userId(), auth.workspaceId()));
        assertEquals(UserTier.BASIC, account.tier());
        assertEquals(100, account.credits());
        assertEquals(AccountStatus.ACTIVE, account.status());
        assertEquals(auth.userId(), f.identity.authenticate().actorFor(auth.token()).userId());
    }

    @Test
    void duplicatesAreRefusedRegardlessOfCase() {
        register("alice", "alice@example.com");
        ConflictException name = assertThrows(ConflictException.class, () -> register("ALICE", "other@example.com"));
        assertEquals("Username already exists", name.getMessage());
        ConflictException email = assertThrows(ConflictException.class, () -> register("al", "Alice@Example.com"));
        assertEquals("Email already exists", email.getMessage());
    }

    @Test
    void weakPasswordsAndMissingFieldsAreRefused() {
        InvalidInputException weak = assertThrows(InvalidInputException.class, () -> f.identity.registerUser()
                .register(new RegisterUser.Command("bob", "bob@example.com", "password", null)));
        assertEquals("Password must contain at least one uppercase letter", weak.getMessage());
        assertThrows(InvalidInputException.class, () -> f.identity.registerUser()
                .register(new RegisterUser.Command("bob", null, "Str0ng!Pass", null)));
        assertThrows(InvalidInputException.class, () -> f.identity.registerUser()
                .register(new RegisterUser.Command("bob", "not-an-email", "Str0ng!Pass", null)));
    }

    @Test
    void loginAcceptsTheRightPasswordOnlyAndHidesWhoExists() {
        AuthResult registered = register("carol", "carol@example.com");
        assertEquals(registered.userId(), f.identity.logIn().logIn("carol", "Str0ng!Pass").userId());
        AuthenticationException wrong = assertThrows(AuthenticationException.class,
                () -> f.identity.logIn().logIn("carol", "Wrong1!x"));
        AuthenticationException unknown = assertThrows(AuthenticationException.class,
                () -> f.identity.logIn().logIn("nobody", "Str0ng!Pass"));
        assertEquals(wrong.getMessage(), unknown.getMessage());
    }

    @Test
    void suspendedAccountsCannotSignInNorUseTheirTokens() {
        AuthResult auth = register("dave", "dave@example.com");
        UserAccount account = f.storage.users().findById(auth.userId()).orElseThrow();
        f.storage.unitOfWork().inTransaction(() -> f.storage.users().update(new UserAccount(account.userId(),
                account.username(), account.email(), account.passwordHash(), account.tier(), AccountStatus.SUSPENDED,
                account.credits(), account.createdAt(), account.updatedAt(), null, false, account.workspaceId(), null,
                account.version(), account.sessionsValidFrom())));
        PermissionDeniedException login = assertThrows(PermissionDeniedException.class,
                () -> f.identity.logIn().logIn("dave", "Str0ng!Pass"));
        assertEquals("Your account has been suspended. Please contact an administrator.", login.getMessage());
        assertThrows(PermissionDeniedException.class, () -> f.identity.authenticate().actorFor(auth.token()));
        assertThrows(AuthenticationException.class, () -> f.identity.authenticate().actorFor("garbage"));
    }

    @Test
    void refreshIssuesANewTokenForTheSameUser() {
        AuthResult auth = register("erin", "erin@example.com");
        AuthResult refreshed = f.identity.session().refresh(f.identity.authenticate().actorFor(auth.token()));
        assertEquals(auth.userId(), refreshed.userId());
        assertEquals(auth.userId(), f.identity.authenticate().actorFor(refreshed.token()).userId());
    }
}
