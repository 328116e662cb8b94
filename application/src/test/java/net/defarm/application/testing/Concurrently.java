package net.defarm.application.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.defarm.domain.shared.DomainException;

/** Runs tasks on a few threads at once and counts how many went through and how many a rule refused. */
public final class Concurrently {

    /** Tasks that completed, and tasks refused with {@code refusal}. */
    public record Tally(int accepted, int refused) {
    }

    private Concurrently() {
    }

    /** Runs every task on {@code threads} threads; a refusal of type {@code refusal} is counted, anything else fails. */
    public static Tally run(int threads, List<Runnable> tasks, Class<? extends DomainException> refusal)
            throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Runnable task : tasks) {
                done.add(pool.submit(() -> {
                    try {
                        task.run();
                        accepted.incrementAndGet();
                    } catch (DomainException e) {
                        if (!refusal.isInstance(e)) {
                            throw e;
                        }
                        refused.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : done) {
                // Generous: the CPU is shared; a stuck task still ends the test.
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Tally(accepted.get(), refused.get());
    }
}
