package net.defarm.domain.epcis;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.defarm.domain.events.EventType;

/**
 * How DeFarm event types are written as EPCIS ObjectEvents (action and business step), and how business steps read
 * back. Types without a CBV equivalent use business-step URIs of our own namespace; docs/epcis.md has the table.
 */
public final class EpcisVocabulary {

    /** The EPCIS 2.0 JSON-LD context every document names first. */
    public static final String EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    /** Our namespace, declared in each document's @context under the prefix {@code defarm}. */
    public static final String NAMESPACE = "https://ns.defarm.net/epcis/";
    public static final String PREFIX = "defarm";
    /** The instance identifier of an item: {@code urn:defarm:dfid:<DFID>}. */
    public static final String DFID_URN = "urn:defarm:dfid:";
    public static final Map<String, String> PREFIXES = Map.of(PREFIX, NAMESPACE);

    private static final String CBV_BIZSTEP = "https://ref.gs1.org/cbv/BizStep-";
    private static final String URN_BIZSTEP = "urn:epcglobal:cbv:bizstep:";
    private static final String OWN_BIZSTEP = NAMESPACE + "bizstep/";

    /** The business steps of CBV 2.0, as bare words. */
    public static final Set<String> CBV_BIZSTEPS = Set.of("accepting", "arriving", "assembling", "collecting",
            "commissioning", "consigning", "creating_class_instance", "cycle_counting", "decommissioning",
            "departing", "destroying", "disassembling", "dispensing", "encoding", "entering_exiting", "holding",
            "inspecting", "installing", "killing", "loading", "other", "packing", "picking", "receiving", "removing",
            "repackaging", "repairing", "replacing", "reserving", "retail_selling", "sampling", "sensor_reporting",
            "shipping", "staging_outbound", "stock_taking", "stocking", "storing", "transporting", "unloading",
            "unpacking", "void_shipping");

    /** The action and business step an event type is exported with. */
    public record Step(String action, String bizStep) {
    }

    private EpcisVocabulary() {
    }

    public static Step stepOf(EventType type) {
        return switch (type) {
            case CREATED -> new Step("ADD", "commissioning");
            case ENRICHED, UPDATED -> new Step("OBSERVE", "inspecting");
            case PUSHED_TO_CIRCUIT -> new Step("OBSERVE", "shipping");
            case PULLED_FROM_CIRCUIT -> new Step("OBSERVE", "receiving");
            case MERGED -> new Step("OBSERVE", OWN_BIZSTEP + "merging");
            case SPLIT -> new Step("OBSERVE", OWN_BIZSTEP + "splitting");
            case STATUS_CHANGED -> new Step("OBSERVE", OWN_BIZSTEP + "status_changing");
        };
    }

    /**
     * A business step as a bare CBV word or one of our own URIs, from any of its spellings (bare word, CBV Web URI,
     * CBV URN, our URI); empty when it is none of those.
     */
    public static Optional<String> knownBizStep(String value) {
        String word = value.startsWith(CBV_BIZSTEP) ? value.substring(CBV_BIZSTEP.length())
                : value.startsWith(URN_BIZSTEP) ? value.substring(URN_BIZSTEP.length()) : value;
        if (CBV_BIZSTEPS.contains(word)) {
            return Optional.of(word);
        }
        for (EventType type : EventType.values()) {
            if (stepOf(type).bizStep().equals(value) && value.startsWith(OWN_BIZSTEP)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * The event type an imported event becomes when it does not name one ({@code defarm:eventType}): commissioning
     * (or an ADD without a step) is a creation, our own steps are their types, every other step an enrichment.
     */
    public static EventType typeOf(String knownBizStep, String action) {
        if (knownBizStep == null) {
            return action.equals("ADD") ? EventType.CREATED : EventType.ENRICHED;
        }
        for (EventType type : EventType.values()) {
            if (knownBizStep.startsWith(OWN_BIZSTEP) && stepOf(type).bizStep().equals(knownBizStep)) {
                return type;
            }
        }
        return knownBizStep.equals("commissioning") ? EventType.CREATED : EventType.ENRICHED;
    }
}
