package net.defarm.domain.epcis;

import static net.defarm.domain.epcis.JsonFixtures.arr;
import static net.defarm.domain.epcis.JsonFixtures.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.defarm.domain.epcis.EpcisHashVectors.Vector;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The EPCIS Event Hash ID against our own test vectors ({@link EpcisHashVectors}): hand-written ObjectEvents whose
 * expected pre-hash strings were derived by hand from the rules in docs/epcis.md, and whose expected hashes were
 * computed outside Java with sha256sum. The implementation was also checked against the published examples of
 * the GS1 event-hash reference implementation by {@code infra/epcis/check-published-examples.sh}, run on a local
 * checkout; those examples are not copied into the project.
 */
class EpcisEventHashTest {

    static List<Vector> vectors() {
        return EpcisHashVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void preHashStringIsTheOneWrittenOutByHand(Vector v) {
        assertEquals(v.preHash(), EpcisEventHash.preHash(v.event(), EpcisHashVectors.PREFIXES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void hashIsTheSha256ComputedOutsideJava(Vector v) {
        assertEquals(v.hash(), EpcisEventHash.of(v.event(), EpcisHashVectors.PREFIXES));
    }

    @Test
    void listsInAnotherOrderGiveTheSameHash() {
        JsonObject sorted = EpcisHashVectors.UNORDERED.event()
                .with("epcList", arr("urn:defarm:dfid:DFID-20240701-000001-AAAA",
                        "urn:defarm:dfid:DFID-20240701-000002-BBBB", "urn:defarm:dfid:DFID-20240701-000003-CCCC"))
                .with("persistentDisposition", obj("set", arr("damaged", "needs_replacement"),
                        "unset", arr("conformant")))
                .with("bizTransactionList", arr(
                        obj("bizTransaction", "urn:epcglobal:cbv:bt:4012345000009:ASN-1", "type", "desadv"),
                        obj("bizTransaction", "urn:epcglobal:cbv:bt:4012345000009:PO-2", "type", "po")))
                .with("ex:tags", arr("alpha", "zeta"));
        assertEquals(EpcisHashVectors.UNORDERED.hash(), EpcisEventHash.of(sorted, EpcisHashVectors.PREFIXES));
    }

    @Test
    void theSameInstantWrittenInAnyOffsetGivesTheSameHash() {
        JsonObject event = EpcisHashVectors.TIME_ZONE.event();
        for (String sameInstant : List.of("2025-01-01T01:00:00Z", "2025-01-01T02:00:00.000+01:00",
                "2024-12-31T22:00:00.0001-03:00")) {
            assertEquals(EpcisHashVectors.TIME_ZONE.hash(),
                    EpcisEventHash.of(event.with("eventTime", JsonValue.of(sameInstant)), EpcisHashVectors.PREFIXES),
                    sameInstant);
        }
        assertNotEquals(EpcisHashVectors.TIME_ZONE.hash(), EpcisEventHash.of(
                event.with("eventTimeZoneOffset", JsonValue.of("+00:00")), EpcisHashVectors.PREFIXES));
    }

    @Test
    void anyValueChangeChangesTheHash() {
        Vector v = EpcisHashVectors.EXTENSIONS;
        assertNotEquals(v.hash(), EpcisEventHash.of(v.event().with("ex:inspector", JsonValue.of("x")),
                EpcisHashVectors.PREFIXES));
        assertNotEquals(v.hash(), EpcisEventHash.of(v.event().with("note", JsonValue.of("other")),
                EpcisHashVectors.PREFIXES));
    }

    @Test
    void sensorDataIsRefusedRatherThanHashedWrongly() {
        JsonObject withSensor = EpcisHashVectors.MINIMAL.event()
                .with("sensorElementList", arr(obj("sensorReport", arr(obj("type", "gs1:Temperature")))));
        assertThrows(IllegalArgumentException.class,
                () -> EpcisEventHash.of(withSensor, EpcisHashVectors.PREFIXES));
    }

    @Test
    void timesAreUtcMillisecondsWithTheFourthDecimalRounding() {
        assertEquals("2023-01-18T11:04:03.142Z", EpcisEventHash.utcMillis("2023-01-18T11:04:03.1415Z"));
        assertEquals("2023-01-18T11:04:03.141Z", EpcisEventHash.utcMillis("2023-01-18T11:04:03.1414999Z"));
        assertEquals("2022-02-17T02:33:31.000Z", EpcisEventHash.utcMillis("2022-02-16T20:33:31-06:00"));
        assertEquals("2020-01-01T00:00:00.000Z", EpcisEventHash.utcMillis("2019-12-31T23:59:59.9996Z"));
    }

    @Test
    void valuesAreCanonical() {
        assertEquals("1", EpcisEventHash.canonical("1.0"));
        assertEquals("0.3434", EpcisEventHash.canonical("0.343400"));
        assertEquals("https://ref.gs1.org/cbv/BizStep-receiving",
                EpcisEventHash.canonical("urn:epcglobal:cbv:bizstep:receiving"));
        assertEquals("https://id.gs1.org/01/10614141073464/21/2017",
                EpcisEventHash.canonical("urn:epc:id:sgtin:0614141.107346.2017"));
        assertEquals("https://id.gs1.org/00/106141412345678908",
                EpcisEventHash.canonical("urn:epc:id:sscc:0614141.1234567890"));
        assertEquals("https://id.gs1.org/414/0614141073467",
                EpcisEventHash.canonical("urn:epc:id:sgln:0614141.07346.0"));
        assertEquals("urn:defarm:dfid:DFID-20250101-000001-F7BD",
                EpcisEventHash.canonical("urn:defarm:dfid:DFID-20250101-000001-F7BD"));
    }
}
