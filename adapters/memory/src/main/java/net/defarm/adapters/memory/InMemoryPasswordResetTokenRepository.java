package net.defarm.adapters.memory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.defarm.application.identity.PasswordResetTokenRepository;
import net.defarm.domain.identity.PasswordResetToken;

/** Password reset tokens held in memory, by hash; consuming one is an atomic compare-and-set on its entry. */
public final class InMemoryPasswordResetTokenRepository implements PasswordResetTokenRepository {

    private final Map<String, PasswordResetToken> byHash = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryPasswordResetTokenRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void insert(PasswordResetToken token) {
        if (byHash.putIfAbsent(token.tokenHash(), token) != null) {
            throw new IllegalStateException("a reset token with this hash already exists");
        }
        uow.onRollback(() -> byHash.remove(token.tokenHash(), token));
    }

    @Override
    public Optional<PasswordResetToken> findByHash(String tokenHash) {
        return Optional.ofNullable(byHash.get(tokenHash));
    }

    @Override
    public boolean consume(String tokenHash, Instant now) {
        PasswordResetToken before = byHash.get(tokenHash);
        if (before == null || !before.usable(now)) {
            return false;
        }
        PasswordResetToken used = new PasswordResetToken(before.tokenHash(), before.userId(), before.createdAt(),
                before.expiresAt(), now);
        if (!byHash.replace(tokenHash, before, used)) {
            return false;
        }
        uow.onRollback(() -> byHash.replace(tokenHash, used, before));
        return true;
    }

    @Override
    public int countIssuedSince(String userId, Instant since) {
        return (int) byHash.values().stream()
                .filter(t -> t.userId().equals(userId) && !t.createdAt().isBefore(since)).count();
    }

    @Override
    public int deleteIssuedBefore(String userId, Instant before) {
        List<PasswordResetToken> old = byHash.values().stream()
                .filter(t -> t.userId().equals(userId) && t.createdAt().isBefore(before)).toList();
        old.forEach(t -> {
            if (byHash.remove(t.tokenHash(), t)) {
                uow.onRollback(() -> byHash.putIfAbsent(t.tokenHash(), t));
            }
        });
        return old.size();
    }
}
