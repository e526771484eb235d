package com.example.embedder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * This package plays an application outside the project that embeds the engine, the way README shows: it uses the
 * engine's public API only, never a class of an {@code internal} package (those may change at any release), and
 * the public API never makes it need one.
 */
class EmbedderArchitectureTest {

    private static final JavaClasses EMBEDDER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("com.example.embedder");

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.kydp.quiz");

    @Test
    void the_embedder_uses_no_internal_package_of_the_engine() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.kydp.quiz..internal..")
                .check(EMBEDDER);
    }

    @Test
    void no_public_method_of_the_api_takes_or_returns_an_internal_class() {
        methods().that().arePublic()
                .and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
                .should(exposeNoInternalClass())
                .check(ENGINE);
    }

    private static ArchCondition<JavaMethod> exposeNoInternalClass() {
        return new ArchCondition<>("take and return no class of an internal package") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                List<JavaClass> exposed = new ArrayList<>(method.getRawParameterTypes());
                exposed.add(method.getRawReturnType());
                for (JavaClass type : exposed) {
                    if (type.getPackageName().contains(".internal")) {
                        events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " exposes " + type.getName()));
                    }
                }
            }
        };
    }
}
