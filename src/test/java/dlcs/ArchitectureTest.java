package dlcs;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture as rules on the compiled main classes: features depend on each other in one
 * direction only, and the pixel and file layers know nothing of the service above them.
 */
@AnalyzeClasses(packages = "dlcs", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noFeatureDependsOnAnotherInACycle = slices().matching("dlcs.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule commonImportsNoFeature = noClasses().that().resideInAPackage("dlcs.common..")
            .should().dependOnClassesThat(resideInAPackage("dlcs..").and(not(resideInAPackage("dlcs.common.."))));

    @ArchTest
    static final ArchRule imagingKnowsPixelsNotTheService = noClasses().that().resideInAPackage("dlcs.imaging..")
            .should().dependOnClassesThat(resideInAPackage("dlcs..")
                    .and(not(resideInAnyPackage("dlcs.imaging..", "dlcs.common.."))));

    @ArchTest
    static final ArchRule storageKnowsFilesNotTheService = noClasses().that().resideInAPackage("dlcs.storage..")
            .should().dependOnClassesThat(resideInAPackage("dlcs..")
                    .and(not(resideInAnyPackage("dlcs.storage..", "dlcs.common.."))));
}
