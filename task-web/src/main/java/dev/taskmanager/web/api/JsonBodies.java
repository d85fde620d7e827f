package dev.taskmanager.web.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.model.TaskRules;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.text.Excerpts;
import dev.taskmanager.core.text.JsonKind;
import dev.taskmanager.web.http.HttpException;
import dev.taskmanager.web.http.RequestBodies;
import io.undertow.server.HttpServerExchange;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JSON request bodies into the core's text input, so the API reports the same messages as
 * the page. The rules of the JSON shape:
 *
 * <ul>
 *   <li>the body is one JSON object in UTF-8 with {@code Content-Type: application/json};
 *   <li>{@code title} and {@code shortdesc} are strings; {@code priority} is a JSON integer (a
 *       string of digits is refused: a client that sends one has a bug worth seeing); {@code due} is
 *       a string {@code "YYYY-MM-DD"}; {@code tags} an array of strings; {@code done} a boolean;
 *   <li>{@code null} counts as absent: on create the default, on update unchanged; except for
 *       {@code due} and {@code tags}, which it removes on update, as in a JSON merge patch;
 *   <li>the times ({@code done_at}, {@code created_at}, {@code updated_at}) and the authors
 *       ({@code created_by}, {@code updated_by}: the caller) are the server's: a body that sets one
 *       is refused, naming {@code done} as the way to complete a task;
 *   <li>unknown fields are refused with a 400 naming them, so a typo is never silently dropped;
 *   <li>a field given twice, and anything that is not valid JSON, is a 400.
 * </ul>
 *
 * Values are data, never queries: {@code {"title": {"$gt": ""}}} is refused as not a string.
 */
public final class JsonBodies {

  static final Set<String> TASK_FIELDS = Set.of(TaskRules.TITLE, TaskRules.SHORTDESC, TaskRules.PRIORITY,
      TaskRules.DUE, TaskRules.TAGS, TaskRules.DONE);
  private static final Set<String> SERVER_FIELDS = Set.of(TaskRules.ID, TaskInput.DONE_AT, TaskInput.CREATED_AT,
      TaskInput.UPDATED_AT, TaskInput.CREATED_BY, TaskInput.UPDATED_BY);
  private static final String FIELDS_ACCEPTED = "title, shortdesc, priority, due, tags, done";
  private static final String DUE_ACCEPTED = "a JSON string \"YYYY-MM-DD\", or null for none";
  private static final String TAGS_ACCEPTED = "a JSON array of up to " + TaskRules.MAX_TAGS + " strings, or null for none";
  private static final String JSON = "application/json";
  private static final Pattern QUOTED = Pattern.compile("[\"'](.{1,60}?)[\"']");

  private final ObjectMapper mapper;

