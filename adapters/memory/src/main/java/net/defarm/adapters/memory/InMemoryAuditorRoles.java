package net.defarm.adapters.memory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.defarm.application.audit.AuditorRoles;

/** Auditor grants in memory: user id to the administrator who granted the role. */
public final class InMemoryAuditorRoles implements AuditorRoles {

    private final Map<String, String> grants = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryAuditorRoles(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public boolean isAuditor(String userId) {
        return grants.containsKey(userId);
    }

    @Override
    public void set(String userId, boolean auditor, String grantedBy) {
        String before = auditor ? grants.put(userId, grantedBy) : grants.remove(userId);
        uow.onRollback(() -> {
            if (before == null) {
                grants.remove(userId);
            } else {
                grants.put(userId, before);
            }
        });
    }

    @Override
    public Optional<String> grantedBy(String userId) {
        return Optional.ofNullable(grants.get(userId));
    }
}
