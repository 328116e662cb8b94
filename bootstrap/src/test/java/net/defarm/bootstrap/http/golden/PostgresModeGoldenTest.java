package net.defarm.bootstrap.http.golden;

import net.defarm.bootstrap.http.StoreMode;

/** The same goldens as the memory mode's: both stores must answer every route alike. */
class PostgresModeGoldenTest extends GoldenHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
