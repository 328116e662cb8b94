package net.defarm.adapters.memory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.defarm.application.evidence.ContentIntegrityException;
import net.defarm.application.evidence.ContentStore;
import net.defarm.domain.evidence.Cid;

/** Blobs in process memory (memory mode): content-addressed like every store, and verified on every read. */
public final class InMemoryContentStore implements ContentStore {

    private final Map<Cid, byte[]> blobs = new ConcurrentHashMap<>();

    @Override
    public Cid put(byte[] bytes) {
        Cid.requireOneBlock(bytes);
        Cid cid = Cid.of(bytes);
        blobs.putIfAbsent(cid, bytes.clone());
        return cid;
    }

    @Override
    public Optional<byte[]> get(Cid cid) {
        byte[] stored = blobs.get(cid);
        if (stored == null) {
            return Optional.empty();
        }
        if (!cid.matches(stored)) {
            throw new ContentIntegrityException(cid, "memory");
        }
        return Optional.of(stored.clone());
    }

    @Override
    public boolean has(Cid cid) {
        return blobs.containsKey(cid);
    }

    @Override
    public boolean pin(Cid cid) {
        // Nothing is ever collected in memory: every stored blob stays until the process ends.
        return blobs.containsKey(cid);
    }

    @Override
    public String kind() {
        return "memory";
    }
}
