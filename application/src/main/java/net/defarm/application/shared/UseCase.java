package net.defarm.application.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an inbound port: one thing a user can do (a command) or a coherent set of reads (a query). Adapters call
 * use cases, never repositories. Checked by the architecture tests in {@code bootstrap}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UseCase {
}
