package net.defarm.bootstrap.http;

import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.bootstrap.ServiceSettings;

class PostgresModeHttpTest extends ServiceHttpTests {

    private TestDatabase database;

    @Override
    protected ServiceSettings settings() {
        database = TestDatabase.create();
        return TestSettings.postgres(database.jdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD);
    }

    @Override
    protected void release() {
        database.close();
    }
}
