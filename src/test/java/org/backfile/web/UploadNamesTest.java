package org.backfile.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UploadNamesTest {

  @ParameterizedTest
  @CsvSource({"story.html,story.html", "/var/www/story.html,story.html", "C:\\\\Users\\\\me\\\\story.html,story.html",
      "dir/,upload", "'',upload", "., upload", "a/./b.txt,b.txt", "'stor\ty.html',story.html"})
  void keepsOnlyTheFileName(String submitted, String expected) {
    assertEquals(expected, UploadNames.sanitise(submitted));
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "../a.html", "a/../b.html", "..\\\\a.html", "a/ .. /b"})
  void refusesNamesThatClimbOutOfTheirFolder(String submitted) {
    HttpError e = assertThrows(HttpError.class, () -> UploadNames.sanitise(submitted));
    assertEquals(400, e.status());
  }

  @org.junit.jupiter.api.Test
  void theSameBytesUnderTheSameNameHaveTheSameSource() {
    byte[] a = "same".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(UploadNames.uploadSource(a, "x.txt"), UploadNames.uploadSource(a.clone(), "x.txt"));
    assertTrue(UploadNames.uploadSource(a, "x.txt").matches("upload:[0-9a-f]{64}/x\\.txt"));
  }
}
