package net.defarm.domain.integrity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Verification of an entity's snapshot chain: every id matches its content, every link points to its parent. */
public final class SnapshotChain {

    public record Verification(boolean valid, int total, int verified, List<String> brokenLinks,
                               List<String> tamperedHashes) {
    }

    private SnapshotChain() {
    }

    public static Verification verify(List<StateSnapshot> snapshots) {
        List<StateSnapshot> chain = snapshots.stream().sorted(Comparator.comparingLong(StateSnapshot::version))
                .toList();
        if (chain.isEmpty()) {
            return new Verification(false, 0, 0, List.of(), List.of());
        }
        List<String> tampered = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        int verified = 0;
        for (int i = 0; i < chain.size(); i++) {
            StateSnapshot s = chain.get(i);
            if (!s.recomputedId().equals(s.snapshotId())) {
                tampered.add(s.snapshotId());
                continue;
            }
            String expectedParent = i == 0 ? null : chain.get(i - 1).snapshotId();
            boolean linked = i == 0 ? s.parentHash() == null && s.version() == 1
                    : expectedParent.equals(s.parentHash()) && s.version() == chain.get(i - 1).version() + 1;
            if (!linked) {
                broken.add(s.snapshotId());
                continue;
            }
            verified++;
        }
        return new Verification(tampered.isEmpty() && broken.isEmpty(), chain.size(), verified, broken, tampered);
    }
}