  public JsonBodies(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The mapper the API reads and writes with: strict reading, bounded nesting. */
  public static ObjectMapper newMapper() {
    JsonFactory factory = JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
        .build();
    return new ObjectMapper(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
  }

  /** The body as a JSON object; 415, 413 or 400 otherwise. */
  ObjectNode readObject(HttpServerExchange exchange, Set<String> mediaTypes) {
    String mediaType = RequestBodies.mediaType(exchange, JSON);
    if (!mediaTypes.contains(mediaType)) {
      throw HttpException.unsupportedMediaType(JSON);
    }
    String text = RequestBodies.readUtf8(exchange);
    if (text.isBlank()) {
      throw HttpException.malformed("The request body is empty; send a JSON object.");
    }
    JsonNode node;
    try {
      node = mapper.readTree(text);
    } catch (JsonProcessingException invalid) {
      throw HttpException.malformed(describe(invalid));
    }
    if (node == null || !node.isObject()) {
      throw HttpException.malformed("The request body is " + kind(node) + "; send a JSON object.");
    }
    return (ObjectNode) node;
  }

  /**
   * A violation for each field of the body that is not one of {@code known}, such as {@code the_id
   * is not a field of a reset}, so that a typo is refused, never dropped.
   */
  static List<Violation> unknownFields(ObjectNode body, Set<String> known, String of, String accepted) {
    List<Violation> problems = new ArrayList<>();
    body.fieldNames().forEachRemaining(name -> {
      if (!known.contains(name)) {
        problems.add(new Violation(Excerpts.oneLine(name), "is not a field of a " + of, accepted));
      }
    });
    return problems;
  }

  /**
   * The task fields of a JSON object as text for the core, with the problems of the JSON's shape
   * (unknown fields, wrong types): a wrongly typed field is passed on as absent, and the core
   * reports the shape's problem for it rather than its own ({@link TaskInput}).
   */
  static TaskInput taskInput(ObjectNode body) {
    List<Violation> shapeProblems = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (SERVER_FIELDS.contains(name)) {
        shapeProblems.add(new Violation(name, "is set by the server", FIELDS_ACCEPTED
            + "; done: true completes a task and stamps done_at"));
      } else if (!TASK_FIELDS.contains(name)) {
        shapeProblems.add(new Violation(Excerpts.oneLine(name), "is not a field of a task", FIELDS_ACCEPTED));
      }
    }
    String title = string(body, "title", "a JSON string of 1 to " + TaskRules.TITLE_MAX_LENGTH + " characters",
        shapeProblems);
    String shortdesc = string(body, "shortdesc", "a JSON string of up to " + TaskRules.SHORTDESC_MAX_LENGTH
        + " characters", shapeProblems);
    String priority = integer(body, "priority", shapeProblems);
    return new TaskInput(title, shortdesc, priority, List.of())
        .withDue(due(body, shapeProblems))
        .withTags(tags(body, shapeProblems))
        .withDone(bool(body, TaskRules.DONE, shapeProblems))
        .withShapeProblems(shapeProblems);
  }

  /** {@code null} when absent, empty (none) when {@code null}, else the string. */
  private static String due(ObjectNode body, List<Violation> problems) {
    JsonNode value = body.get(TaskRules.DUE);
    if (value == null) {
      return null;
    }
    if (value.isNull()) {
      return "";
    }
    if (!value.isTextual()) {
      problems.add(new Violation(TaskRules.DUE, "is " + kind(value) + ", not a string", DUE_ACCEPTED));
      return null;
    }
    return value.textValue();
  }

  /** {@code null} when absent, empty when {@code null}, else the strings. */
  private static List<String> tags(ObjectNode body, List<Violation> problems) {
    JsonNode value = body.get(TaskRules.TAGS);
    if (value == null) {
      return null;
    }
    if (value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      problems.add(new Violation(TaskRules.TAGS, "is " + kind(value) + ", not an array", TAGS_ACCEPTED));
      return null;
    }
    List<String> tags = new ArrayList<>(value.size());
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        problems.add(new Violation(TaskRules.TAGS, "holds " + kind(element) + ", not a string", TAGS_ACCEPTED));
        return null;
      }
      tags.add(element.textValue());
    }
    return tags;
  }

  private static String bool(ObjectNode body, String field, List<Violation> problems) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      problems.add(new Violation(field, "is " + kind(value) + ", not a boolean", "true or false"));
      return null;
    }
    return String.valueOf(value.booleanValue());
  }

  private static String string(ObjectNode body, String field, String accepted, List<Violation> problems) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      problems.add(new Violation(field, "is " + kind(value) + ", not a string", accepted));
      return null;
    }
    return value.textValue();
  }

  private static String integer(ObjectNode body, String field, List<Violation> problems) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber()) {
      // As text, so the core says "1001 is out of range" exactly as it does for the form.
      return value.bigIntegerValue().toString();
    }
    String accepted = "a JSON integer from " + TaskRules.PRIORITY_MIN + " to " + TaskRules.PRIORITY_MAX
        + " (null or absent means " + TaskRules.DEFAULT_PRIORITY + " on create)";
    problems.add(new Violation(field, value.isNumber() ? value.asText() + " is not a whole number"
        : "is " + kind(value) + ", not a number", accepted));
    return null;
  }

  /** The value in a message's words: {@code a JSON array}. */
  static String kind(JsonNode node) {
    JsonNodeType type = node == null ? JsonNodeType.MISSING : node.getNodeType();
    switch (type) {
      case ARRAY:
        return JsonKind.ARRAY.words();
      case OBJECT:
        return JsonKind.OBJECT.words();
      case STRING:
        return JsonKind.STRING.words();
      case NUMBER:
        return JsonKind.NUMBER.words();
      case BOOLEAN:
        return JsonKind.BOOLEAN.words();
      case NULL:
        return JsonKind.NULL.words();
      default:
        // MISSING; BINARY and POJO never come from parsing text.
        return JsonKind.NOTHING.words();
    }
  }

  /** A message for a person: where the JSON broke, without parser internals or class names. */
  private static String describe(JsonProcessingException invalid) {
    String original = String.valueOf(invalid.getOriginalMessage());
    if (invalid instanceof JsonParseException && original.startsWith("Duplicate")) {
      Matcher name = QUOTED.matcher(original);
      return "The request body gives the field " + (name.find() ? "\"" + name.group(1) + "\" " : "")
          + "more than once; give each field once.";
    }
    if (invalid.getLocation() != null && invalid.getLocation().getLineNr() > 0) {
      return "The request body is not valid JSON (at line " + invalid.getLocation().getLineNr() + ", column "
          + invalid.getLocation().getColumnNr() + "); check quotes, commas and brackets.";
    }
    return "The request body is not valid JSON; check quotes, commas and brackets.";
  }
}
