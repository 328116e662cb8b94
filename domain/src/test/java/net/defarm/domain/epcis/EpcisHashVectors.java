package net.defarm.domain.epcis;

import static net.defarm.domain.epcis.JsonFixtures.arr;
import static net.defarm.domain.epcis.JsonFixtures.num;
import static net.defarm.domain.epcis.JsonFixtures.obj;

import java.util.List;
import java.util.Map;
import net.defarm.domain.shared.JsonObject;

/**
 * Our own EPCIS 2.0 ObjectEvents with their pre-hash strings and event hash ids. Each pre-hash string was written
 * by hand from the rules in docs/epcis.md (field order, value normalisation, sorting), and each hash was computed
 * outside Java with {@code printf '%s' '<pre-hash>' | sha256sum}; neither was produced by the code under test.
 */
final class EpcisHashVectors {

    /** The CURIE prefixes the events' document would declare in its @context. */
    static final Map<String, String> PREFIXES = Map.of("ex", "https://ns.example.com/epcis/",
            "defarm", "https://ns.defarm.net/epcis/");

    record Vector(String name, JsonObject event, String preHash, String hash) {

        @Override
        public String toString() {
            return name;
        }
    }

    private EpcisHashVectors() {
    }

    /** Only the required fields; eventID, recordTime and errorDeclaration never take part. */
    static final Vector MINIMAL = new Vector("minimal",
            obj("type", "ObjectEvent", "eventTime", "2024-03-01T08:00:00Z", "eventTimeZoneOffset", "+00:00",
                    "epcList", arr("urn:defarm:dfid:DFID-20240301-000001-ABCD"), "action", "OBSERVE",
                    "eventID", "ni:///sha-256;0000?ver=CBV2.0", "recordTime", "2024-03-02T00:00:00Z",
                    "errorDeclaration", obj("declarationTime", "2024-03-03T00:00:00Z")),
            "eventType=ObjectEventeventTime=2024-03-01T08:00:00.000ZeventTimeZoneOffset=+00:00"
                    + "epcListepc=urn:defarm:dfid:DFID-20240301-000001-ABCDaction=OBSERVE",
            "ni:///sha-256;99b5bc0e6fcd85d2c1da0751e268be771e0943b173294df6645fbe3a1df3aa7c?ver=CBV2.0");

    /** Quantity (LGTIN class, 200.0 kg), ILMD, a business transaction, source and destination, both locations. */
    static final Vector COMMISSIONING = new Vector("quantity, ILMD, transaction, source and destination",
            obj("type", "ObjectEvent", "eventTime", "2024-03-01T10:15:30.250-03:00", "eventTimeZoneOffset", "-03:00",
                    "quantityList", arr(obj("epcClass", "urn:epc:class:lgtin:4012345.012345.998877",
                            "quantity", num("200.0"), "uom", "KGM")),
                    "action", "ADD", "bizStep", "commissioning", "disposition", "active",
                    "readPoint", obj("id", "urn:epc:id:sgln:4012345.00001.0"),
                    "bizLocation", obj("id", "urn:epc:id:sgln:4012345.00002.0"),
                    "bizTransactionList", arr(obj("type", "po",
                            "bizTransaction", "urn:epcglobal:cbv:bt:4012345000009:PO-4711")),
                    "sourceList", arr(obj("type", "owning_party", "source", "urn:epc:id:pgln:4012345.00000")),
                    "destinationList", arr(obj("type", "owning_party",
                            "destination", "urn:epc:id:pgln:0614141.00000")),
                    "ilmd", obj("ex:lot", "L-77", "ex:bestBefore", "2024-09-01")),
            "eventType=ObjectEventeventTime=2024-03-01T13:15:30.250ZeventTimeZoneOffset=-03:00"
                    + "quantityListquantityElementepcClass=https://id.gs1.org/01/04012345123456/10/998877"
                    + "quantity=200uom=KGMaction=ADDbizStep=https://ref.gs1.org/cbv/BizStep-commissioning"
                    + "disposition=https://ref.gs1.org/cbv/Disp-active"
                    + "readPointid=https://id.gs1.org/414/4012345000016"
                    + "bizLocationid=https://id.gs1.org/414/4012345000023"
                    + "bizTransactionListtype=https://ref.gs1.org/cbv/BTT-po"
                    + "bizTransaction=urn:epcglobal:cbv:bt:4012345000009:PO-4711"
                    + "destinationListtype=https://ref.gs1.org/cbv/SDT-owning_party"
                    + "destination=https://id.gs1.org/417/0614141000005"
                    + "ilmd{https://ns.example.com/epcis/}bestBefore=2024-09-01{https://ns.example.com/epcis/}lot=L-77"
                    + "sourceListtype=https://ref.gs1.org/cbv/SDT-owning_party"
                    + "source=https://id.gs1.org/417/4012345000009",
            "ni:///sha-256;bca649563ae2eea5a2f2c38285ca023ee0aee57a91e6e4c10517c2bb1a737b79?ver=CBV2.0");

