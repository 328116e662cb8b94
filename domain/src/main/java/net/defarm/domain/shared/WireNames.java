package net.defarm.domain.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Finds an enum constant by the name it has on the wire and in storage. */
public final class WireNames {

    private WireNames() {
    }

    /** The constant whose name is exactly {@code text}, if any. */
    public static <E> Optional<E> find(E[] constants, Function<E, String> name, String text) {
        for (E constant : constants) {
            if (name.apply(constant).equals(text)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** The constant whose name is {@code text} in any case, if any (none for {@code null}). */
    public static <E> Optional<E> findIgnoringCase(E[] constants, Function<E, String> name, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (E constant : constants) {
            if (name.apply(constant).toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /**
     * The constant whose name is exactly {@code text}. A stored name no constant has is a defect, not bad input:
     * {@code IllegalArgumentException("unknown <what>: <text>")}.
     */
    public static <E> E require(E[] constants, Function<E, String> name, String text, String what) {
        return find(constants, name, text).orElseThrow(() -> new IllegalArgumentException("unknown " + what + ": "
                + text));
    }
}
