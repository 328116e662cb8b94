package net.defarm.domain.delivery;

import java.util.Locale;
import net.defarm.domain.shared.WireNames;

/** The HTTP method a webhook is called with. */
public enum WebhookMethod {
    POST("Post"), PUT("Put"), PATCH("Patch");

    private final String variantName;

    WebhookMethod(String variantName) {
        this.variantName = variantName;
    }

    public String variantName() {
        return variantName;
    }

    /** Case-insensitive; anything else (or nothing) is POST, as clients of the original expect. */
    public static WebhookMethod parse(String value) {
        if (value == null) {
            return POST;
        }
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "PUT" -> PUT;
            case "PATCH" -> PATCH;
            default -> POST;
        };
    }

    public static WebhookMethod fromVariantName(String value) {
        return WireNames.require(values(), WebhookMethod::variantName, value, "webhook method");
    }
}
