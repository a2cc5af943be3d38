package org.backfile.ingest;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for {@link ExtractWorker} that misbehaves on request: a path containing "hang" never
 * gets an answer, "die" exits the JVM, anything else gets one article titled with the file name.
 */
final class HangingWorker {

  private HangingWorker() {}

  public static void main(String[] args) throws Exception {
    System.out.println(ExtractWorker.READY);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String path = ExtractWorker.GSON.fromJson(line, ExtractWorker.Request.class).path();
      if (path.contains("hang")) new CountDownLatch(1).await();
      if (path.contains("die")) System.exit(3);
      Article a = new Article(path, "id-" + path.hashCode(), path.substring(path.lastIndexOf('/') + 1), null, null,
          null, null, null, null, null, null, "body", "text/plain", null, null);
      System.out.println(ExtractWorker.GSON.toJson(new ExtractWorker.Response(List.of(a), null, null)));
    }
  }
}
