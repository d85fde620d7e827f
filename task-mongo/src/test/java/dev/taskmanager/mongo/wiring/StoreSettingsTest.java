package dev.taskmanager.mongo.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

  @Test
  void defaultsToTheEmbeddedServerInDataWithShortTimeouts() {
    StoreSettings defaults = StoreSettings.defaults();

    assertThat(defaults.embedded()).isTrue();
    assertThat(defaults.database()).isEqualTo("TaskManager");
    assertThat(defaults.dataDir()).isEqualTo(Path.of("data"));
    assertThat(defaults.embeddedPort()).isZero();
    assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aBlankUriMeansTheEmbeddedServer() {
    assertThat(StoreSettings.defaults().withUri("  ").embedded()).isTrue();
    assertThat(StoreSettings.defaults().withUri("mongodb://db:27017").embedded()).isFalse();
  }

  @Test
  void checksTheUriByTheRulesEveryProgramUsesWithoutRepeatingIt() {
    assertThatThrownBy(() -> StoreSettings.defaults().withUri("http://admin:s3cret@db"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("TASK_MONGO_URI (--mongo-uri) does not start with mongodb://")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void checksTheDatabaseNameByTheRulesEveryProgramUses() {
    assertThatThrownBy(() -> StoreSettings.defaults().withDatabase("Task.Manager"))
        .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("TASK_DB (--db) is \"Task.Manager\"");
  }

  @Test
  void rejectsPortsAndTimeoutsOutOfRange() {
    assertThatThrownBy(() -> StoreSettings.defaults().withEmbeddedPort(70_000))
        .hasMessageStartingWith("embedded port: 70000 is out of range");
    assertThatThrownBy(() -> StoreSettings.defaults().withTimeouts(Duration.ZERO, null))
        .hasMessageStartingWith("connect timeout: PT0S is not positive");
  }
}
