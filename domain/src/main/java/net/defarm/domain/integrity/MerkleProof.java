package net.defarm.domain.integrity;

import java.util.List;
import java.util.Objects;

/**
 * The path from one leaf to the root of a {@link MerkleTree}: each sibling says on which side it sits. {@code root}
 * is informative only; verification always folds the path and compares with a root the verifier trusts.
 */
public record MerkleProof(String leafHash, int leafIndex, List<Sibling> siblings, String root) {

    public enum Position { LEFT, RIGHT }

    public record Sibling(String hash, Position position) {
        public Sibling {
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(position, "position");
        }
    }

    public MerkleProof {
        Objects.requireNonNull(leafHash, "leafHash");
        siblings = List.copyOf(siblings);
    }

    /** True when folding the path from the leaf gives {@code expectedRoot}. */
    public boolean verify(String expectedRoot) {
        String current = leafHash;
        for (Sibling s : siblings) {
            current = s.position() == Position.LEFT ? MerkleTree.hashPair(s.hash(), current)
                    : MerkleTree.hashPair(current, s.hash());
        }
        return current.equals(expectedRoot);
    }
}
