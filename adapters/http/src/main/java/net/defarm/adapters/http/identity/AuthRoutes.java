package net.defarm.adapters.http.identity;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.function.Function;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.application.identity.AuthResult;
import net.defarm.application.identity.IdentityUseCases;
import net.defarm.application.identity.RegisterUser;
import net.defarm.domain.identity.UserAccount;

/** {@code /api/auth}: sign-up, sign-in, password reset, the caller's profile and token refresh. */
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

    record ForgotPasswordRequest(String email, String username) {
        @Override
        public String toString() {
            return "ForgotPasswordRequest";
        }
    }

    record ResetPasswordRequest(String token, String newPassword) {
        @Override
        public String toString() {
            return "ResetPasswordRequest";
        }
    }

    record MessageView(String message) {
    }

    static final String RESET_REQUESTED = "If the account exists, password reset instructions have been sent.";
    static final String RESET_DONE = "Password reset successful. You can now log in with your new password.";

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
    private final Function<ServerRequest, String> clientAddress;

    /** {@code clientAddress} tells the caller's address (sign-up, sign-in and reset requests are throttled by it). */
    public AuthRoutes(IdentityUseCases identity, HttpJson json, Function<ServerRequest, String> clientAddress) {
        this.identity = identity;
        this.json = json;
        this.clientAddress = clientAddress;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/register", this::register)
                .post("/login", this::login)
                .post("/forgot-password", this::forgotPassword)
                .post("/reset-password", this::resetPassword)
                .get("/profile", this::profile)
                .post("/refresh", this::refresh);
    }

    private void register(ServerRequest req, ServerResponse res) {
        RegisterRequest body = json.read(req, RegisterRequest.class);
        json.ok(res, AuthView.of(identity.registerUser().register(new RegisterUser.Command(body.username(),
                body.email(), body.password(), body.workspaceName()), clientAddress.apply(req))));
    }

    private void login(ServerRequest req, ServerResponse res) {
        LoginRequest body = json.read(req, LoginRequest.class);
        json.ok(res, AuthView.of(identity.logIn().logIn(body.username(), body.password(), clientAddress.apply(req))));
    }

    private void forgotPassword(ServerRequest req, ServerResponse res) {
        ForgotPasswordRequest body = json.read(req, ForgotPasswordRequest.class);
        identity.requestPasswordReset().request(body.email(), body.username(), clientAddress.apply(req));
        json.ok(res, new MessageView(RESET_REQUESTED));
    }

    private void resetPassword(ServerRequest req, ServerResponse res) {
        ResetPasswordRequest body = json.read(req, ResetPasswordRequest.class);
        identity.resetPassword().reset(body.token(), body.newPassword());
        json.ok(res, new MessageView(RESET_DONE));
    }

    private void profile(ServerRequest req, ServerResponse res) {
        json.ok(res, ProfileView.of(identity.session().profile(Caller.of(req))));
    }

    private void refresh(ServerRequest req, ServerResponse res) {
        json.ok(res, AuthView.of(identity.session().refresh(Caller.of(req))));
    }
}
