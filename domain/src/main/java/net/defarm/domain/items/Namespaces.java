package net.defarm.domain.items;

import java.util.Set;

/** The value chains an identifier may belong to (exact, case-sensitive). */
public final class Namespaces {

    public static final String GENERIC = "generic";
    public static final Set<String> ALL =
            Set.of("bovino", "aves", "suino", "soja", "milho", "algodao", "cafe", "leite", GENERIC);

    private Namespaces() {
    }

    public static boolean isKnown(String namespace) {
        return ALL.contains(namespace);
    }
}
