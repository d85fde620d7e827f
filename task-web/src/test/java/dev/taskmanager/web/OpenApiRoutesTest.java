package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmanager.web.RouteTable.Kind;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and the route table describe the same API: no route undocumented, none invented. */
class OpenApiRoutesTest {

  private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

  @Test
  void everyApiRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
    Set<String> served = TestServer.routeTable().routes().stream()
        .filter(route -> route.kind() == Kind.API)
        .map(route -> route.method() + " " + route.template())
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(documented()).isEqualTo(served);
  }

  @Test
  void onlyApiRoutesLiveUnderApiAndHealth() {
    for (RouteTable.Route route : TestServer.routeTable().routes()) {
      boolean machinePath = route.template().startsWith("/api/") || route.template().startsWith("/health/");
      assertThat(machinePath).describedAs(route.method() + " " + route.template()).isEqualTo(route.kind() == Kind.API);
    }
  }

  @Test
  void theDocumentIsOpenApi31WithEveryOperationNamed() throws Exception {
    JsonNode document = document();

    assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
    document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
      if (HTTP_METHODS.contains(operation.getKey())) {
        assertThat(operation.getValue().has("operationId")).describedAs(path.getKey()).isTrue();
        assertThat(operation.getValue().get("responses").size()).isPositive();
      }
    }));
  }

  private static Set<String> documented() throws Exception {
    Set<String> routes = new TreeSet<>();
    document().get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(key -> {
      if (HTTP_METHODS.contains(key)) {
        routes.add(key.toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }));
    return routes;
  }

  private static JsonNode document() throws Exception {
    try (InputStream in = OpenApiRoutesTest.class.getResourceAsStream("/api/openapi.json")) {
      return new ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
