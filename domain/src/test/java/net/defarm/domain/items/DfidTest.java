package net.defarm.domain.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** DFIDs, their test vectors and cases 6-8 (docs/domain-rules.md). */
class DfidTest {

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource({
            "20240926, 1, DFID-20240926-000001-2488",
            "20240926, 2, DFID-20240926-000002-2489",
            "20251203, 1, DFID-20251203-000001-40BA",
            "20250101, 1, DFID-20250101-000001-F7BD",
            "20240101, 123456, DFID-20240101-123456-264D",
            "20251205, 42, DFID-20251205-000042-2186"})
    void formatsTheReferenceVectors(String date, long sequence, String expected) {
        assertEquals(expected, new Dfid(date, sequence).value());
        assertTrue(Dfid.isValid(expected));
    }

    @Test
    void issuesFromTheUtcDay() {
        assertEquals("DFID-20251203-000001-40BA", Dfid.issue(LocalDate.of(2025, 12, 3), 1).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "DFID", "DFID-20240926", "INVALID-20240926-000001-ABC", "DFID-2024926-000001-ABC",
            "DFID-20240926-1-ABC", "DFID-20240926-000001-2489", "DFID-20240926-000001-2488-X",
            "DFID-20240926-0000001-2488", "dfid-20240926-000001-2488", "DFID-20240926-000001-2488 "})
    void rejectsMalformedOrWrongChecksum(String candidate) {
        assertFalse(Dfid.isValid(candidate), candidate);
    }

    @Test
    void consecutiveSequencesDifferByOne() {
        Dfid first = Dfid.issue(LocalDate.of(2024, 9, 26), 1);
        Dfid second = Dfid.issue(LocalDate.of(2024, 9, 26), 2);
        assertNotEquals(first.value(), second.value());
        assertEquals(first.sequence() + 1, Dfid.parse(second.value()).orElseThrow().sequence());
    }

    @Test
    void sequencePast999999WidensAndStaysValid() {
        String wide = new Dfid("20260101", 1_000_000).value();
        assertTrue(wide.startsWith("DFID-20260101-1000000-"), wide);
        assertTrue(Dfid.isValid(wide));
        assertEquals(1_000_000, Dfid.parse(wide).orElseThrow().sequence());
    }

    @Test
    void exposesMetadataOfValidDfids() {
        Dfid dfid = Dfid.parse("DFID-20240101-123456-264D").orElseThrow();
        assertEquals(123456, dfid.sequence());
        assertEquals(LocalDate.of(2024, 1, 1), dfid.creationDate().orElseThrow());
        assertTrue(new Dfid("20241399", 1).creationDate().isEmpty(), "not a calendar date");
    }
}
