package net.defarm.application.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an outbound port: something the use cases need from the outside world (storage, time, hashing, tokens).
 * Always an interface; adapters implement it and are named after it with their technology as prefix
 * ({@code PostgresItemRepository implements ItemRepository}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OutboundPort {
}
