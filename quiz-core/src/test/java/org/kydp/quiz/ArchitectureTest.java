package org.kydp.quiz;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.kydp.quiz");

    @Test
    void the_core_knows_nothing_of_http_or_the_api() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..", "org.kydp.quiz.api..")
                .check(CORE);
    }

    @Test
    void the_model_is_pure() {
        noClasses().that().resideInAPackage("org.kydp.quiz.model..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.kydp.quiz.store..", "org.kydp.quiz.content..", "org.kydp.quiz.attempt..",
                        "com.fasterxml.jackson..", "org.jdbi..", "java.sql..")
                .check(CORE);
    }

    @Test
    void the_engine_logic_does_not_depend_on_store_adapters_or_json() {
        noClasses().that().resideInAnyPackage("org.kydp.quiz.attempt..", "org.kydp.quiz.scoring..",
                        "org.kydp.quiz.leaderboard..", "org.kydp.quiz.player..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.kydp.quiz.store.jdbc..", "com.fasterxml.jackson..", "org.jdbi..")
                .check(CORE);
    }

    @Test
    void only_the_jdbc_store_knows_sql_jdbi_and_the_database_libraries() {
        noClasses().that().resideOutsideOfPackage("org.kydp.quiz.store.jdbc..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "org.jdbi..", "com.zaxxer..", "org.flywaydb..",
                        "org.postgresql..", "org.h2..")
                .check(CORE);
    }

    /** An embedder chooses where the engine's messages go by choosing an SLF4J binding (README, "Logging"). */
    @Test
    void the_core_logs_through_slf4j_alone() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CORE);
        NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(CORE);
    }

    @Test
    void packages_have_no_cycles() {
        slices().matching("org.kydp.quiz.(*)..").should().beFreeOfCycles().check(CORE);
    }
}
