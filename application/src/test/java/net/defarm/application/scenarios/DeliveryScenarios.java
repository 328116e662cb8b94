package net.defarm.application.scenarios;

import static net.defarm.application.testing.Fixture.lote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import net.defarm.application.circuits.ManageCircuits;
import net.defarm.application.delivery.DispatchOutbox;
import net.defarm.application.delivery.ManagePostActions;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.storage.StoragePorts;
import net.defarm.application.testing.Fixture;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.MemberRole;
import net.defarm.domain.delivery.OutboxStatus;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.DomainException;
import net.defarm.domain.shared.PermissionDeniedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Post-actions through the use cases, on every store: what is enqueued with which change, and how it is sent. */
public abstract class DeliveryScenarios {

    protected abstract StoragePorts newStorage();

    private Fixture f;
    private Actor owner;
    private Actor viewer;
    private Circuit circuit;

    @BeforeEach
    void setUp() {
        f = new Fixture(newStorage());
        owner = f.newUser("owner");
        viewer = f.newUser("viewer");
        circuit = f.circuits.manage().create(owner, new ManageCircuits.NewCircuit("Hooks", "d", null, null, null,
                null));
        f.circuits.membership().addMember(owner, circuit.circuitId(), viewer.userId(), MemberRole.VIEWER);
        f.delivery.postActions().updateSettings(owner, circuit.circuitId(), true, List.of("item_pushed"), false,
                true);
    }

    private ManagePostActions.Created webhook(String name, boolean enabled) {
        return f.delivery.postActions().createWebhook(owner, circuit.circuitId(), new ManagePostActions.NewWebhook(
                name, "https://receiver.example.com/" + name, null, null, null, null, enabled));
    }

    private List<ManagePostActions.Delivery> log() {
        return f.delivery.postActions().deliveries(owner, circuit.circuitId(), PageRequest.firstPage()).items();
    }

    @Test
    void aPushEnqueuesOneMessagePerEnabledWebhookAndDispatchSendsItSigned() {
        ManagePostActions.Created on = webhook("on", true);
        webhook("off", false);
        Item item = f.createItem(owner, null, lote("D1"));
        f.circuits.push().push(owner, circuit.circuitId(), item.dfid());
        List<ManagePostActions.Delivery> queued = log();
        assertEquals(1, queued.size());
        assertEquals(on.webhook().id().toString(), queued.getFirst().message().target());
        assertEquals(OutboxStatus.PENDING, queued.getFirst().message().status());
        assertTrue(queued.getFirst().message().payload().contains(item.dfid()));

        DispatchOutbox.Summary sent = f.delivery.dispatch().drain();
        assertEquals(1, sent.delivered());
        assertEquals(1, f.receiver.sent.size());
        var request = f.receiver.sent.getFirst();
        assertEquals(queued.getFirst().message().id().toString(), request.headers().get("webhook-id"));
        assertTrue(request.headers().get("webhook-signature").startsWith("v1,"));
        assertEquals(on.webhook().url(), request.url());
        assertEquals(OutboxStatus.DELIVERED, log().getFirst().message().status());
        assertEquals(0, f.delivery.dispatch().drain().claimed(), "nothing is sent twice");
    }

    @Test
    void aRefusedChangeEnqueuesNothing() {
        webhook("hook", true);
        Item mine = f.createItem(viewer, null, lote("D2"));
        assertThrows(DomainException.class, () -> f.circuits.push().push(viewer, circuit.circuitId(), mine.dfid()));
        Item other = f.createItem(owner, null, lote("D3"));
        var results = f.circuits.push().pushAll(owner, circuit.circuitId(), List.of(other.dfid(), "DFID-UNKNOWN"));
        assertEquals(List.of(true, false), results.stream().map(r -> r.success()).toList());
        assertEquals(1, log().size(), "only the push that committed left a message");
    }

    @Test
    void failuresWaitForTheirRetryTime() {
        webhook("flaky", true);
        f.receiver.failuresLeft.set(1);
        f.circuits.push().push(owner, circuit.circuitId(), f.createItem(owner, null, lote("D4")).dfid());
        assertEquals(1, f.delivery.dispatch().drain().retried());
        assertEquals(OutboxStatus.RETRYING, log().getFirst().message().status());
        assertEquals(0, f.delivery.dispatch().drain().claimed(), "not due before its retry time");
        f.clock.advance(Duration.ofSeconds(5));
        assertEquals(1, f.delivery.dispatch().drain().delivered());
        ManagePostActions.Delivery done = log().getFirst();
        assertEquals(OutboxStatus.DELIVERED, done.message().status());
        assertEquals(List.of(500, 200), done.attempts().stream().map(a -> a.statusCode()).toList());
    }

    @Test
    void onlyTheOwnerOrAPermissionsManagerManagesPostActions() {
        assertThrows(PermissionDeniedException.class,
                () -> f.delivery.postActions().configuration(viewer, circuit.circuitId()));
        assertThrows(PermissionDeniedException.class,
                () -> f.delivery.postActions().deliveries(viewer, circuit.circuitId(), PageRequest.firstPage()));
        assertTrue(f.delivery.postActions().configuration(owner, circuit.circuitId()).isPresent());
    }
}
