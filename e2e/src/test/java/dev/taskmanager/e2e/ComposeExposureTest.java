package dev.taskmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What {@code docker compose up} opens to the host: the proxy's port and nothing else, on loopback
 * unless the operator asks otherwise. MongoDB (no authentication inside the stack) and the web
 * replicas are reachable only on the stack's own network.
 */
class ComposeExposureTest {

  /** Compose's {@code ${NAME:-default}}: what a variable left unset in {@code .env} becomes. */
  private static final Pattern VARIABLE_WITH_DEFAULT = Pattern.compile("\\$\\{[A-Z0-9_]+:-([^}]*)}");

  private final JsonNode services = readCompose().path("services");

  @Test
  void onlyTheProxyPublishesAPort() {
    List<String> publishing = new ArrayList<>();
    for (Map.Entry<String, JsonNode> service : services.properties()) {
      if (service.getValue().has("ports")) {
        publishing.add(service.getKey());
      }
    }

    assertThat(publishing).containsExactly("proxy");
    assertThat(services.path("mongo").has("ports")).isFalse();
    assertThat(services.path("web").has("ports")).isFalse();
  }

  @Test
  void theProxyIsPublishedOnLoopbackByDefault() {
    JsonNode ports = services.path("proxy").path("ports");

    assertThat(ports).hasSize(2);
    assertThat(withDefaults(ports.get(0).asText())).describedAs("plain HTTP: host address:host port:container port")
        .isEqualTo("127.0.0.1:8080:8080");
    assertThat(withDefaults(ports.get(1).asText())).describedAs("HTTPS: host address:host port:container port")
        .isEqualTo("127.0.0.1:8443:8443");
  }

  @Test
  void noServiceSharesTheHostsNetworkOrRunsPrivileged() {
    for (Map.Entry<String, JsonNode> service : services.properties()) {
      JsonNode definition = service.getValue();
      assertThat(definition.path("network_mode").asText("")).describedAs(service.getKey()).isNotEqualTo("host");
      assertThat(definition.path("privileged").asBoolean(false)).describedAs(service.getKey()).isFalse();
    }
  }

  private static String withDefaults(String value) {
    Matcher variable = VARIABLE_WITH_DEFAULT.matcher(value);
    return variable.replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
  }

  private static JsonNode readCompose() {
    try {
      return new ObjectMapper(new YAMLFactory())
          .readTree(StackExtension.repository().resolve("docker-compose.yaml").toFile());
    } catch (IOException unreadable) {
      throw new AssertionError("cannot read docker-compose.yaml", unreadable);
    }
  }
}
