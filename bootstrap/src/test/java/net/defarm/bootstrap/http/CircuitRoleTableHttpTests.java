package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every caller role through every circuit operation over HTTP, each on a fresh private circuit, asserting success
 * or the exact refusal. Reads of a private circuit by a non-member are 404 (it is invisible); changes attempted by a
 * non-member are 403 (reference case 35); callers without credentials are 401.
 */
public abstract class CircuitRoleTableHttpTests extends RunningService {

    enum Role { OWNER, ADMIN, MEMBER, VIEWER, CUSTOM, NON_MEMBER, ANONYMOUS }

    /** An expected outcome: 200, or a status with its error code. */
    record Outcome(int status, String code) {
        @Override
        public String toString() {
            return status == 200 ? "allowed" : status + " " + code;
        }
    }

    static final Outcome OK = new Outcome(200, null);
    static final Outcome DENIED = new Outcome(403, "FORBIDDEN");
    static final Outcome HIDDEN = new Outcome(404, "CIRCUIT_NOT_FOUND");
    static final Outcome UNAUTHENTICATED = new Outcome(401, "UNAUTHORIZED");

    /** A fresh circuit with one user in each role, and the caller under test. */
    record Cell(String circuit, Map<Role, User> users, Role role) {
        String token() {
            return role == Role.ANONYMOUS ? null : users.get(role).token();
        }

        /** The caller's id; an anonymous caller acts on the owner's behalf where an id is needed. */
        User caller() {
            return role == Role.ANONYMOUS ? users.get(Role.OWNER) : users.get(role);
        }

        String path(String suffix) {
            return "/api/circuits/" + circuit + suffix;
        }
    }

    record Operation(String name, BiFunction<CircuitRoleTableHttpTests, Cell, Response> call,
                     Map<Role, Outcome> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Expected outcomes listed in {@link Role} order: owner, admin, member, viewer, custom ("Curator", a member
     * whose custom role holds only Pull and ManageRoles), non-member, anonymous.
     */
    private static Map<Role, Outcome> expect(Outcome... outcomes) {
        Map<Role, Outcome> map = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            map.put(r, outcomes[r.ordinal()]);
        }
        return map;
    }

    private static Outcome code(int status, String code) {
        return new Outcome(status, code);
    }

    private static final Map<Role, Outcome> ANY_MEMBER_READS = expect(OK, OK, OK, OK, OK, HIDDEN, UNAUTHENTICATED);
    private static final Map<Role, Outcome> MANAGERS_READ = expect(OK, OK, DENIED, DENIED, DENIED, HIDDEN,
            UNAUTHENTICATED);
    private static final Map<Role, Outcome> OWNER_CHANGES = expect(OK, DENIED, DENIED, DENIED, DENIED, DENIED,
            UNAUTHENTICATED);
    private static final Map<Role, Outcome> MANAGERS_CHANGE = expect(OK, OK, DENIED, DENIED, DENIED, DENIED,
            UNAUTHENTICATED);
    /** Operation decisions: to a non-member, an operation id of the circuit is as unknown as a made-up one. */
    private static final Map<Role, Outcome> MANAGERS_DECIDE = expect(OK, OK, DENIED, DENIED, DENIED,
            code(404, "OPERATION_NOT_FOUND"), UNAUTHENTICATED);
    private static final Map<Role, Outcome> PUSHERS = expect(OK, OK, OK, DENIED, DENIED, DENIED, UNAUTHENTICATED);
    private static final Map<Role, Outcome> ROLE_MANAGERS = expect(OK, OK, DENIED, DENIED, OK, DENIED,
            UNAUTHENTICATED);

