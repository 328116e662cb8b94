package net.defarm.domain.delivery;

import net.defarm.domain.shared.WireNames;

/** How a webhook authenticates to its receiver, besides the signature every request carries. */
public enum WebhookAuthType {
    NONE("None"), BEARER_TOKEN("BearerToken"), API_KEY("ApiKey"), BASIC_AUTH("BasicAuth"),
    CUSTOM_HEADER("CustomHeader");

    private final String wireName;

    WebhookAuthType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Exact names; anything else (or nothing) is NONE. */
    public static WebhookAuthType parse(String value) {
        return WireNames.find(values(), WebhookAuthType::wireName, value).orElse(NONE);
    }
}
