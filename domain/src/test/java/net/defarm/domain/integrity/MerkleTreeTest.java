package net.defarm.domain.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import net.defarm.domain.events.Event;
import net.defarm.domain.events.EventType;
import net.defarm.domain.events.EventVisibility;
import net.defarm.domain.shared.Hashes;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonString;
import net.defarm.domain.shared.NotFoundException;
import org.junit.jupiter.api.Test;

/** Merkle test vectors and cases 52-54 (docs/domain-rules.md). */
class MerkleTreeTest {

    @Test
    void emptyNodeVector() {
        assertEquals("239b969c5e5d95683552cc30988f2468bb38266445c2369d2c9449fece14d377", MerkleTree.EMPTY);
    }

    @Test
    void pairAndSingleLeafVectors() {
        assertEquals("f08168fcb7b3d667fbb2f0849db251069a527881084bb24e2711aae5553d64ec",
                MerkleTree.hashPair("hash1", "hash2"));
        assertEquals("bcd0b8d25959959d39c466c1a7308fc10b8937801710dc983fa5dd6353cd7145",
                MerkleTree.hashPair("hash3", MerkleTree.EMPTY));
        assertEquals(Optional.of("eb8368d770cb79068ead87e3733e3a6806be000a26c78d2f41039a49d4bd3c71"),
                MerkleTree.ofHashes(List.of("hash1")).root());
    }

    @Test
    void case52RootIsOrderIndependentAndThreeLeavesHaveHeightThree() {
        assertEquals(Optional.of("f08168fcb7b3d667fbb2f0849db251069a527881084bb24e2711aae5553d64ec"),
                MerkleTree.ofHashes(List.of("hash2", "hash1")).root());
        MerkleTree three = MerkleTree.ofHashes(List.of("hash3", "hash1", "hash2"));
        assertEquals(Optional.of("6e6937c9174d0e005de125a274176cc32aaca0fcb7481315a22764c502b831c7"), three.root());
        assertEquals(3, three.height());
        List<Integer> heights = IntStream.of(0, 1, 2, 4, 5).mapToObj(n -> MerkleTree.ofHashes(IntStream.range(0, n)
                .mapToObj(i -> "h" + i).toList()).height()).toList();
        assertEquals(List.of(0, 1, 2, 3, 4), heights);
    }

    @Test
    void case53EveryProofOfAFiveLeafTreeVerifiesAndOutOfBoundsIsRefused() {
        MerkleTree tree = MerkleTree.ofHashes(List.of("a", "b", "c", "d", "e"));
        String root = tree.root().orElseThrow();
        for (int i = 0; i < 5; i++) {
            MerkleProof proof = tree.proof(i);
            assertTrue(proof.verify(root), "leaf " + i);
            assertFalse(proof.verify("wrong_root"));
        }
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MerkleTree.ofHashes(List.of("a", "b")).proof(10));
        assertTrue(e.getMessage().contains("10") && e.getMessage().contains("max 1"), e.getMessage());
        assertThrows(NotFoundException.class, () -> MerkleTree.ofHashes(List.of()).proof(0));
    }

    @Test
    void singleLeafProofVerifies() {
        MerkleTree tree = MerkleTree.ofHashes(List.of("hash1"));
        MerkleProof proof = tree.proof(0);
        assertEquals(List.of(new MerkleProof.Sibling(MerkleTree.EMPTY, MerkleProof.Position.RIGHT)),
                proof.siblings());
        assertTrue(proof.verify(tree.root().orElseThrow()));
    }

    @Test
    void aTamperedLeafDoesNotVerify() {
        MerkleTree tree = MerkleTree.ofHashes(List.of("a", "b", "c"));
        MerkleProof proof = tree.proof(1);
        MerkleProof forged = new MerkleProof("x", proof.leafIndex(), proof.siblings(), proof.root());
        assertFalse(forged.verify(tree.root().orElseThrow()));
    }

    @Test
    void case54ItemTreeOverEventsProvesEachEventByIdAndLeavesAreDeterministic() {
        Instant at = Instant.parse("2025-03-01T10:00:00.123456789Z");
        JsonObject meta = JsonObject.EMPTY.with("b", new JsonString("2")).with("a", new JsonString("1"));
        Event first = Event.record(UUID.randomUUID(), "DFID-1", EventType.CREATED, "u1", EventVisibility.PUBLIC,
                meta, at);
        Event second = Event.record(UUID.randomUUID(), "DFID-1", EventType.ENRICHED, "u1", EventVisibility.PRIVATE,
                JsonObject.EMPTY, at.plusSeconds(1));
        MerkleTree tree = StateTrees.itemTree(List.of(first, second));
        assertEquals(2, tree.size());
        MerkleProof proof = tree.proofFor(first.eventId().toString()).orElseThrow();
        assertTrue(proof.verify(tree.root().orElseThrow()));
        assertTrue(tree.proofFor(UUID.randomUUID().toString()).isEmpty());
        assertEquals(Hashes.blake3Hex(first.eventId() + "|Created|1740823200123456789|u1|{\"a\":\"1\",\"b\":\"2\"}"),
                StateTrees.eventLeaf(first));
        assertTrue(StateTrees.itemTree(List.of()).root().isEmpty());
    }
}
