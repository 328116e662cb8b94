package net.defarm.domain.items;

/**
 * Format rules of the official registries a canonical identifier may name. These check shape only (length,
 * prefix, digits): the registries' check digits are not verified, as in the reference.
 */
public final class RegistryRules {

    private RegistryRules() {
    }

    public static boolean isValid(String registry, String value) {
        return switch (registry) {
            case "sisbov" -> value.length() == 14 && value.startsWith("BR") && allDigits(value.substring(2));
            case "cpf" -> documentNumber(value, 11);
            case "cnpj" -> documentNumber(value, 14);
            case "car" -> value.startsWith("BR-") && value.length() >= 9 && value.length() <= 44;
            case "nirf" -> digitsOf(value).length() >= 8;
            case "ie" -> value.length() >= 8;
            case "rfid" -> value.length() >= 10;
            default -> true;
        };
    }

    /** CPF and CNPJ: punctuation is ignored; the digits must have the exact length and not all be equal. */
    private static boolean documentNumber(String value, int length) {
        String digits = digitsOf(value);
        return digits.length() == length && digits.chars().distinct().count() > 1;
    }

    private static String digitsOf(String value) {
        StringBuilder digits = new StringBuilder();
        value.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
        return digits.toString();
    }

    private static boolean allDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
