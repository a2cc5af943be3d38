package org.backfile;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Data flows one way: files → ingest → index → search (and solr, beside it) → web | cli. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.backfile");
  }

  @Test
  void webAndCliNeverTouchLuceneOrTika() {
    noClasses().that().resideInAnyPackage("org.backfile.web..", "org.backfile.cli..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..", "org.apache.tika..")
        .check(classes);
  }

  @Test
  void onlyIngestImportsTika() {
    noClasses().that().resideOutsideOfPackage("org.backfile.ingest..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.tika..")
        .check(classes);
  }

  @Test
  void ingestDependsOnNothingDownstream() {
    noClasses().that().resideInAPackage("org.backfile.ingest..")
        .should().dependOnClassesThat().resideInAnyPackage("org.backfile.index..",
            "org.backfile.search..", "org.backfile.web..", "org.backfile.cli..")
        .check(classes);
  }

  @Test
  void indexDependsOnlyOnIngest() {
    noClasses().that().resideInAPackage("org.backfile.index..")
        .should().dependOnClassesThat().resideInAnyPackage("org.backfile.search..",
            "org.backfile.web..", "org.backfile.cli..")
        .check(classes);
  }

  @Test
  void searchDoesNotKnowItsCallers() {
    noClasses().that().resideInAPackage("org.backfile.search..")
        .should().dependOnClassesThat().resideInAnyPackage("org.backfile.web..", "org.backfile.cli..")
        .check(classes);
  }

  @Test
  void webDoesNotKnowTheCli() {
    noClasses().that().resideInAPackage("org.backfile.web..")
        .should().dependOnClassesThat().resideInAPackage("org.backfile.cli..")
        .check(classes);
  }

  @Test
  void theSolrBackendSitsBesideSearchAndKnowsNoCaller() {
    noClasses().that().resideInAPackage("org.backfile.solr..")
        .should().dependOnClassesThat().resideInAnyPackage("org.backfile.web..", "org.backfile.cli..")
        .check(classes);
    noClasses().that().resideInAnyPackage("org.backfile.ingest..", "org.backfile.index..", "org.backfile.search..")
        .should().dependOnClassesThat().resideInAPackage("org.backfile.solr..")
        .check(classes);
  }

  @Test
  void webTalksToTheSearchInterfaceNotTheLuceneBackend() {
    noClasses().that().resideInAPackage("org.backfile.web..")
        .should().dependOnClassesThat().haveSimpleName("LuceneArchiveSearch")
        .orShould().dependOnClassesThat().resideInAPackage("org.backfile.index..")
        .orShould().dependOnClassesThat().resideInAPackage("org.backfile.solr..")
        .check(classes);
  }
}
