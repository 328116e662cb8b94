package net.defarm.bootstrap.http.golden;

import net.defarm.bootstrap.http.StoreMode;

class MemoryModeGoldenTest extends GoldenHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
