package net.defarm.domain.shared;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A JSON number held in its canonical text: integers as written, floating point numbers in the shortest
 * round-trip form with the reference's layout ({@code 1.0}, {@code 0.5}, {@code 1e21}). Two numbers are equal
 * when their canonical texts are equal, so {@code 1} and {@code 1.0} differ, as they did in the reference.
 */
public record JsonNumber(String canonical) implements JsonValue {

    private static final BigInteger U64_MAX = new BigInteger("18446744073709551615");
    private static final BigInteger I64_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    public JsonNumber {
        if (canonical == null || canonical.isEmpty()) {
            throw new IllegalArgumentException("empty number");
        }
    }

    public static JsonNumber of(long value) {
        return new JsonNumber(Long.toString(value));
    }

    /** An integer; beyond the 64-bit range the reference read integers as doubles, and so do we. */
    public static JsonNumber of(BigInteger value) {
        if (value.compareTo(I64_MIN) >= 0 && value.compareTo(U64_MAX) <= 0) {
            return new JsonNumber(value.toString());
        }
        return of(value.doubleValue());
    }

    public static JsonNumber of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no NaN or infinity");
        }
        return new JsonNumber(formatDouble(value));
    }

    public boolean isIntegral() {
        return canonical.indexOf('.') < 0 && canonical.indexOf('e') < 0;
    }

    public BigDecimal toBigDecimal() {
        return new BigDecimal(canonical);
    }

    /**
     * Formats a double like the reference's JSON writer (ryu): shortest digits, decimal notation while the
     * decimal exponent stays within [-5, 16], scientific ({@code 1.5e-7}) outside, and {@code .0} on integers.
     */
    static String formatDouble(double value) {
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        // Double.toString gives the shortest round-trip digits on JDK 19+; BigDecimal splits digits and exponent.
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int length = digits.length();
        int k = -shortest.scale();          // value = digits * 10^k
        int kk = length + k;                // 10^(kk-1) <= value < 10^kk
        StringBuilder out = new StringBuilder(value < 0 ? "-" : "");
        if (k >= 0 && kk <= 16) {
            out.append(digits).append("0".repeat(k)).append(".0");
        } else if (kk > 0 && kk <= 16) {
            out.append(digits, 0, kk).append('.').append(digits, kk, length);
        } else if (kk > -5 && kk <= 0) {
            out.append("0.").append("0".repeat(-kk)).append(digits);
        } else if (length == 1) {
            out.append(digits).append('e').append(kk - 1);
        } else {
            out.append(digits.charAt(0)).append('.').append(digits, 1, length).append('e').append(kk - 1);
        }
        return out.toString();
    }
}
