package net.defarm.application.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A store a test class opens once and closes after its last test. Register it as a static
 * {@code @RegisterExtension} field; each test then asks it for an empty store.
 */
public interface ClassStore extends BeforeAllCallback, AfterAllCallback, AutoCloseable {

    ClassStore open();

    @Override
    void close();

    @Override
    default void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    default void afterAll(ExtensionContext context) {
        close();
    }
}
