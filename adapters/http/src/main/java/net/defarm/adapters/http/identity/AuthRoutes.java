package net.defarm.adapters.http.identity;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.application.identity.AuthResult;
import net.defarm.application.identity.IdentityUseCases;
import net.defarm.application.identity.RegisterUser;
import net.defarm.domain.identity.UserAccount;

/** {@code /api/auth}: sign-up, sign-in, the caller's profile and token refresh. */
public final class AuthRoutes implements HttpService {

    record RegisterRequest(String username, String password, String email, String workspaceName) {
        @Override
        public String toString() {
            return "RegisterRequest[" + username + "]";
        }
    }

    record LoginRequest(String username, String password) {
        @Override
        public String toString() {
            return "LoginRequest[" + username + "]";
        }
    }

    record AuthView(String token, String userId, String workspaceId, long expiresAt) {
        static AuthView of(AuthResult r) {
            return new AuthView(r.token(), r.userId(), r.workspaceId(), r.expiresAt().getEpochSecond());
        }

        @Override
        public String toString() {
            return "AuthView[" + userId + "]";
        }
    }

    record ProfileView(String userId, String username, String email, long createdAt, String workspaceId) {
        static ProfileView of(UserAccount a) {
            return new ProfileView(a.userId(), a.username(), a.email(), a.createdAt().getEpochSecond(),
                    a.workspaceId());
        }
    }

    private final IdentityUseCases identity;
    private final HttpJson json;

    public AuthRoutes(IdentityUseCases identity, HttpJson json) {
        this.identity = identity;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/register", this::register)
                .post("/login", this::login)
                .get("/profile", this::profile)
                .post("/refresh", this::refresh);
    }

    private void register(ServerRequest req, ServerResponse res) {
        RegisterRequest body = json.read(req, RegisterRequest.class);
        json.ok(res, AuthView.of(identity.registerUser().register(new RegisterUser.Command(body.username(),
                body.email(), body.password(), body.workspaceName()))));
    }

    private void login(ServerRequest req, ServerResponse res) {
        LoginRequest body = json.read(req, LoginRequest.class);
        json.ok(res, AuthView.of(identity.logIn().logIn(body.username(), body.password())));
    }

    private void profile(ServerRequest req, ServerResponse res) {
        json.ok(res, ProfileView.of(identity.session().profile(Caller.of(req))));
    }

    private void refresh(ServerRequest req, ServerResponse res) {
        json.ok(res, AuthView.of(identity.session().refresh(Caller.of(req))));
    }
}
