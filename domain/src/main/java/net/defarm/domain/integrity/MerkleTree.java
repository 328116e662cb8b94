package net.defarm.domain.integrity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.defarm.domain.shared.Hashes;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;

/**
 * A binary hash tree over hex leaves (docs/domain-rules.md). Leaves are sorted by hash first, so the root does not
 * depend on the order they were given in; a node without a partner is paired with {@link #EMPTY}, including a lone
 * leaf, whose proof therefore carries one sibling and verifies (the reference's single-leaf proof did not).
 */
public final class MerkleTree {

    /** The partner of an unpaired node: BLAKE3 of {@code EMPTY_NODE}. */
    public static final String EMPTY = Hashes.blake3Hex("EMPTY_NODE");

    /** A leaf hash and what it stands for (an event id, a DFID). */
    public record Leaf(String hash, String dataId) {
    }

    private final List<Leaf> leaves;
    private final List<List<String>> levels;

    private MerkleTree(List<Leaf> leaves) {
        this.leaves = leaves;
        this.levels = build(leaves.stream().map(Leaf::hash).toList());
    }

    /** Sorts the leaves by hash and builds the tree; an empty list gives an empty tree with no root. */
    public static MerkleTree of(List<Leaf> leaves) {
        List<Leaf> sorted = new ArrayList<>(leaves);
        sorted.sort(Comparator.comparing(Leaf::hash));
        return new MerkleTree(List.copyOf(sorted));
    }

    public static MerkleTree ofHashes(List<String> hashes) {
        return of(hashes.stream().map(h -> new Leaf(h, null)).toList());
    }

    public static String hashPair(String left, String right) {
        return Hashes.blake3Hex(left + "|" + right);
    }

    public boolean isEmpty() {
        return leaves.isEmpty();
    }

    public int size() {
        return leaves.size();
    }

    public Optional<String> root() {
        return isEmpty() ? Optional.empty() : Optional.of(levels.getLast().getFirst());
    }

    /** Levels including the leaves: 0 when empty, 1 for one leaf, ceil(log2 n) + 1 otherwise. */
    public int height() {
        if (isEmpty()) {
            return 0;
        }
        int n = leaves.size();
        return n == 1 ? 1 : 32 - Integer.numberOfLeadingZeros(n - 1) + 1;
    }

    /** The leaves in tree (sorted) order. */
    public List<Leaf> leaves() {
        return leaves;
    }

    public MerkleProof proof(int index) {
        if (isEmpty()) {
            throw new NotFoundException("EMPTY_TREE", "The tree has no leaves");
        }
        if (index < 0 || index >= leaves.size()) {
            throw new InvalidInputException("LEAF_INDEX_OUT_OF_BOUNDS", "Leaf index " + index
                    + " is out of bounds (max " + (leaves.size() - 1) + ")");
        }
        List<MerkleProof.Sibling> siblings = new ArrayList<>();
        int i = index;
        for (List<String> level : levels.subList(0, levels.size() - 1)) {
            int partner = i ^ 1;
            if (partner < level.size()) {
                siblings.add(new MerkleProof.Sibling(level.get(partner), (i & 1) == 0 ? MerkleProof.Position.RIGHT
                        : MerkleProof.Position.LEFT));
            } else {
                siblings.add(new MerkleProof.Sibling(EMPTY, MerkleProof.Position.RIGHT));
            }
            i /= 2;
        }
        return new MerkleProof(leaves.get(index).hash(), index, siblings, root().orElseThrow());
    }

    /** The proof for the first leaf standing for {@code dataId}. */
    public Optional<MerkleProof> proofFor(String dataId) {
        for (int i = 0; i < leaves.size(); i++) {
            if (dataId.equals(leaves.get(i).dataId())) {
                return Optional.of(proof(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Bottom-up levels. Every level above the leaves halves (rounding up) the one below; the last level is the root.
     * A single leaf still gets a parent level (leaf paired with EMPTY), so its root is never the bare leaf.
     */
    private static List<List<String>> build(List<String> hashes) {
        List<List<String>> levels = new ArrayList<>();
        if (hashes.isEmpty()) {
            return levels;
        }
        List<String> level = hashes;
        levels.add(level);
        do {
            List<String> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                next.add(hashPair(level.get(i), i + 1 < level.size() ? level.get(i + 1) : EMPTY));
            }
            level = List.copyOf(next);
            levels.add(level);
        } while (level.size() > 1);
        return levels;
    }
}
