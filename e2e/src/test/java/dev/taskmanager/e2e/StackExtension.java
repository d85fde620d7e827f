package dev.taskmanager.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link Stack} per test class, started before its first test and stopped after its last,
 * whatever happened in between; tests and lifecycle methods receive it as a parameter. Its files go
 * to {@code target/e2e/<test class>/}. A class marked {@link WithHttps} gets nginx with HTTPS; one
 * marked {@link OpenStack} gets a stack with no user yet (others act as its admin). Skips
 * the class when nginx (or, for HTTPS, openssl) is missing (fails it under {@code
 * TASK_E2E_REQUIRED=1}).
 */
final class StackExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    Required.nginx();
    Path dir = Path.of("target", "e2e", context.getRequiredTestClass().getSimpleName()).toAbsolutePath();
    deleteRecursively(dir);
    boolean https = context.getRequiredTestClass().isAnnotationPresent(WithHttps.class);
    if (https) {
      Required.openssl();
    }
    boolean open = context.getRequiredTestClass().isAnnotationPresent(OpenStack.class);
    context.getStore(NAMESPACE).put(Stack.class, Stack.start(repository(), dir, https, open));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Stack stack = context.getStore(NAMESPACE).remove(Stack.class, Stack.class);
    if (stack != null) {
      stack.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Stack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).get(Stack.class, Stack.class);
  }

  /** The checkout's root: failsafe says where it is; from an IDE it is the module's parent. */
  static Path repository() {
    return Path.of(System.getProperty("task.root", "..")).toAbsolutePath().normalize();
  }

  /** Deletes a test's directory left by an earlier run, so that no data carries over. */
  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException failed) {
      throw new UncheckedIOException("cannot clear " + dir, failed);
    }
  }
}
