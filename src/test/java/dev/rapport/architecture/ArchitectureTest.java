package dev.rapport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The module rules of DEVELOPERS.md, kept true by the build. */
class ArchitectureTest {
    /** Code Spring AOT writes at `mvn package` (bean definitions, proxies): generated, not ours. */
    private static final ImportOption NOT_GENERATED = location -> !location.contains("__")
            && !location.contains("$$SpringCGLIB$$");
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(NOT_GENERATED)
            .importPackages("dev.rapport");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dev.rapport.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void controllersNeverTouchSql() {
        noClasses().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .or().resideInAPackage("dev.rapport.web..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                        "org.springframework.jdbc..")
                .check(CLASSES);
    }

    @Test
    void onlyTheEdgesDependOnTheEdges() {
        noClasses().that().resideOutsideOfPackages("dev.rapport.api..", "dev.rapport")
                .should().dependOnClassesThat().resideInAPackage("dev.rapport.api..")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackages("dev.rapport.cli..", "dev.rapport")
                .should().dependOnClassesThat().resideInAPackage("dev.rapport.cli..")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackages("dev.rapport.web..", "dev.rapport")
                .should().dependOnClassesThat().resideInAPackage("dev.rapport.web..")
                .check(CLASSES);
    }

    @Test
    void jdbcAdaptersStayPackagePrivate() {
        classes().that().haveSimpleNameStartingWith("Jdbc").and().haveSimpleNameEndingWith("Repository")
                .should().notBePublic().check(CLASSES);
    }

    @Test
    void sqlLivesOnlyInRepositoriesAndMigrations() {
        noClasses().that().haveSimpleNameNotStartingWith("Jdbc")
                .and().resideOutsideOfPackage("dev.rapport.shared..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
                .check(CLASSES);
    }

    @Test
    void timeComesFromTheInjectedClock() {
        noClasses().that().doNotHaveSimpleName("ClockConfig")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .check(CLASSES);
    }
}
