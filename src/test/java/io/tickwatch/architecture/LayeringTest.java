package io.tickwatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of DESIGN.md §1: ui → live → store, receiver → ingest → store, nothing below
 * ui imports JavaFX, and only the composition root (App) and the launcher know everything.
 */
@AnalyzeClasses(packages = "io.tickwatch", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule onlyUiAndLauncherUseJavaFx = noClasses()
            .that().resideOutsideOfPackages("io.tickwatch.ui..")
            .and().doNotHaveFullyQualifiedName("io.tickwatch.Launcher")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..");

    @ArchTest
    static final ArchRule modelDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("io.tickwatch.model..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tickwatch.store..", "io.tickwatch.ingest..",
                    "io.tickwatch.receiver..", "io.tickwatch.live..", "io.tickwatch.ui..", "io.tickwatch.config..",
                    "io.tickwatch.cli..");

    @ArchTest
    static final ArchRule storeKnowsNoCallers = noClasses()
            .that().resideInAPackage("io.tickwatch.store..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tickwatch.ingest..", "io.tickwatch.receiver..",
                    "io.tickwatch.live..", "io.tickwatch.ui..", "io.tickwatch.cli..");

    @ArchTest
    static final ArchRule ingestKnowsNoReceiverOrUi = noClasses()
            .that().resideInAPackage("io.tickwatch.ingest..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tickwatch.receiver..", "io.tickwatch.live..",
                    "io.tickwatch.ui..", "io.tickwatch.cli..");

    @ArchTest
    static final ArchRule liveKnowsNoReceiverOrUi = noClasses()
            .that().resideInAPackage("io.tickwatch.live..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tickwatch.receiver..", "io.tickwatch.ui..",
                    "io.tickwatch.ingest..");

    @ArchTest
    static final ArchRule alertsReadTheStoreOnly = noClasses()
            .that().resideInAPackage("io.tickwatch.alerts..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tickwatch.receiver..", "io.tickwatch.ingest..",
                    "io.tickwatch.live..", "io.tickwatch.ui..", "io.tickwatch.cli..");

    @ArchTest
    static final ArchRule receiverDoesNotReachTheUi = noClasses()
            .that().resideInAPackage("io.tickwatch.receiver..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tickwatch.ui..", "io.tickwatch.live..");

    /** Demo traffic reaches the receiver the way a provider does, over HTTP, never through its classes. */
    @ArchTest
    static final ArchRule demoTalksToTheReceiverOnlyOverHttp = noClasses()
            .that().resideInAPackage("io.tickwatch.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tickwatch.receiver..", "io.tickwatch.ingest..",
                    "io.tickwatch.store..", "io.tickwatch.live..", "io.tickwatch.ui..", "io.tickwatch.cli..",
                    "io.tickwatch.config..");

    @ArchTest
    static final ArchRule exportKnowsOnlyTheStoreAndTheModel = noClasses()
            .that().resideInAPackage("io.tickwatch.export..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tickwatch.ui..", "io.tickwatch.live..",
                    "io.tickwatch.receiver..", "io.tickwatch.ingest..", "io.tickwatch.cli..");

    @ArchTest
    static final ArchRule onlyTheRootsBuildTheApp = classes()
            .that().haveFullyQualifiedName("io.tickwatch.App")
            .should().onlyBeAccessed().byClassesThat().resideInAnyPackage("io.tickwatch", "io.tickwatch.ui..");
}
