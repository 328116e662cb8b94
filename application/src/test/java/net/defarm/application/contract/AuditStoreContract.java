package net.defarm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.audit.AuditFact;
import net.defarm.application.audit.AuditFilter;
import net.defarm.application.audit.AuditRetention;
import net.defarm.application.audit.AuditUseCases;
import net.defarm.application.audit.IncidentRepository;
import net.defarm.application.audit.UserActivityRepository;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.testing.TestClock;
import net.defarm.domain.audit.AuditEvent;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditOutcome;
import net.defarm.domain.audit.AuditSeverity;
import net.defarm.domain.audit.ComplianceReport;
import net.defarm.domain.audit.IncidentCategory;
import net.defarm.domain.audit.SecurityIncident;
import net.defarm.domain.audit.UserActivity;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.identity.UserTier;
import net.defarm.domain.shared.JsonValue;
import net.defarm.domain.shared.StaleUpdateException;
import org.junit.jupiter.api.Test;

/**
 * The audit trail's storage on every store: appends are chained per partition and verify, a rolled-back append
 * leaves neither a record nor a gap, queries filter and page alike, incidents are versioned, reports, auditor
 * grants and activity logs are kept, and retention removes whole expired days (and records that it did).
 */
public abstract class AuditStoreContract extends StoreContract {

    private final TestClock clock = new TestClock(micros("2025-06-01T10:00:00.000001Z"));

    private AuditUseCases audit() {
        return AuditUseCases.create(store.audit(), store.users()::findById, store.unitOfWork(), clock, true);
    }

    private void record(AuditUseCases audit, String actor, String action, AuditOutcome outcome) {
        store.unitOfWork().inTransaction(() -> audit.trail().record(actor, null,
                AuditFact.of(AuditEventType.SECURITY, action, "session", null).outcome(outcome, AuditSeverity.LOW)));
        clock.advance(Duration.ofMillis(3));
    }