    /** Extensions in two custom namespaces and none, nested and repeated, on the event and on the read point. */
    static final Vector EXTENSIONS = new Vector("custom-namespace extensions",
            obj("type", "ObjectEvent", "eventTime", "2024-06-15T12:00:00.000Z", "eventTimeZoneOffset", "+00:00",
                    "epcList", arr("urn:defarm:dfid:DFID-20240615-000002-1234"), "action", "OBSERVE",
                    "bizStep", "inspecting",
                    "readPoint", obj("id", "urn:epc:id:sgln:4012345.00001.0", "ex:shelf", "B7"),
                    "defarm:eventType", "Enriched",
                    "defarm:metadata", obj("weight_kg", num("412.50"), "farm", "Boa Vista", "tags", arr("b", "a")),
                    "ex:inspector", obj("ex:name", "R. Lima", "ex:badge", 17),
                    "note", "unprefixed", "rdfs:comment", "comments are left out"),
            "eventType=ObjectEventeventTime=2024-06-15T12:00:00.000ZeventTimeZoneOffset=+00:00"
                    + "epcListepc=urn:defarm:dfid:DFID-20240615-000002-1234action=OBSERVE"
                    + "bizStep=https://ref.gs1.org/cbv/BizStep-inspecting"
                    + "readPointid=https://id.gs1.org/414/4012345000016{https://ns.example.com/epcis/}shelf=B7"
                    + "note=unprefixed{https://ns.defarm.net/epcis/}eventType=Enriched"
                    + "{https://ns.defarm.net/epcis/}metadatafarm=Boa Vistatags=atags=bweight_kg=412.5"
                    + "{https://ns.example.com/epcis/}inspector{https://ns.example.com/epcis/}badge=17"
                    + "{https://ns.example.com/epcis/}name=R. Lima",
            "ni:///sha-256;248b42375311e0122544c69687240366807f68a1739637bf7dea73a39e318547?ver=CBV2.0");

    /** Every list out of order: EPCs, persistent dispositions, transactions, a repeated extension. */
    static final Vector UNORDERED = new Vector("unordered lists",
            obj("type", "ObjectEvent", "eventTime", "2024-07-01T00:00:00Z", "eventTimeZoneOffset", "+00:00",
                    "epcList", arr("urn:defarm:dfid:DFID-20240701-000003-CCCC",
                            "urn:defarm:dfid:DFID-20240701-000001-AAAA", "urn:defarm:dfid:DFID-20240701-000002-BBBB"),
                    "action", "OBSERVE", "bizStep", "shipping", "disposition", "in_transit",
                    "persistentDisposition", obj("unset", arr("conformant"),
                            "set", arr("needs_replacement", "damaged")),
                    "bizTransactionList", arr(
                            obj("type", "po", "bizTransaction", "urn:epcglobal:cbv:bt:4012345000009:PO-2"),
                            obj("type", "desadv", "bizTransaction", "urn:epcglobal:cbv:bt:4012345000009:ASN-1")),
                    "ex:tags", arr("zeta", "alpha")),
            "eventType=ObjectEventeventTime=2024-07-01T00:00:00.000ZeventTimeZoneOffset=+00:00"
                    + "epcListepc=urn:defarm:dfid:DFID-20240701-000001-AAAAepc=urn:defarm:dfid:DFID-20240701-000002-BBBB"
                    + "epc=urn:defarm:dfid:DFID-20240701-000003-CCCCaction=OBSERVE"
                    + "bizStep=https://ref.gs1.org/cbv/BizStep-shippingdisposition=https://ref.gs1.org/cbv/Disp-in_transit"
                    + "persistentDispositionset=https://ref.gs1.org/cbv/Disp-damaged"
                    + "set=https://ref.gs1.org/cbv/Disp-needs_replacementunset=https://ref.gs1.org/cbv/Disp-conformant"
                    + "bizTransactionListtype=https://ref.gs1.org/cbv/BTT-desadv"
                    + "bizTransaction=urn:epcglobal:cbv:bt:4012345000009:ASN-1type=https://ref.gs1.org/cbv/BTT-po"
                    + "bizTransaction=urn:epcglobal:cbv:bt:4012345000009:PO-2"
                    + "{https://ns.example.com/epcis/}tags=alpha{https://ns.example.com/epcis/}tags=zeta",
            "ni:///sha-256;b8b3f1c23edd4ac105283825d674710e936ca86cea0c3004dc8189b7664c5c25?ver=CBV2.0");

