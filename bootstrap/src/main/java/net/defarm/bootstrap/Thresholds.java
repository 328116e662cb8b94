package net.defarm.bootstrap;

import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The design note's signals that data held in process memory has outgrown it: more than 50,000 items held in
 * memory, a start-up over 30 s, more than 2 GB of heap for the data. Each one crossed is logged once, as a
 * warning, and listed in the readiness details for as long as it holds.
 */
final class Thresholds {

    static final long ITEMS_IN_MEMORY = 50_000;
    static final Duration STARTUP = Duration.ofSeconds(30);
    static final long HEAP_FOR_DATA = 2L * 1024 * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(Thresholds.class.getName());

    private final boolean holdsDataInMemory;
    private final LongSupplier storedItems;
    private final Duration startup;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    Thresholds(boolean holdsDataInMemory, LongSupplier storedItems, Duration startup) {
        this.holdsDataInMemory = holdsDataInMemory;
        this.storedItems = storedItems;
        this.startup = startup;
    }

    /** The thresholds crossed now; newly crossed ones are logged. */
    List<String> evaluate() {
        List<String> crossed = new ArrayList<>();
        if (startup.compareTo(STARTUP) > 0) {
            crossed.add(warn("startup", "start-up took " + startup.toMillis() + " ms (threshold " + STARTUP.toSeconds()
                    + " s): consider the postgres storage mode, which does not load data at start"));
        }
        if (holdsDataInMemory) {
            long items = storedItems.getAsLong();
            if (items > ITEMS_IN_MEMORY) {
                crossed.add(warn("items", items + " items are held in memory (threshold " + ITEMS_IN_MEMORY
                        + "): consider the postgres storage mode"));
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (heap > HEAP_FOR_DATA) {
                crossed.add(warn("memory", (heap >> 20) + " MiB of heap in use with the data held in memory "
                        + "(threshold " + (HEAP_FOR_DATA >> 20) + " MiB): consider the postgres storage mode"));
            }
        }
        return crossed;
    }

    private String warn(String key, String message) {
        if (logged.add(key)) {
            LOG.log(Level.WARNING, message);
        }
        return message;
    }
}
