package net.defarm.application.scenarios;

import net.defarm.application.storage.StoragePorts;
import net.defarm.application.testing.Fixture;
import org.junit.jupiter.api.BeforeEach;

/** A scenario suite over one store: every test gets a fresh store, from {@link #newStorage()}, and its use cases. */
public abstract class StoreScenarios {

    protected Fixture f;

    /** A new, empty store of the kind under test. */
    protected abstract StoragePorts newStorage();

    @BeforeEach
    void openStore() {
        f = new Fixture(newStorage());
    }
}
