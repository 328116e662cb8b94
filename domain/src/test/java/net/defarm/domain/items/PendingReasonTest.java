package net.defarm.domain.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import net.defarm.domain.shared.JsonNull;
import net.defarm.domain.shared.JsonObject;
import org.junit.jupiter.api.Test;

/** Pending reasons (docs/domain-rules.md): detection order, priorities, review flags; cases 11-13 at domain level. */
class PendingReasonTest {

    private final Identifier lote = Identifier.contextual("generic", "lote", "1");

    @Test
    void noIdentifiersIsHighPriorityWithoutReview() {
        PendingReason r = PendingReason.detect(List.of(), null, Map.of()).orElseThrow();
        assertEquals("NoIdentifiers", r.describe());
        assertEquals(PendingPriority.HIGH, r.priority());
        assertFalse(r.requiresManualReview());
    }

    @Test
    void blankIdentifierIsInvalid() {
        PendingReason r = PendingReason.detect(List.of(Identifier.contextual("generic", "lote", " ")), null, Map.of())
                .orElseThrow();
        assertEquals("InvalidIdentifiers(\"Invalid identifier: lote: \")", r.describe());
        assertEquals(PendingPriority.NORMAL, r.priority());
    }

    @Test
    void identifierOnTwoItemsIsACriticalConflictWithSortedDfids() {
        PendingReason r = PendingReason.detect(List.of(lote), null,
                Map.of(lote.uniqueKey(), List.of("DFID-B", "DFID-A", "DFID-B"))).orElseThrow();
        PendingReason.ConflictingDfids c = assertInstanceOf(PendingReason.ConflictingDfids.class, r);
        assertEquals(List.of("DFID-A", "DFID-B"), c.conflictingDfids());
        assertEquals(PendingPriority.CRITICAL, r.priority());
        assertTrue(r.requiresManualReview());
        assertTrue(r.describe().startsWith("ConflictingDFIDs { identifier: Identifier { namespace: \"generic\""));
    }

    @Test
    void nullAttributeIsALowQualityIssue() {
        PendingReason r = PendingReason.detect(List.of(lote), JsonObject.of("x", JsonNull.INSTANCE), Map.of())
                .orElseThrow();
        assertEquals("DataQualityIssue { issue_type: \"null_value\", severity: Low, details: \"Null value for key: x\" }",
                r.describe());
        assertEquals(PendingPriority.LOW, r.priority());
        assertFalse(r.requiresManualReview());
    }

    @Test
    void cleanSubmissionHasNoReason() {
        assertTrue(PendingReason.detect(List.of(lote), JsonObject.EMPTY, Map.of(lote.uniqueKey(), List.of("D")))
                .isEmpty());
    }

    @Test
    void priorityRaisingSaturates() {
        assertEquals(PendingPriority.CRITICAL, PendingPriority.HIGH.raised());
        assertEquals(PendingPriority.CRITICAL, PendingPriority.CRITICAL.raised());
    }
}
