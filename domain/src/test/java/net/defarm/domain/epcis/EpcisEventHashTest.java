package net.defarm.domain.epcis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonString;
import net.defarm.domain.shared.JsonValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The hash against the published examples of the EPCIS event-hash reference implementation (MIT licence, copied
 * unchanged into test resources with their expected hashes), and the normalisation rules one by one.
 */
class EpcisEventHashTest {

    @ParameterizedTest
    @ValueSource(strings = {"epcisDocWithSingleEvent", "ReferenceEventHashAlgorithm", "epcisDocHavingEventWithComment",
        "epcisDocWithCustomSchemaInContext", "epcisDocWithDefaultSchemaInContext",
        "epcisDocWithShippingAndTransportingEvent", "epcisQueryDocument", "persistentDisposition",
        "ralfsChaosExample"})
    void publishedExamplesHashAsExpected(String name) {
        JsonObject doc = JsonFixtures.object(JsonFixtures.resource("/epcis-hash-examples/" + name + ".jsonld"));
        List<String> expected = JsonFixtures.resource("/epcis-hash-examples/" + name + ".hashes").lines()
                .filter(l -> !l.isBlank()).toList();
        Map<String, String> prefixes = prefixes(doc);
        List<String> actual = new ArrayList<>();
        for (JsonValue event : events(doc)) {
            actual.add(EpcisEventHash.of((JsonObject) event, prefixes));
        }
        assertEquals(expected, actual, name);
    }

    static Map<String, String> prefixes(JsonObject doc) {
        Map<String, String> prefixes = new HashMap<>();
        if (doc.get("@context").orElse(null) instanceof JsonArray context) {
            for (JsonValue entry : context.values()) {
                if (entry instanceof JsonObject o) {
                    o.members().forEach((k, v) -> {
                        if (v instanceof JsonString s) {
                            prefixes.put(k, s.value());
                        }
                    });
                }
            }
        }
        return prefixes;
    }

    static List<JsonValue> events(JsonObject doc) {
        JsonObject body = (JsonObject) doc.get("epcisBody").orElseThrow();
        if (body.get("queryResults").orElse(null) instanceof JsonObject results) {
            body = (JsonObject) results.get("resultsBody").orElseThrow();
        }
        if (body.get("event").orElse(null) instanceof JsonObject single) {
            return List.of(single);
        }
        return ((JsonArray) body.get("eventList").orElseThrow()).values();
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

    @Test
    void fieldOrderAndListOrderDoNotMatterButValuesDo() {
        JsonObject a = JsonFixtures.object("""
                {"type":"ObjectEvent","eventTime":"2024-05-01T12:00:00.5+02:00","eventTimeZoneOffset":"+02:00",
                 "epcList":["urn:x:b","urn:x:a"],"action":"OBSERVE","bizStep":"inspecting",
                 "ex:note":{"b":"2","a":"1"}}""");
        JsonObject b = JsonFixtures.object("""
                {"ex:note":{"a":"1","b":"2"},"bizStep":"https://ref.gs1.org/cbv/BizStep-inspecting",
                 "action":"OBSERVE","epcList":["urn:x:a","urn:x:b"],"eventTimeZoneOffset":"+02:00",
                 "eventTime":"2024-05-01T10:00:00.500Z","type":"ObjectEvent","eventID":"anything"}""");
        Map<String, String> ns = Map.of("ex", "https://ns.example.com/");
        assertEquals("eventType=ObjectEventeventTime=2024-05-01T10:00:00.500ZeventTimeZoneOffset=+02:00"
                + "epcListepc=urn:x:aepc=urn:x:baction=OBSERVEbizStep=https://ref.gs1.org/cbv/BizStep-inspecting"
                + "{https://ns.example.com/}notea=1b=2", EpcisEventHash.preHash(a, ns));
        assertEquals(EpcisEventHash.of(a, ns), EpcisEventHash.of(b, ns));
        assertNotEquals(EpcisEventHash.of(a, ns), EpcisEventHash.of(a.with("ex:note", JsonValue.of("x")), ns));
    }
}
