package net.defarm.domain.epcis;

import java.util.Optional;

/**
 * GS1 keys as the EPCIS event hash needs them: the mod-10 check digit, and the conversion of the EPC URIs of the
 * common keys (SGTIN, SSCC, SGLN, PGLN) and of lot classes (LGTIN) into canonical GS1 Digital Link URIs. Other
 * EPC schemes are left as written.
 */
public final class Gs1Keys {

    public static final String DIGITAL_LINK = "https://id.gs1.org/";

    private Gs1Keys() {
    }

    /** The GS1 check digit of a string of digits (weights 3 and 1 alternating from the right). */
    public static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? d * 3 : d;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether {@code key} is {@code length} digits ending in the right check digit (a GTIN-14, an SSCC, a GLN). */
    public static boolean isValid(String key, int length) {
        return key != null && key.length() == length && key.chars().allMatch(c -> c >= '0' && c <= '9')
                && checkDigit(key.substring(0, length - 1)) == key.charAt(length - 1) - '0';
    }

    /** The canonical Digital Link of an EPC URI of a supported scheme; empty for anything else. */
    public static Optional<String> digitalLink(String epcUri) {
        String[] scheme = schemeAndParts(epcUri);
        if (scheme == null) {
            return Optional.empty();
        }
        String[] p = scheme[1].split("\\.", -1);
        return switch (scheme[0]) {
            case "id:sgtin" -> p.length == 3 ? gtin(p[0], p[1]).map(g -> DIGITAL_LINK + "01/" + g + "/21/" + p[2])
                    : Optional.empty();
            case "class:lgtin" -> p.length == 3 ? gtin(p[0], p[1]).map(g -> DIGITAL_LINK + "01/" + g + "/10/" + p[2])
                    : Optional.empty();
            case "id:sscc" -> p.length == 2 && digits(p[0] + p[1]) && p[1].length() >= 1
                    ? Optional.of(DIGITAL_LINK + "00/" + withCheck(p[1].charAt(0) + p[0] + p[1].substring(1)))
                    : Optional.empty();
            case "id:sgln" -> p.length == 3 && digits(p[0] + p[1])
                    ? Optional.of(DIGITAL_LINK + "414/" + withCheck(p[0] + p[1]) + (p[2].equals("0") ? ""
                    : "/254/" + p[2]))
                    : Optional.empty();
            case "id:pgln" -> p.length == 2 && digits(p[0] + p[1])
                    ? Optional.of(DIGITAL_LINK + "417/" + withCheck(p[0] + p[1])) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static String[] schemeAndParts(String uri) {
        for (String prefix : new String[] {"urn:epc:id:", "urn:epc:class:"}) {
            if (uri.startsWith(prefix)) {
                String rest = uri.substring(prefix.length());
                int colon = rest.indexOf(':');
                if (colon < 0) {
                    return null;
                }
                String kind = prefix.substring("urn:epc:".length()) + rest.substring(0, colon);
                return new String[] {kind, rest.substring(colon + 1)};
            }
        }
        return null;
    }

    /** Company prefix and indicator + item reference: the indicator digit leads the GTIN-14. */
    private static Optional<String> gtin(String companyPrefix, String indicatorAndItem) {
        if (indicatorAndItem.isEmpty() || !digits(companyPrefix + indicatorAndItem)
                || companyPrefix.length() + indicatorAndItem.length() != 13) {
            return Optional.empty();
        }
        return Optional.of(withCheck(indicatorAndItem.charAt(0) + companyPrefix + indicatorAndItem.substring(1)));
    }

    private static String withCheck(String digits) {
        return digits + checkDigit(digits);
    }

    private static boolean digits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
