package org.backfile.ingest.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetadataMatchTest {

  @Test
  void softHyphensAreInvisibleOnEitherSide() {
    assertTrue(MetadataMatch.title("Genesenen\u00ad\u00adnachweise", "Genesenennachweise"));
    assertTrue(MetadataMatch.title("Genesenennachweise", "Genesenen\u00adnachweise"));
    assertFalse(MetadataMatch.title("Genesenen-nachweise", "Genesenennachweise"));
  }
}
