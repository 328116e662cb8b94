package net.defarm.domain.epcis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.defarm.domain.events.EventType;
import net.defarm.domain.items.Identifier;
import org.junit.jupiter.api.Test;

class EpcisVocabularyTest {

    @Test
    void everyTypeHasAKnownStepAndOurOwnStepsReadBack() {
        for (EventType type : EventType.values()) {
            EpcisVocabulary.Step step = EpcisVocabulary.stepOf(type);
            String known = EpcisVocabulary.knownBizStep(step.bizStep()).orElseThrow();
            EventType back = EpcisVocabulary.typeOf(known, step.action());
            EventType expected = switch (type) {
                case CREATED, MERGED, SPLIT, STATUS_CHANGED -> type;
                default -> EventType.ENRICHED;
            };
            assertEquals(expected, back, type.wireName());
        }
    }

    @Test
    void businessStepsAreKnownInEverySpellingAndUnknownOnesAreNot() {
        assertEquals(Optional.of("shipping"), EpcisVocabulary.knownBizStep("https://ref.gs1.org/cbv/BizStep-shipping"));
        assertEquals(Optional.of("shipping"), EpcisVocabulary.knownBizStep("urn:epcglobal:cbv:bizstep:shipping"));
        assertEquals(Optional.empty(), EpcisVocabulary.knownBizStep("dancing"));
        assertEquals(Optional.empty(), EpcisVocabulary.knownBizStep("https://ns.defarm.net/epcis/bizstep/other"));
        assertEquals(EventType.CREATED, EpcisVocabulary.typeOf(null, "ADD"));
    }

    @Test
    void personalIdentifiersAreDroppedAndGs1KeysGetDigitalLinks() {
        Identifier cpf = Identifier.canonical("generic", "cpf", "529.982.247-25");
        Identifier sscc = Identifier.contextual("generic", "SSCC", "106141412345678908");
        assertEquals(List.of(sscc), EpcisDocuments.withoutPersonal(List.of(cpf, sscc)));
        assertEquals("https://id.gs1.org/00/106141412345678908", EpcisDocuments.digitalLink(sscc));
        assertEquals(null, EpcisDocuments.digitalLink(Identifier.contextual("generic", "sscc", "106141412345678907")));
        assertTrue(Gs1Keys.isValid("10614141073464", 14));
    }
}
