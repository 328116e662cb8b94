package net.defarm.adapters.http.proofs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.Envelope;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.proofs.MerkleProofs;
import net.defarm.application.shared.Actor;
import net.defarm.domain.integrity.MerkleProof;
import net.defarm.domain.integrity.StateTrees.ItemRoot;
import net.defarm.domain.shared.InvalidInputException;

/**
 * Merkle roots and proofs: signed in at {@code /api/merkle}, anonymously at
 * {@code /api/public/merkle} for what public circuits publish. Verifying a proof needs no stored data, so it is
 * offered on both.
 */
public final class MerkleRoutes implements HttpService {

    record ItemRootView(String dfid, String merkleRoot, int eventCount, String computedAt) {
    }

    record CircuitItemRootView(String dfid, String merkleRoot, int eventCount) {
        static CircuitItemRootView of(ItemRoot r) {
            return new CircuitItemRootView(r.dfid(), r.root(), r.eventCount());
        }

        ItemRoot toDomain() {
            return new ItemRoot(Requests.required(dfid, "remote_items[].dfid"),
                    Requests.required(merkleRoot, "remote_items[].merkle_root"), eventCount);
        }
    }

    record CircuitRootView(String circuitId, String merkleRoot, int itemCount, List<CircuitItemRootView> items,
                           String computedAt) {
    }

    record SiblingBody(String hash, String position) {
    }

    record ProofBody(String leafHash, Integer leafIndex, List<SiblingBody> siblings, String root) {
        static ProofBody of(MerkleProof p) {
            return new ProofBody(p.leafHash(), p.leafIndex(), p.siblings().stream().map(s -> new SiblingBody(s.hash(),
                    s.position() == MerkleProof.Position.LEFT ? "Left" : "Right")).toList(), p.root());
        }

        MerkleProof toDomain() {
            List<MerkleProof.Sibling> path = Requests.required(siblings, "proof.siblings").stream().map(s -> {
                SiblingBody sib = Requests.required(s, "proof.siblings[]");
                MerkleProof.Position position = switch (Requests.required(sib.position(), "position")
                        .toLowerCase(Locale.ROOT)) {
                    case "left" -> MerkleProof.Position.LEFT;
                    case "right" -> MerkleProof.Position.RIGHT;
                    default -> throw new InvalidInputException("INVALID_PROOF", "position must be Left or Right");
                };
                return new MerkleProof.Sibling(Requests.required(sib.hash(), "proof.siblings[].hash"), position);
            }).toList();
            return new MerkleProof(Requests.required(leafHash, "proof.leaf_hash"), leafIndex == null ? 0 : leafIndex,
                    path, root);
        }
    }

    record ItemProofView(boolean success, ProofBody proof, String itemDfid, String eventId) {
    }

    record CircuitProofView(boolean success, ProofBody proof, String circuitId, String itemDfid) {
    }

    record VerifyRequest(ProofBody proof, String expectedRoot) {
    }

    record VerifyView(boolean valid, String message) {
    }

    record SyncRequest(String localRoot, String remoteRoot, List<CircuitItemRootView> remoteItems) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record SyncView(boolean inSync, String localRoot, String remoteRoot, String message, List<String> differingItems,
                    List<String> localOnly, List<String> remoteOnly, List<String> modified) {
    }

    private final MerkleProofs proofs;
    private final boolean anonymous;
    private final HttpJson json;

    /** Signed-in routes, or the anonymous ones ({@code anonymous}: mounted under the public prefix). */
    public MerkleRoutes(MerkleProofs proofs, boolean anonymous, HttpJson json) {
        this.proofs = proofs;
        this.anonymous = anonymous;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/items/{dfid}/merkle-root", this::itemRoot)
                .get("/items/{dfid}/merkle-proof/{event_id}", this::eventProof)
                .get("/circuits/{circuit_id}/merkle-root", this::circuitRoot)
                .get("/circuits/{circuit_id}/merkle-proof/{dfid}", this::itemProof)
                .post("/verify-proof", this::verify);
        if (!anonymous) {
            rules.post("/circuits/{circuit_id}/sync-check", this::syncCheck);
        }
    }

    private void itemRoot(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.optional(req).orElse(null);
        MerkleProofs.ItemTree tree = proofs.itemRoot(actor, Requests.path(req, "dfid"));
        json.ok(res, Envelope.of(new ItemRootView(tree.dfid(), tree.root(), tree.tree().size(),
                tree.computedAt().toString())));
    }

    private void eventProof(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.optional(req).orElse(null);
        String dfid = Requests.path(req, "dfid");
        UUID eventId = Requests.uuidPath(req, "event_id", "event ID");
        json.ok(res, new ItemProofView(true, ProofBody.of(proofs.eventProof(actor, dfid, eventId)), dfid,
                eventId.toString()));
    }

    private void circuitRoot(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.optional(req).orElse(null);
        MerkleProofs.CircuitTree tree = proofs.circuitRoot(actor, Requests.uuidPath(req, "circuit_id", "circuit ID"));
        json.ok(res, Envelope.of(new CircuitRootView(tree.circuitId().toString(), tree.root(), tree.tree().size(),
                tree.items().stream().map(CircuitItemRootView::of).toList(), tree.computedAt().toString())));
    }

    private void itemProof(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.optional(req).orElse(null);
        UUID circuitId = Requests.uuidPath(req, "circuit_id", "circuit ID");
        String dfid = Requests.path(req, "dfid");
        json.ok(res, new CircuitProofView(true, ProofBody.of(proofs.itemProof(actor, circuitId, dfid)),
                circuitId.toString(), dfid));
    }

    private void verify(ServerRequest req, ServerResponse res) {
        VerifyRequest body = json.read(req, VerifyRequest.class);
        MerkleProof proof = Requests.required(body.proof(), "proof").toDomain();
        boolean valid = proofs.verify(proof, Requests.required(body.expectedRoot(), "expected_root"));
        json.ok(res, new VerifyView(valid, valid ? "Proof is valid - leaf exists in tree with expected root"
                : "Proof is invalid - verification failed"));
    }

    private void syncCheck(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.optional(req).orElse(null);
        UUID circuitId = Requests.uuidPath(req, "circuit_id", "circuit ID");
        SyncRequest body = json.read(req, SyncRequest.class);
        List<ItemRoot> remote = body.remoteItems() == null ? null
                : body.remoteItems().stream().map(r -> Requests.required(r, "remote_items[]").toDomain()).toList();
        MerkleProofs.SyncReport r = proofs.compare(actor, circuitId, Requests.required(body.localRoot(), "local_root"),
                Requests.required(body.remoteRoot(), "remote_root"), remote);
        json.ok(res, new SyncView(r.inSync(), r.localRoot(), r.remoteRoot(), r.inSync() ? "States are identical"
                : "States differ - " + r.differingItems().size() + " items affected", r.differingItems(),
                r.localOnly(), r.remoteOnly(), r.modified()));
    }
}
