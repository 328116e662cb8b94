package net.defarm.bootstrap.http;

import net.defarm.application.storage.StoragePorts;
import net.defarm.bootstrap.Service;
import net.defarm.bootstrap.http.ApiClient.User;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.identity.UserTier;

/** Accounts the credit suites need that no route creates: an administrator, made through the service's store. */
final class CreditFixture {

    private CreditFixture() {
    }

    /** Registers a user over HTTP, then flags it as an administrator (Admin tier) in the store. */
    static User admin(Service service, ApiClient api) {
        User user = api.newUser("admin");
        StoragePorts store = service.storage();
        UserAccount a = store.users().findById(user.id()).orElseThrow();
        store.unitOfWork().inTransaction(() -> store.users().update(new UserAccount(a.userId(), a.username(),
                a.email(), a.passwordHash(), UserTier.ADMIN, a.status(), a.credits(), a.createdAt(), a.updatedAt(),
                a.lastLogin(), true, a.workspaceId(), a.availableAdapters(), a.version(),
                a.sessionsValidFrom())));
        return user;
    }

    static String adjustment(long amount, String reason) {
        return "{\"amount\":" + amount + ",\"reason\":\"" + reason + "\"}";
    }
}
