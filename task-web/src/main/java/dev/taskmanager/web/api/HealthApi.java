package dev.taskmanager.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmanager.core.model.TaskStoreException;
import dev.taskmanager.core.usecase.GetTaskStats;
import io.undertow.server.HttpServerExchange;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Health for orchestrators and proxies: {@code /health/live} (the process answers) and
 * {@code /health/ready} (the app has warmed up and the store answers; 503 when not, so a proxy
 * routes elsewhere).
 */
public final class HealthApi {

  private final ObjectMapper mapper;
  private final GetTaskStats getTaskStats;
  private final Readiness readiness;

  @Inject
  HealthApi(ObjectMapper mapper, GetTaskStats getTaskStats, Readiness readiness) {
    this.mapper = mapper;
    this.getTaskStats = getTaskStats;
    this.readiness = readiness;
  }

  /** {@code GET /health/live}. */
  public void live(HttpServerExchange exchange) throws Exception {
    JsonResponses.send(exchange, mapper, 200, Map.of("status", "up"));
  }

  /** {@code GET /health/ready}. */
  public void ready(HttpServerExchange exchange) throws Exception {
    if (!readiness.isWarm()) {
      JsonResponses.send(exchange, mapper, 503, Map.of("status", "starting", "detail", "the app is warming up"));
      return;
    }
    long count;
    try {
      count = getTaskStats.count();
    } catch (TaskStoreException down) {
      JsonResponses.send(exchange, mapper, 503, Map.of("status", "down", "detail", "the task store does not answer"));
      return;
    }
    JsonResponses.send(exchange, mapper, 200, Map.of("status", "up", "tasks", count));
  }
}
