package org.backfile.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An interface whose calls wait for the object behind it, which is still being made: the server
 * starts Jetty while the index opens, and a request that arrives first waits for the index
 * instead of being refused. A proxy rather than a delegating class per interface: every call is
 * forwarded the same way, and the interfaces grow.
 */
final class Deferred {

  private Deferred() {}

  static <T> T of(Class<T> type, CompletableFuture<? extends T> target) {
    Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> self == args[0];
          case "hashCode" -> System.identityHashCode(self);
          default -> "Deferred " + type.getSimpleName();
        };
      }
      T ready;
      try {
        ready = target.join();
      } catch (CompletionException e) {
        throw e.getCause();
      }
      try {
        return method.invoke(ready, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
    return type.cast(proxy);
  }
}
