package net.defarm.bootstrap;

import java.time.Duration;
import java.util.List;

/** Test access to the package-private thresholds. */
public final class ThresholdsProbe {

    private ThresholdsProbe() {
    }

    public static List<String> evaluate(boolean holdsDataInMemory, long items, Duration startup) {
        return new Thresholds(holdsDataInMemory, () -> items, startup).evaluate();
    }
}