    private List<AuditEvent> all(AuditFilter filter, int limit) {
        List<AuditEvent> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<AuditEvent> page = store.audit().events().query(filter, new PageRequest(limit, cursor));
            assertTrue(page.items().size() <= limit);
            out.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    @Test
    void appendsAreChainedPerPartitionAndVerify() {
        AuditUseCases audit = audit();
        for (int i = 0; i < 5; i++) {
            record(audit, "user-a", "auth.sign_in", AuditOutcome.SUCCESS);
            record(audit, "user-b", "auth.sign_in", AuditOutcome.FAILURE);
        }
        List<AuditEvent> a = all(AuditFilter.all().involving("user-a"), 2);
        assertEquals(5, a.size());
        assertEquals(List.of(5L, 4L, 3L, 2L, 1L), a.stream().map(e -> e.chain().seq()).toList(),
                "user-a's records are one chain, newest first");
        assertEquals(a.getFirst(), store.audit().events().find(a.getFirst().eventId()).orElseThrow());
        var v = audit.verification().verify();
        assertTrue(v.intact(), String.valueOf(v.firstBroken()));
        assertEquals(10, v.recordsChecked());
        assertEquals(List.of(LocalDate.parse("2025-06-01")), store.audit().events().days());
        LocalDate day = LocalDate.parse("2025-06-01");
        assertEquals(store.audit().events().heads(day).stream().map(h -> h.shard() + ":" + h.seq() + ":" + h.seq())
                .toList(), store.audit().events().extents(day).stream().map(x -> x.shard() + ":" + x.maxSeq() + ":"
                + x.count()).toList(), "the records' own extent of each chain matches its head");
    }

    @Test
    void aRolledBackAppendLeavesNoRecordAndNoGap() {
        AuditUseCases audit = audit();
        record(audit, "user-a", "one", AuditOutcome.SUCCESS);
        assertThrows(IllegalStateException.class, () -> store.unitOfWork().inTransaction(() -> {
            audit.trail().record("user-a", null, AuditFact.of(AuditEventType.DATA, "two", "item", null));
            throw new IllegalStateException("the change failed");
        }));
        record(audit, "user-a", "three", AuditOutcome.SUCCESS);
        assertEquals(List.of("three", "one"), all(AuditFilter.all(), 10).stream().map(AuditEvent::action).toList());
        assertTrue(audit.verification().verify().intact());
    }

    @Test
    void queriesFilterAndCount() {
        AuditUseCases audit = audit();
        Instant from = clock.now();
        record(audit, "user-a", "auth.sign_in", AuditOutcome.SUCCESS);
        record(audit, "user-a", "auth.sign_in", AuditOutcome.FAILURE);
        Instant to = clock.now();
        record(audit, "user-b", "api_key.create", AuditOutcome.SUCCESS);
        store.unitOfWork().inTransaction(() -> audit.trail().record(null, null, AuditFact.of(AuditEventType.SECURITY,
                "auth.sign_in", "session", null).outcome(AuditOutcome.FAILURE, AuditSeverity.MEDIUM)
                .subject("user-a")));
        assertEquals(3, all(AuditFilter.all().involving("user-a"), 10).size(), "acted in or was the subject of");
        AuditFilter failures = new AuditFilter(null, Set.of(AuditEventType.SECURITY), Set.of("auth.sign_in"), null,
                Set.of(AuditOutcome.FAILURE), null, null, null, null);
        assertEquals(2, all(failures, 1).size());
        assertEquals(2, all(AuditFilter.period(null, from, to), 10).size());
        var counts = store.audit().events().count(AuditFilter.all());
        assertEquals(4, counts.total());
        assertEquals(Map.of("success", 2L, "failure", 2L), counts.byOutcome());
        assertEquals("user-a", counts.topActors().getFirst().actorId());
        assertEquals(2, counts.topActors().getFirst().count());
    }

    @Test
    void onlyTheServicesOwnSevereSecurityRecordsOpenIncidents() {
        AuditUseCases audit = audit();
        store.unitOfWork().inTransaction(() -> audit.trail().record("user-a", null, AuditFact.of(
                AuditEventType.SECURITY, "tamper.detected", "sensor", null).severity(AuditSeverity.HIGH)));
        var claimed = audit.submissions().submit(new net.defarm.application.shared.Actor("user-a", null),
                new net.defarm.application.audit.SubmitAuditEvents.Submission(AuditEventType.SECURITY,
                        "tamper.claimed", "sensor", null, AuditOutcome.FAILURE, AuditSeverity.CRITICAL, null, null,
                        Set.of(), null, null));
        assertTrue(claimed.incidentId().isEmpty(), "a client's claim opens no incident");
        List<SecurityIncident> opened = store.audit().incidents().list(IncidentRepository.Filter.none(),
                new PageRequest(10, null)).items();
        assertEquals(List.of("Security event: tamper.detected"), opened.stream().map(SecurityIncident::title)
                .toList());
        assertEquals(List.of("tamper.detected"), all(AuditFilter.all().serviceRecordsOnly(), 10).stream()
                .map(AuditEvent::action).toList());
        assertEquals(1, store.audit().events().count(AuditFilter.all().serviceRecordsOnly()).total());
    }

    @Test
    void incidentsAreVersionedAndListed() {
        Instant now = clock.now();
        SecurityIncident open = new SecurityIncident(UUID.randomUUID(), "Scale", "changed", AuditSeverity.HIGH,
                IncidentCategory.POLICY_VIOLATION, SecurityIncident.Status.OPEN, List.of("user-a"), List.of("s-1"),
                List.of(UUID.randomUUID()), false, "user-x", null, now, now, 0);
        store.unitOfWork().inTransaction(() -> store.audit().incidents().insert(open));
        assertEquals(open, store.audit().incidents().find(open.incidentId()).orElseThrow());
        SecurityIncident assigned = store.unitOfWork().inTransaction(() -> store.audit().incidents()
                .update(open.assigned("user-y", now.plusSeconds(1))));
        assertEquals(1, assigned.version());
        assertThrows(StaleUpdateException.class, () -> store.unitOfWork().inTransaction(() -> store.audit()
                .incidents().update(open.resolved(now.plusSeconds(2)))));
        assertEquals(assigned, store.audit().incidents().find(open.incidentId()).orElseThrow());
        assertEquals(1, store.audit().incidents().list(new IncidentRepository.Filter(null,
                SecurityIncident.Status.ASSIGNED, "user-y", null, null), PageRequest.firstPage()).items().size());
        assertEquals(0, store.audit().incidents().list(new IncidentRepository.Filter(AuditSeverity.LOW, null, null,
                null, null), PageRequest.firstPage()).items().size());
    }

    @Test
    void reportsGrantsAndActivitiesAreKept() {
        Instant now = clock.now();
        ComplianceReport r = new ComplianceReport(UUID.randomUUID(), "gdpr", now.minusSeconds(60), now, "user-a",
                "json", "user-a", now, 3, Map.of("security", 3L), Map.of("success", 3L), Map.of("low", 3L),
                List.of(UUID.randomUUID()), true, "compliant");
        store.unitOfWork().inTransaction(() -> store.audit().reports().insert(r));
        assertEquals(r, store.audit().reports().find(r.reportId()).orElseThrow());
        assertEquals(List.of(r), store.audit().reports().list("gdpr", PageRequest.firstPage()).items());
        assertTrue(store.audit().reports().list("food_safety", PageRequest.firstPage()).items().isEmpty());

        store.unitOfWork().inTransaction(() -> store.audit().auditors().set("user-a", true, "admin-1"));
        assertTrue(store.audit().auditors().isAuditor("user-a"));
        store.unitOfWork().inTransaction(() -> store.audit().auditors().set("user-a", false, "admin-1"));
        assertFalse(store.audit().auditors().isAuditor("user-a"));

        UserActivity old = activity("user-a", now.minus(Duration.ofDays(10)), "Viewed lot 7");
        UserActivity recent = activity("user-a", now, "Exported lot 8");
        store.unitOfWork().inTransaction(() -> {
            store.audit().activities().insert(old);
            store.audit().activities().insert(recent);
            store.audit().activities().insert(activity("user-b", now, "Other"));
        });
        assertEquals(recent, store.audit().activities().find(recent.activityId()).orElseThrow());
        assertEquals(List.of(recent), store.audit().activities().list("user-a", new UserActivityRepository.Filter(
                null, null, null, null, null, "EXPORTED"), PageRequest.firstPage()).items());
        assertEquals(2, store.audit().activities().period("user-a", now.minus(Duration.ofDays(30)),
                now.plusSeconds(1), 100).size());
        assertEquals(1, store.unitOfWork().inTransaction(() -> store.audit().activities()
                .deleteBefore(now.minus(Duration.ofDays(1)))));
        assertTrue(store.audit().activities().find(old.activityId()).isEmpty());
    }

    private static UserActivity activity(String user, Instant at, String description) {
        return new UserActivity(UUID.randomUUID(), user, "w-1", at, "export", "items", "item", "lot-7", "export",
                description, JsonValue.of("x"), true, "10.0.0.1", "agent");
    }

    @Test
    void retentionRemovesWholeExpiredDaysAndSaysSo() {
        String basic = newOwner();
        String enterprise = newOwner();
        store.unitOfWork().inTransaction(() -> store.users().findById(enterprise).map(u -> store.users().update(
                u.administered(UserTier.ENTERPRISE, u.status(), false, null, clock.now()))));
        AuditUseCases audit = audit();
        record(audit, basic, "old.basic", AuditOutcome.SUCCESS);
        clock.advance(Duration.ofDays(1));
        record(audit, enterprise, "old.enterprise", AuditOutcome.SUCCESS);
        clock.advance(Duration.ofDays(40));
        record(audit, basic, "recent", AuditOutcome.SUCCESS);
        AuditRetention.Run run = audit.retention().run();
        assertEquals(List.of(LocalDate.parse("2025-06-01")), run.removedDays());
        assertEquals(1, run.removedRecords());
        List<String> left = all(AuditFilter.all(), 10).stream().map(AuditEvent::action).toList();
        assertEquals(List.of("audit.retention", "recent", "old.enterprise"), left,
                "the enterprise user's day is kept (365 days)");
        assertTrue(audit.verification().verify().intact());
        assertEquals(UserTier.BASIC, store.users().findById(basic).map(UserAccount::tier).orElseThrow());
    }

    @Test
    void retentionIsRecordedEvenWithAutomaticRecordsOff() {
        AuditUseCases on = audit();
        record(on, newOwner(), "old", AuditOutcome.SUCCESS);
        clock.advance(Duration.ofDays(40));
        AuditUseCases off = AuditUseCases.create(store.audit(), store.users()::findById, store.unitOfWork(), clock,
                false);
        assertEquals(1, off.retention().run().removedRecords());
        List<AuditEvent> left = all(AuditFilter.all(), 10);
        assertEquals(List.of("audit.retention"), left.stream().map(AuditEvent::action).toList());
        assertEquals(JsonValue.of(1), left.getFirst().details().get("removed_records").orElseThrow());
    }

    @Test
    void anonymousRecordsAreShardedByTheirClientAddress() {
        Set<Integer> shards = new java.util.TreeSet<>();
        for (int i = 0; i < 12; i++) {
            AuditEvent e = new AuditEvent(UUID.randomUUID(), clock.now(), null, null, null, AuditEventType.SECURITY,
                    "auth.sign_in", "session", null, AuditOutcome.FAILURE, AuditSeverity.MEDIUM, null,
                    new net.defarm.domain.audit.AuditOrigin("10.0.0." + i, null, null), null, null, false, null);
            shards.add(store.unitOfWork().inTransaction(() -> store.audit().events().append(e)).chain().shard());
        }
        assertTrue(shards.size() > 1, "twelve addresses, one chain: " + shards);
        assertTrue(audit().verification().verify().intact());
    }

    @Test
    void oneActorsConcurrentRequestsSpreadOverTheShards() {
        Set<Integer> shards = new java.util.TreeSet<>();
        for (int i = 0; i < 12; i++) {
            AuditEvent e = new AuditEvent(UUID.randomUUID(), clock.now(), "user-busy-machine", null, null,
                    AuditEventType.DATA, "circuit.push", "item", null, AuditOutcome.SUCCESS, AuditSeverity.LOW, null,
                    new net.defarm.domain.audit.AuditOrigin("10.0.0.9", null, "req-" + i), null, null, false, null);
            shards.add(store.unitOfWork().inTransaction(() -> store.audit().events().append(e)).chain().shard());
        }
        assertTrue(shards.size() > 1, "twelve requests of one actor, one chain: " + shards);
        assertTrue(audit().verification().verify().intact());
    }
}
