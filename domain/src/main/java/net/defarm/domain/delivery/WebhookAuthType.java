package net.defarm.domain.delivery;

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
        for (WebhookAuthType t : values()) {
            if (t.wireName.equals(value)) {
                return t;
            }
        }
        return NONE;
    }
}
