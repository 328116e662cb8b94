package net.defarm.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import net.defarm.adapters.http.fixture.LeakyHttpRoutes;
import net.defarm.adapters.http.fixture.RouteAroundTheDoor;
import net.defarm.application.events.EventRepository;
import net.defarm.application.shared.OutboundPort;
import net.defarm.application.shared.StoreHealth;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.fixture.LeakyDomainClass;
import org.junit.jupiter.api.Test;

/**
 * The hexagonal rules, checked over every production class of every module (only this module sees them all).
 * Modules already forbid most wrong dependencies at compile time; these rules catch the class-level ones.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("net.defarm");

    /** Domain: the JDK and the hashing library, nothing else; no I/O, no clock, no randomness. */
    static final ArchRule DOMAIN_IS_PURE = classes().that().resideInAPackage("net.defarm.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("net.defarm.domain..", "java.lang..",
                    "java.util..", "java.math..", "java.time..", "java.nio.charset..", "org.apache.commons.codec..")
            .as("the domain depends only on the JDK (no I/O) and a hashing library");

    static final ArchRule DOMAIN_READS_NO_CLOCK = noClasses().that().resideInAPackage("net.defarm.domain..")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(UUID.class, "randomUUID")
            .as("the domain is given time and ids, it never reads a clock or a random source");

    static final ArchRule APPLICATION_DEPENDS_ONLY_ON_DOMAIN = classes()
            .that().resideInAPackage("net.defarm.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("net.defarm.application..", "net.defarm.domain..",
                    "java..")
            .as("the application depends only on the domain and the JDK");

    /** The JSON codec is a shared library of adapters (it implements no port); every other adapter stands alone. */
    static final ArchRule ADAPTERS_ARE_INDEPENDENT = slices().matching("net.defarm.adapters.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(JavaClass.Predicates.resideInAPackage("net.defarm.adapters.."),
                    JavaClass.Predicates.resideInAPackage("net.defarm.adapters.json.."))
            .as("adapters do not depend on each other (except the shared JSON codec)");

    static final ArchRule ONLY_BOOTSTRAP_WIRES_ADAPTERS = noClasses()
            .that().resideOutsideOfPackages("net.defarm.adapters..", "net.defarm.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("net.defarm.adapters..")
            .as("only bootstrap knows concrete adapters");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("net.defarm.(*).(*)..").should().beFreeOfCycles();

    static final ArchRule OUTBOUND_PORTS_ARE_INTERFACES = classes().that().areAnnotatedWith(OutboundPort.class)
            .should().beInterfaces().andShould().resideInAPackage("net.defarm.application..");

    static final ArchRule USE_CASES_ARE_FINAL_APPLICATION_CLASSES = classes().that().areAnnotatedWith(UseCase.class)
            .should().resideInAPackage("net.defarm.application..")
            .andShould().haveModifier(JavaModifier.FINAL)
            .andShould().notBeInterfaces();

    static final ArchRule ADAPTERS_ARE_NAMED_AFTER_THEIR_PORT = classes()
            .that().resideOutsideOfPackage("net.defarm.application..")
            .should(new ArchCondition<JavaClass>("be named <Technology><Port> after the outbound port they implement") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    for (JavaClass port : item.getAllRawInterfaces()) {
                        if (port.isAnnotatedWith(OutboundPort.class)) {
                            boolean ok = item.getSimpleName().endsWith(port.getSimpleName())
                                    && !item.getSimpleName().equals(port.getSimpleName());
                            events.add(new SimpleConditionEvent(item, ok, item.getName() + " implements "
                                    + port.getSimpleName()));
                        }
                    }
                }
            });

    static final ArchRule HTTP_SERVICES_ARE_ROUTES = classes().that().implement(HttpService.class)
            .should().haveSimpleNameEndingWith("Routes")
            .andShould().resideInAPackage("net.defarm.adapters.http..");

    /** An outbound port, or a type declared inside one (its queries, keys and results). */
    static final DescribedPredicate<JavaClass> OUTBOUND_PORT_TYPE = new DescribedPredicate<>("an outbound port type") {
        @Override
        public boolean test(JavaClass c) {
            return c.isAnnotatedWith(OutboundPort.class)
                    || c.getEnclosingClass().map(this::test).orElse(false);
        }
    };

    /**
     * What the HTTP adapter may use of the application: use cases and the types declared inside them (commands,
     * results), the bundles that hand them over ({@code *UseCases}), the shared values of {@code application.shared}
     * (Actor, Page, PageRequest...), errors, and plain value records a use case takes (for example an event filter)
     * that hold no outbound port. Never an outbound port nor anything declared inside one.
     */
    static final DescribedPredicate<JavaClass> HTTP_MAY_USE = new DescribedPredicate<>(
            "use cases, their results, domain types or application.shared values, never an outbound port type") {
        @Override
        public boolean test(JavaClass c) {
            if (!c.getPackageName().startsWith("net.defarm.application")) {
                return true;
            }
            if (OUTBOUND_PORT_TYPE.test(c)) {
                return false;
            }
            return inUseCase(c)
                    || c.getPackageName().startsWith("net.defarm.application.shared")
                    || c.getSimpleName().endsWith("UseCases") && holdsNoPort(c)
                    || c.isAssignableTo(RuntimeException.class)
                    || c.isRecord() && c.getEnclosingClass().isEmpty() && holdsNoPort(c);
        }

        private boolean inUseCase(JavaClass c) {
            return c.isAnnotatedWith(UseCase.class) || c.getEnclosingClass().map(this::inUseCase).orElse(false);
        }

        private boolean holdsNoPort(JavaClass c) {
            return c.getFields().stream().noneMatch(f -> OUTBOUND_PORT_TYPE.test(f.getRawType()));
        }
    };

    static final ArchRule HTTP_USES_ONLY_USE_CASES = classes().that().resideInAPackage("net.defarm.adapters.http..")
            .should().onlyDependOnClassesThat(HTTP_MAY_USE)
            .as("the HTTP adapter depends only on use cases, domain types and application.shared values, never on "
                    + "an outbound port");

    private static final Set<String> ROUTE_METHODS = Set.of("get", "post", "put", "delete", "patch", "head",
            "options", "trace", "connect", "any", "route", "register");

    /**
     * Routes are registered only through the door (which authenticates and catalogues them): nothing outside it puts
     * a route or a service straight on the routing builder, where the route-enumeration test could not see it.
     */
    static final ArchRule ROUTES_ONLY_THROUGH_THE_DOOR = noClasses()
            .that().resideOutsideOfPackage("net.defarm.adapters.http.door..")
            .should().callMethodWhere(new DescribedPredicate<JavaMethodCall>(
                    "a route or service is registered on the raw HttpRouting.Builder") {
                @Override
                public boolean test(JavaMethodCall call) {
                    return call.getTargetOwner().isAssignableTo(HttpRouting.Builder.class)
                            && ROUTE_METHODS.contains(call.getName());
                }
            })
            .as("routes are registered only through the door");

    static final ArchRule NO_STATIC_MUTABLE_STATE = fields().that().areStatic()
            .should().beFinal().as("no static mutable state");

    static final ArchRule NO_SYNCHRONIZED_METHODS = methods().should().notHaveModifier(JavaModifier.SYNCHRONIZED)
            .as("no monitors: they serialize requests (and pinned virtual threads before JDK 24)");

    @Test
    void domainIsPure() {
        DOMAIN_IS_PURE.check(PRODUCTION);
        DOMAIN_READS_NO_CLOCK.check(PRODUCTION);
    }

    @Test
    void applicationDependsOnlyOnDomain() {
        APPLICATION_DEPENDS_ONLY_ON_DOMAIN.check(PRODUCTION);
    }

    @Test
    void adaptersAreIndependentAndOnlyBootstrapWiresThem() {
        ADAPTERS_ARE_INDEPENDENT.check(PRODUCTION);
        ONLY_BOOTSTRAP_WIRES_ADAPTERS.check(PRODUCTION);
    }

    @Test
    void noPackageCycles() {
        NO_PACKAGE_CYCLES.check(PRODUCTION);
    }

    @Test
    void namingOfPortsUseCasesAndAdapters() {
        OUTBOUND_PORTS_ARE_INTERFACES.check(PRODUCTION);
        USE_CASES_ARE_FINAL_APPLICATION_CLASSES.check(PRODUCTION);
        ADAPTERS_ARE_NAMED_AFTER_THEIR_PORT.check(PRODUCTION);
        HTTP_SERVICES_ARE_ROUTES.check(PRODUCTION);
    }

    @Test
    void httpGoesThroughUseCasesOnly() {
        HTTP_USES_ONLY_USE_CASES.check(PRODUCTION);
    }

    @Test
    void theHttpRuleRefusesAnHttpClassThatUsesOutboundPorts() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyHttpRoutes.class, EventRepository.class,
                EventRepository.EventQuery.class, StoreHealth.class, StoreHealth.Report.class);
        EvaluationResult result = HTTP_USES_ONLY_USE_CASES.evaluate(leaky);
        assertTrue(result.hasViolation(), "the rule must refuse the leaky fixture");
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains(EventRepository.EventQuery.class.getName()), report);
        assertTrue(report.contains(StoreHealth.class.getName()), report);
        assertFalse(HTTP_USES_ONLY_USE_CASES.evaluate(PRODUCTION).hasViolation());
    }

    @Test
    void routesAreRegisteredOnlyThroughTheDoor() {
        ROUTES_ONLY_THROUGH_THE_DOOR.check(PRODUCTION);
    }

    @Test
    void theDoorRuleRefusesARouteRegisteredAroundTheDoor() {
        JavaClasses around = new ClassFileImporter().importClasses(RouteAroundTheDoor.class);
        EvaluationResult result = ROUTES_ONLY_THROUGH_THE_DOOR.evaluate(around);
        assertTrue(result.hasViolation(), "the rule must refuse the fixture");
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains(RouteAroundTheDoor.class.getName()), report);
    }

    @Test
    void noStaticMutableStateNorMonitors() {
        NO_STATIC_MUTABLE_STATE.check(PRODUCTION);
        NO_SYNCHRONIZED_METHODS.check(PRODUCTION);
    }

    @Test
    void theDomainRuleRefusesADomainClassThatImportsHelidonOrJdbc() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyDomainClass.class);
        EvaluationResult result = DOMAIN_IS_PURE.evaluate(leaky);
        assertTrue(result.hasViolation(), "the rule must refuse the leaky fixture");
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains("io.helidon.webserver.http.ServerRequest"), report);
        assertTrue(report.contains("java.sql.Connection"), report);
        assertFalse(DOMAIN_IS_PURE.evaluate(PRODUCTION).hasViolation());
    }
}
