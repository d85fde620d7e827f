package dev.taskmanager.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The compiled module is the core's public face: it needs only the JDK and shows only the API. */
class ModuleDescriptorTest {

  private final ModuleDescriptor module = ModuleFinder.of(Path.of("target/classes"))
      .find("dev.taskmanager.core").orElseThrow().descriptor();

  @Test
  void requiresNothingButTheJdksBaseModule() {
    assertThat(module.requires().stream().map(Requires::name)).containsExactly("java.base");
  }

  @Test
  void exportsTheApiPackagesToEveryone() {
    assertThat(module.exports().stream().filter(export -> !export.isQualified()).map(Exports::source)
        .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            "dev.taskmanager.core.model",
            "dev.taskmanager.core.account",
            "dev.taskmanager.core.port",
            "dev.taskmanager.core.query",
            "dev.taskmanager.core.usecase",
            "dev.taskmanager.core.memory",
            "dev.taskmanager.core.failure",
            "dev.taskmanager.core.text");
    assertThat(module.opens()).isEmpty();
  }
}