    static List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation("get circuit", (t, c) -> t.api.get(c.path(""), c.token()), ANY_MEMBER_READS));
        ops.add(new Operation("list items", (t, c) -> t.api.get(c.path("/items?include_events=true"), c.token()),
                ANY_MEMBER_READS));
        ops.add(new Operation("list operations", (t, c) -> t.api.get(c.path("/operations"), c.token()),
                ANY_MEMBER_READS));
        ops.add(new Operation("list activities", (t, c) -> t.api.get(c.path("/activities"), c.token()),
                ANY_MEMBER_READS));
        ops.add(new Operation("list roles", (t, c) -> t.api.get(c.path("/roles"), c.token()), ANY_MEMBER_READS));
        ops.add(new Operation("get adapter", (t, c) -> t.api.get(c.path("/adapter"), c.token()), ANY_MEMBER_READS));
        ops.add(new Operation("circuit merkle root", (t, c) -> {
            t.pushedItem(c);
            return t.api.get("/api/merkle/circuits/" + c.circuit() + "/merkle-root", c.token());
        }, ANY_MEMBER_READS));
        ops.add(new Operation("list pending items", (t, c) -> t.api.get(c.path("/pending-items"), c.token()),
                MANAGERS_READ));
        ops.add(new Operation("list pending join requests", (t, c) -> t.api.get(c.path("/requests/pending"),
                c.token()), MANAGERS_READ));
        ops.add(new Operation("update circuit", (t, c) -> t.api.put(c.path(""), c.token(),
                "{\"name\":\"Renamed\",\"permissions\":{\"require_approval_for_pull\":true}}"), OWNER_CHANGES));
        ops.add(new Operation("deactivate", (t, c) -> t.api.put(c.path("/deactivate"), c.token(), "{}"),
                OWNER_CHANGES));
        ops.add(new Operation("set public settings", (t, c) -> t.api.put(c.path("/public-settings"), c.token(),
                "{\"public_settings\":{\"access_mode\":\"public\"}}"), OWNER_CHANGES));
        ops.add(new Operation("set adapter", (t, c) -> t.api.put(c.path("/adapter"), c.token(),
                "{\"adapter_type\":\"ipfs-ipfs\",\"sponsor_adapter_access\":true}"), OWNER_CHANGES));
        ops.add(new Operation("toggle visibility", (t, c) -> t.api.put(c.path("/visibility/toggle"), c.token(), "{}"),
                MANAGERS_CHANGE));
        ops.add(new Operation("add member", (t, c) -> t.api.post(c.path("/members"), c.token(),
                "{\"member_id\":\"" + t.newcomer.id() + "\",\"role\":\"viewer\"}"), MANAGERS_CHANGE));
        ops.add(new Operation("change a member's role", (t, c) -> t.api.patch(c.path("/members/"
                + c.users().get(Role.VIEWER).id()), c.token(), "{\"role\":\"member\"}"), MANAGERS_CHANGE));
        ops.add(new Operation("remove the viewer (who may leave)", (t, c) -> t.api.delete(c.path("/members/"
                + c.users().get(Role.VIEWER).id()), c.token()),
                expect(OK, OK, DENIED, OK, DENIED, DENIED, UNAUTHENTICATED)));
        ops.add(new Operation("push by DFID", (t, c) -> t.api.post(c.path("/push/" + t.ownItem(c)), c.token(), "{}"),
                PUSHERS));
        ops.add(new Operation("push batch", (t, c) -> t.api.post(c.path("/push/batch"), c.token(),
                "{\"items\":[{\"dfid\":\"" + t.ownItem(c) + "\"}]}"), PUSHERS));
        ops.add(new Operation("push-local", (t, c) -> t.api.post(c.path("/push-local"), c.token(),
                "{\"local_id\":\"" + UUID.randomUUID() + "\",\"identifiers\":[{\"key\":\"lote\",\"value\":\""
                        + UUID.randomUUID() + "\"}]}"), PUSHERS));
        ops.add(new Operation("push local events", (t, c) -> {
            String dfid = t.ownItem(c);
            String local = t.localEvent(c);
            return t.api.post(c.path("/push-events"), c.token(), "{\"dfid\":\"" + dfid
                    + "\",\"local_event_ids\":[\"" + local + "\"]}");
        }, PUSHERS));
        ops.add(new Operation("pull", (t, c) -> t.api.post(c.path("/pull/" + t.pushedItem(c)), c.token(), "{}"),
                expect(OK, OK, OK, OK, OK, DENIED, UNAUTHENTICATED)));
        ops.add(new Operation("approve operation", (t, c) -> t.api.post("/api/circuits/operations/"
                + t.pendingPush(c) + "/approve", c.token(), ""), MANAGERS_DECIDE));
        ops.add(new Operation("reject operation", (t, c) -> t.api.post("/api/circuits/operations/"
                + t.pendingPush(c) + "/reject", c.token(), "{\"reason\":\"no\"}"), MANAGERS_DECIDE));
        ops.add(new Operation("approve pending item", (t, c) -> t.api.post(c.path("/pending-items/"
                + t.pendingPush(c) + "/approve"), c.token(), ""), MANAGERS_DECIDE));
        ops.add(new Operation("reject pending item", (t, c) -> t.api.post(c.path("/pending-items/"
                + t.pendingPush(c) + "/reject"), c.token(), ""), MANAGERS_DECIDE));
        ops.add(new Operation("request to join", (t, c) -> t.api.post(c.path("/requests"), c.token(),
                "{\"message\":\"hi\"}"), expect(code(409, "ALREADY_MEMBER"), code(409, "ALREADY_MEMBER"),
                code(409, "ALREADY_MEMBER"), code(409, "ALREADY_MEMBER"), code(409, "ALREADY_MEMBER"), OK,
                UNAUTHENTICATED)));
        ops.add(new Operation("approve join request", (t, c) -> t.api.post(c.path("/requests/"
                + t.joinRequest(c) + "/approve"), c.token(), "{\"role\":\"viewer\"}"), MANAGERS_CHANGE));
        ops.add(new Operation("reject join request", (t, c) -> t.api.post(c.path("/requests/"
                + t.joinRequest(c) + "/reject"), c.token(), ""), MANAGERS_CHANGE));
        ops.add(new Operation("join as public (the circuit is private)", (t, c) -> t.api.post(c.path("/public/join"),
                c.token(), "{}"), expect(code(403, "NOT_PUBLIC"), code(403, "NOT_PUBLIC"), code(403, "NOT_PUBLIC"),
                code(403, "NOT_PUBLIC"), code(403, "NOT_PUBLIC"), code(403, "NOT_PUBLIC"), UNAUTHENTICATED)));
        Outcome notPublic = code(404, "CIRCUIT_NOT_PUBLIC");
        ops.add(new Operation("public page (the circuit is private)", (t, c) -> t.api.get(c.path("/public"),
                c.token()), expect(notPublic, notPublic, notPublic, notPublic, notPublic, notPublic, notPublic)));
        ops.add(new Operation("create role", (t, c) -> t.api.post(c.path("/roles"), c.token(),
                "{\"role_name\":\"Inspector\",\"permissions\":[\"Pull\",\"Audit\"]}"), ROLE_MANAGERS));
        ops.add(new Operation("update role", (t, c) -> t.api.put(c.path("/roles/Curator"), c.token(),
                "{\"description\":\"keeps the roles\"}"), ROLE_MANAGERS));
        ops.add(new Operation("delete role", (t, c) -> {
            t.ok(t.api.post(c.path("/roles"), c.users().get(Role.OWNER).token(),
                    "{\"role_name\":\"Temporary\",\"permissions\":[\"Pull\"]}"));
            return t.api.delete(c.path("/roles/Temporary"), c.token());
        }, ROLE_MANAGERS));
        return ops;
    }

    private final Map<Role, User> users = new EnumMap<>(Role.class);
    private User newcomer;

    @BeforeAll
    void signUpOnePerRole() {
        for (Role r : Role.values()) {
            if (r != Role.ANONYMOUS) {
                users.put(r, api.newUser(r.name().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        newcomer = api.newUser("newcomer");
    }

    Stream<Arguments> cells() {
        return operations().stream().flatMap(op -> Stream.of(Role.values()).map(role -> Arguments.of(op, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void everyRoleGetsExactlyItsOutcome(Operation op, Role role) {
        Cell cell = new Cell(freshCircuit(), users, role);
        Response r = op.call().apply(this, cell);
        Outcome expected = op.expected().get(role);
        if (expected.status() == 200) {
            assertEquals(200, r.status(), op.name() + " as " + role + ": " + r.body());
        } else {
            assertError(r, expected.status(), expected.code());
        }
    }

    /** A private circuit with an owner, an admin, a member, a viewer and a Curator (Pull and ManageRoles only). */
    private String freshCircuit() {
        String owner = users.get(Role.OWNER).token();
        String id = newCircuit(users.get(Role.OWNER), "Roles", "role table");
        for (Role r : List.of(Role.ADMIN, Role.MEMBER, Role.VIEWER, Role.CUSTOM)) {
            String base = r == Role.CUSTOM ? "member" : r.name().toLowerCase(java.util.Locale.ROOT);
            addMember(users.get(Role.OWNER), id, users.get(r), base);
        }
        ok(api.post("/api/circuits/" + id + "/roles", owner,
                "{\"role_name\":\"Curator\",\"permissions\":[\"Pull\",\"ManageRoles\"]}"));
        ok(api.patch("/api/circuits/" + id + "/members/" + users.get(Role.CUSTOM).id(), owner,
                "{\"role\":\"member\",\"custom_role_name\":\"Curator\"}"));
        return id;
    }

    /** An item of the caller's own (the owner's for an anonymous caller). */
    String ownItem(Cell c) {
        return ok(api.post("/api/items", c.caller().token(), "{\"identifiers\":[{\"key\":\"lote\",\"value\":\""
                + UUID.randomUUID() + "\"}]}")).text("dfid");
    }

    /** An item the owner pushed into the circuit. */
    String pushedItem(Cell c) {
        String owner = c.users().get(Role.OWNER).token();
        String dfid = ok(api.post("/api/items", owner, "{\"identifiers\":[{\"key\":\"lote\",\"value\":\""
                + UUID.randomUUID() + "\"}]}")).text("dfid");
        ok(api.post(c.path("/push/" + dfid), owner, "{}"));
        return dfid;
    }

    /** A local event of the caller's. */
    String localEvent(Cell c) {
        return ok(api.post("/api/events/local", c.caller().token(), "{\"event_type\":\"updated\","
                + "\"visibility\":\"public\",\"metadata\":{\"n\":\"" + UUID.randomUUID() + "\"}}"))
                .text("local_event_id");
    }

    /** A push by the member waiting for approval. */
    String pendingPush(Cell c) {
        String owner = c.users().get(Role.OWNER).token();
        ok(api.put(c.path(""), owner, "{\"permissions\":{\"require_approval_for_push\":true}}"));
        String member = c.users().get(Role.MEMBER).token();
        String dfid = ok(api.post("/api/items", member, "{\"identifiers\":[{\"key\":\"lote\",\"value\":\""
                + UUID.randomUUID() + "\"}]}")).text("dfid");
        Response op = ok(api.post(c.path("/push/" + dfid), member, "{}"));
        assertEquals("Pending", op.text("status"));
        return op.text("operation_id");
    }

    /** The newcomer's pending request to join. */
    String joinRequest(Cell c) {
        ok(api.post(c.path("/requests"), newcomer.token(), "{\"message\":\"let me in\"}"));
        return newcomer.id();
    }
}