    /** A local time one hour behind UTC on new year's eve, whose fourth decimal rounds it into the next year. */
    static final Vector TIME_ZONE = new Vector("time zone offset and rounding",
            obj("type", "ObjectEvent", "eventTime", "2024-12-31T23:59:59.9996-01:00", "eventTimeZoneOffset", "-01:00",
                    "epcList", arr("urn:defarm:dfid:DFID-20241231-000005-EEEE"), "action", "OBSERVE"),
            "eventType=ObjectEventeventTime=2025-01-01T01:00:00.000ZeventTimeZoneOffset=-01:00"
                    + "epcListepc=urn:defarm:dfid:DFID-20241231-000005-EEEEaction=OBSERVE",
            "ni:///sha-256;af822079d749e606ca0754a6026bb1f0a6e998f01a2bc7ba87f1c9d6d9552739?ver=CBV2.0");

    /** EPC URNs (SGTIN, SSCC, SGLN with extension), a Digital Link with a query, URN and CURIE vocabulary. */
    static final Vector IDENTIFIERS = new Vector("GS1 Digital Links and EPC URNs",
            obj("type", "ObjectEvent", "eventTime", "2024-08-20T06:45:10.5+02:00", "eventTimeZoneOffset", "+02:00",
                    "epcList", arr("urn:epc:id:sgtin:0614141.107346.2017",
                            "https://id.gs1.org/01/09520123456788/21/ABC?linkType=gs1:pip",
                            "urn:epc:id:sscc:0614141.1234567890"),
                    "action", "OBSERVE", "bizStep", "urn:epcglobal:cbv:bizstep:receiving",
                    "disposition", "cbv:Disp-in_progress",
                    "readPoint", obj("id", "https://id.gs1.org/414/9520123456788"),
                    "bizLocation", obj("id", "urn:epc:id:sgln:0614141.00777.987")),
            "eventType=ObjectEventeventTime=2024-08-20T04:45:10.500ZeventTimeZoneOffset=+02:00"
                    + "epcListepc=https://id.gs1.org/00/106141412345678908"
                    + "epc=https://id.gs1.org/01/09520123456788/21/ABCepc=https://id.gs1.org/01/10614141073464/21/2017"
                    + "action=OBSERVEbizStep=https://ref.gs1.org/cbv/BizStep-receiving"
                    + "disposition=https://ref.gs1.org/cbv/Disp-in_progress"
                    + "readPointid=https://id.gs1.org/414/9520123456788"
                    + "bizLocationid=https://id.gs1.org/414/0614141007776/254/987",
            "ni:///sha-256;9369898178d59c83c4267fff65ff42d88c35591edaebf1e00e19857299fdfb2b?ver=CBV2.0");

    static List<Vector> all() {
        return List.of(MINIMAL, COMMISSIONING, EXTENSIONS, UNORDERED, TIME_ZONE, IDENTIFIERS);
    }
}
