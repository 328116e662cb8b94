package net.defarm.adapters.http.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.items.IdentifierDto;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.evidence.IdentifierMatch;
import net.defarm.application.evidence.Receipts;
import net.defarm.application.shared.Page;
import net.defarm.domain.evidence.Receipt;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.shared.InvalidInputException;

/**
 * {@code /api/receipts}: proof that the caller submitted some bytes (their BLAKE3 hash), verifiable later with the
 * same bytes; with {@code keep: true} the bytes are also stored in the content store and the receipt names their CID.
 * Every read, search and list sees only the caller's own receipts.
 */
public final class ReceiptRoutes implements HttpService {

    record SubmitBody(String data, List<IdentifierDto> identifiers, Boolean keep) {
    }

    record VerifyBody(String data) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReceiptView(String id, String hash, long timestamp, long dataSize, List<IdentifierDto> identifiers,
                       String cid) {
        static ReceiptView of(Receipt r) {
            return new ReceiptView(r.id().toString(), r.hash(), r.timestamp().getEpochSecond(), r.dataSize(),
                    IdentifierDto.of(r.identifiers()), r.cid() == null ? null : r.cid().value());
        }
    }

    record VerificationView(boolean isValid, String receiptId, String originalHash, String providedHash,
                            long timestamp) {
    }

    private final Receipts receipts;
    private final HttpJson json;

    public ReceiptRoutes(Receipts receipts, HttpJson json) {
        this.receipts = receipts;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        // Static segments before /{id}.
        rules.post("/", this::submit)
                .get("/list", (req, res) -> sendPage(req, res, IdentifierMatch.ANY))
                .post("/search/identifier", this::searchIdentifier)
                .get("/search/key/{key}", (req, res) -> sendPage(req, res,
                        new IdentifierMatch(null, Requests.path(req, "key"), null)))
                .get("/search/value/{value}", (req, res) -> sendPage(req, res,
                        new IdentifierMatch(null, null, Requests.path(req, "value"))))
                .get("/{id}", this::get)
                .post("/{id}/verify", this::verify);
    }

    private static UUID id(ServerRequest req) {
        return Requests.uuidPath(req, "id", "receipt ID");
    }

    private void submit(ServerRequest req, ServerResponse res) {
        SubmitBody b = json.read(req, SubmitBody.class);
        if (b.data() == null) {
            throw new InvalidInputException("MISSING_FIELD", "data is required");
        }
        byte[] data = base64(b.data());
        List<Identifier> ids = IdentifierDto.toDomain(b.identifiers());
        json.ok(res, ReceiptView.of(receipts.submit(Caller.of(req),
                new Receipts.Submit(data, ids == null ? List.of() : ids, Boolean.TRUE.equals(b.keep())))));
    }

    private void get(ServerRequest req, ServerResponse res) {
        json.ok(res, ReceiptView.of(receipts.get(Caller.of(req), id(req))));
    }

    private void verify(ServerRequest req, ServerResponse res) {
        UUID id = id(req);
        VerifyBody b = json.read(req, VerifyBody.class);
        if (b.data() == null) {
            throw new InvalidInputException("MISSING_FIELD", "Missing data field");
        }
        Receipts.Verification v = receipts.verify(Caller.of(req), id, base64(b.data()));
        json.ok(res, new VerificationView(v.valid(), v.receiptId().toString(), v.originalHash(), v.providedHash(),
                v.timestamp().getEpochSecond()));
    }

    private void searchIdentifier(ServerRequest req, ServerResponse res) {
        IdentifierDto body = json.read(req, IdentifierDto.class);
        Identifier id = body.toDomain();
        sendPage(req, res, new IdentifierMatch(id.namespace(), id.key(), id.value()));
    }

    private void sendPage(ServerRequest req, ServerResponse res, IdentifierMatch match) {
        Page<Receipt> page = receipts.find(Caller.of(req), match, Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, page.items().stream().map(ReceiptView::of).toList());
    }

    /**
     * Standard base64 (RFC 4648 section 4) with padding, strictly: no line breaks or spaces, no URL-safe letters, no
     * missing padding, no stray bits in the last character. Strict means one text for one byte string, so what a
     * client hashes on its side is what the receipt hashes.
     */
    static byte[] base64(String text) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw invalidBase64();
        }
        if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
            throw invalidBase64();
        }
        return decoded;
    }

    private static InvalidInputException invalidBase64() {
        return new InvalidInputException("INVALID_BASE64", "Invalid base64 data");
    }
}
