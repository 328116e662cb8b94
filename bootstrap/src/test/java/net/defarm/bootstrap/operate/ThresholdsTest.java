package net.defarm.bootstrap.operate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import net.defarm.bootstrap.ThresholdsProbe;
import org.junit.jupiter.api.Test;

/** The design note's thresholds: items held in memory, start-up time (heap is checked on the live JVM). */
class ThresholdsTest {

    @Test
    void itemsHeldInMemoryOverFiftyThousandWarn() {
        List<String> crossed = ThresholdsProbe.evaluate(true, 50_001, Duration.ofSeconds(1));
        assertEquals(1, crossed.size(), crossed.toString());
        assertTrue(crossed.getFirst().contains("50001 items are held in memory"), crossed.getFirst());
        assertTrue(ThresholdsProbe.evaluate(true, 50_000, Duration.ofSeconds(1)).isEmpty(), "at the limit: no");
    }

    @Test
    void itemsInPostgresAreNotHeldInMemory() {
        assertTrue(ThresholdsProbe.evaluate(false, 5_000_000, Duration.ofSeconds(1)).isEmpty());
    }

    @Test
    void aStartUpOverThirtySecondsWarnsInEveryMode() {
        List<String> crossed = ThresholdsProbe.evaluate(false, 0, Duration.ofSeconds(31));
        assertEquals(1, crossed.size());
        assertTrue(crossed.getFirst().startsWith("start-up took 31000 ms"), crossed.getFirst());
    }
}
