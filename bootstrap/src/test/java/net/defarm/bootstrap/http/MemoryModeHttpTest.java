package net.defarm.bootstrap.http;

import net.defarm.bootstrap.ServiceSettings;

class MemoryModeHttpTest extends ServiceHttpTests {
    @Override
    protected ServiceSettings settings() {
        return TestSettings.memory();
    }
}
