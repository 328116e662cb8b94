package net.defarm.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Aa1!aaa|Password must be at least 8 characters long",
            "aa1!aaaa|Password must contain at least one uppercase letter",
            "AA1!AAAA|Password must contain at least one lowercase letter",
            "Aa!aaaaa|Password must contain at least one digit",
            "Aa1aaaaa|Password must contain at least one special character",
            "password|Password must contain at least one uppercase letter"})
    void reportsTheFirstBrokenRule(String password, String message) {
        assertEquals(message, PasswordPolicy.violation(password).orElseThrow());
    }

    @Test
    void acceptsAStrongPassword() {
        assertTrue(PasswordPolicy.violation("Str0ng!Pass").isEmpty());
    }
}
