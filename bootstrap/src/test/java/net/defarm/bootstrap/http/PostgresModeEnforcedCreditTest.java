package net.defarm.bootstrap.http;

class PostgresModeEnforcedCreditTest extends EnforcedCreditHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
