package org.backfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DeferredTest {

  @Test
  void aCallWaitsUntilTheTargetIsReadyThenGoesToIt() throws Exception {
    CompletableFuture<Function<String, String>> target = new CompletableFuture<>();
    @SuppressWarnings("unchecked")
    Function<String, String> deferred = Deferred.of(Function.class, target);
    CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> deferred.apply("index"));
    Thread.sleep(50);
    assertFalse(answer.isDone(), "answered before the target was ready");
    target.complete(s -> s + " opened");
    assertEquals("index opened", answer.get(10, TimeUnit.SECONDS));
  }

  @Test
  void theTargetsOwnExceptionsComeThroughUnwrapped() {
    Function<String, String> failing = s -> {
      throw new IllegalArgumentException("bad " + s);
    };
    @SuppressWarnings("unchecked")
    Function<String, String> deferred = Deferred.of(Function.class, CompletableFuture.completedFuture(failing));
    assertEquals("bad query", assertThrows(IllegalArgumentException.class, () -> deferred.apply("query")).getMessage());
  }

  @Test
  void aTargetThatFailedToAppearFailsEveryCallWithItsReason() {
    @SuppressWarnings("unchecked")
    Function<String, String> deferred = Deferred.of(Function.class,
        CompletableFuture.failedFuture(new UncheckedIOException(new IOException("index unreadable"))));
    assertTrue(assertThrows(UncheckedIOException.class, () -> deferred.apply("x")).getMessage().contains("index unreadable"));
    assertTrue(deferred.toString().startsWith("Deferred"));
    assertEquals(deferred, deferred);
  }
}
