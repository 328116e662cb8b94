package net.defarm.domain.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Identifiers, given/when/then cases 1-4 (docs/domain-rules.md). */
class IdentifierTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "sisbov, BR123456789012, true",
            "sisbov, 12345678901234, false",
            "sisbov, BR12345678901, false",
            "sisbov, BR12345678901A, false",
            "cpf, 123.456.789-01, true",
            "cpf, 12345678901, true",
            "cpf, 1234567890, false",
            "cpf, 11111111111, false",
            "cnpj, 12.345.678/0001-95, true",
            "cnpj, 00000000000000, false",
            "car, BR-MT-123, true",
            "car, BR-MT-12, false",
            "car, MT-1234567, false",
            "nirf, 1.234.567-8, true",
            "nirf, 1234567, false",
            "ie, 12345678, true",
            "ie, 1234567, false",
            "rfid, 0123456789, true",
            "rfid, 012345678, false",
            "brinco, anything, true"})
    void registryRules(String registry, String value, boolean valid) {
        assertEquals(valid, RegistryRules.isValid(registry, value));
        assertEquals(valid, Identifier.canonical("bovino", registry, value).isValid());
    }

    @Test
    void validationNeedsAKnownNamespaceAndNonBlankParts() {
        assertFalse(Identifier.canonical("invalid_namespace", "sisbov", "BR123456789012").isValid());
        assertTrue(Identifier.contextual("soja", "lote", "123").isValid());
        assertFalse(Identifier.contextual("soja", " ", "123").isValid());
        assertFalse(Identifier.contextual("soja", "lote", "").isValid());
    }

    @Test
    void uniqueKeyIsNamespaceKeyValue() {
        Identifier sisbov = Identifier.canonical("bovino", "sisbov", "BR123456789012");
        assertEquals("bovino:sisbov:BR123456789012", sisbov.uniqueKey());
        assertEquals("sisbov", sisbov.registry());
        assertTrue(sisbov.isCanonical());
        assertNull(Identifier.contextual("generic", "lote", "1").registry());
    }

    @Test
    void typeDetailsDoNotChangeWhatIsNamed() {
        Identifier user = Identifier.contextual("generic", "lote", "1", "user");
        Identifier org = Identifier.contextual("generic", "lote", "1", "organization");
        assertEquals(user.uniqueKey(), org.uniqueKey());
        assertFalse(user.equals(org), "structural equality still sees the scope");
    }
}
