package org.backfile.search.eval;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Usenet posts read straight from a tar.gz laid out as {@code split/group/number} (20 Newsgroups):
 * the header block up to the first blank line gives From and Subject, the rest is the body.
 */
final class NewsgroupPosts {

  /** One post; {@code id} is its path inside the archive. */
  record Post(String id, String group, String from, String subject, String body) {}

  private NewsgroupPosts() {}

  static List<Post> read(Path tarGz) throws IOException {
    List<Post> posts = new ArrayList<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(tarGz));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (!e.isFile()) continue;
        String[] parts = e.getName().split("/");
        if (parts.length < 2) continue;
        String text = new String(tar.readAllBytes(), StandardCharsets.ISO_8859_1);
        posts.add(parse(e.getName(), parts[parts.length - 2], text));
      }
    }
    return posts;
  }

  static Post parse(String id, String group, String text) {
    String t = text.replace("\r", "");
    int blank = t.indexOf("\n\n");
    String headers = blank < 0 ? t : t.substring(0, blank);
    String body = blank < 0 ? "" : t.substring(blank + 2).strip();
    String from = "", subject = "";
    for (String line : headers.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) continue;
      String name = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      if (name.equalsIgnoreCase("From")) from = value;
      else if (name.equalsIgnoreCase("Subject")) subject = value;
    }
    return new Post(id, group, from, subject, body);
  }
}
