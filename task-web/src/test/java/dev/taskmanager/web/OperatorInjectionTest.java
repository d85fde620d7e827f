package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MongoDB operators sent as JSON values, JSON field names, form field names or query parameters
 * are refused (400) or kept as literal text, never run as a query or an update. Checked on the
 * default deployment, the real adapter on the embedded MongoDB-wire server, by reading the stored
 * documents themselves.
 */
class OperatorInjectionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Titles full of regular-expression syntax, and plain titles a pattern read as such would match. */
  private static final List<String> TITLES = List.of("Alpha", "a.c", "abc", "a+c", "aac", "(x)", "x", "[ab]", "a",
      "^start", "start", "end$", "end", "back\\slash", "back", "q\\Eq", "\\Q\\E", "a|b", "b", "?", "*", "{2}",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "$where", "{\"$gt\": \"\"}");

  @TempDir
  static Path dataDir;
  private static TestServer server;
  private static MongoClient mongo;
  private static MongoCollection<Document> tasks;
  private static int requests;

  @BeforeAll
  static void startOnTheEmbeddedStore() throws Exception {
    server = TestServer.onTheEmbeddedStore(dataDir);
    mongo = MongoClients.create(Files.readString(dataDir.resolve("mongo.address")).strip());
    tasks = mongo.getDatabase("TaskManager").getCollection("tasks");
  }

  @AfterAll
  static void stop() {
    if (mongo != null) {
      mongo.close();
    }
    if (server != null) {
      server.close();
    }
    System.out.printf("Injection: %d requests with operators or pattern syntax on the embedded store%n", requests);
  }

  @BeforeEach
  void theseTasksOnly() throws Exception {
    assertThat(server.json("POST", "/api/tasks/reset", "{\"confirm\": true}").statusCode()).isEqualTo(204);
    for (int index = 0; index < TITLES.size(); index++) {
      String body = "{\"title\": " + quoted(TITLES.get(index)) + ", \"shortdesc\": \"kept\", \"priority\": " + index + "}";
      assertThat(server.json("POST", "/api/tasks", body).statusCode()).describedAs(body).isEqualTo(201);
    }
  }

  @Test
  void operatorsInJsonBodiesAreRefusedAndChangeNothing() {
    List<Document> before = storedTasks();
    List<String> hostileBodies = List.of(
        "{\"title\": {\"$gt\": \"\"}}",
        "{\"title\": {\"$ne\": null}}",
        "{\"title\": {\"$regex\": \".*\"}}",
        "{\"title\": [\"$gt\", \"\"]}",
        "{\"title\": \"x\", \"priority\": {\"$where\": \"sleep(1000) || true\"}}",
        "{\"title\": \"x\", \"priority\": {\"$numberLong\": \"5\"}}",
        "{\"title\": \"x\", \"shortdesc\": {\"$function\": {\"body\": \"return 1\", \"args\": [], \"lang\": \"js\"}}}",
        "{\"$set\": {\"title\": \"x\"}}",
        "{\"$unset\": {\"title\": \"\"}}",
        "{\"$inc\": {\"id\": 1}}",
        "{\"$where\": \"this.id > 0\"}",
        "{\"title\": \"x\", \"id\": 0}",
        "{\"title\": \"x\", \"_id\": {\"$oid\": \"000000000000000000000000\"}}",
        "{\"title\": \"x\", \"title.$\": \"y\"}");

    for (String body : hostileBodies) {
      for (String[] write : new String[][] {{"POST", "/api/tasks"}, {"PATCH", "/api/tasks/0"}}) {
        HttpResponse<String> response = server.json(write[0], write[1], body);
        requests++;
        assertThat(response.statusCode()).describedAs(write[0] + " " + body).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      }
    }

    assertThat(storedTasks()).describedAs("the stored tasks after %d refused writes", hostileBodies.size() * 2)
        .isEqualTo(before);
  }

  @Test
  void operatorLikeTextIsStoredExactlyAsSent() throws Exception {
    List<String> texts = List.of("{\"$gt\": \"\"}", "$where", "$set", "this.id > 0 || sleep(1000)", "{$ne: 1}",
        "'; db.tasks.drop(); '", "title.$", "$$ROOT", "\\u0000");
    for (String text : texts) {
      HttpResponse<String> created = server.json("POST", "/api/tasks",
          "{\"title\": " + quoted(text) + ", \"shortdesc\": " + quoted(text) + "}");
      requests++;
      assertThat(created.statusCode()).describedAs(text).isEqualTo(201);
      long id = JSON.readTree(created.body()).path("id").asLong();

      Document stored = tasks.find(new Document("id", id)).first();
      assertThat(stored).describedAs(text).isNotNull();
      assertThat(stored.get("title")).describedAs("title").isEqualTo(text);
      assertThat(stored.get("shortdesc")).describedAs("shortdesc").isEqualTo(text);
      assertThat(stored.get("priority")).isEqualTo(0);
      assertThat(stored.keySet()).containsExactly("_id", "id", "title", "shortdesc", "priority", "created_at",
          "updated_at");

      HttpResponse<String> patched = server.json("PATCH", "/api/tasks/" + id, "{\"shortdesc\": " + quoted(text + "!") + "}");
      requests++;
      assertThat(patched.statusCode()).isEqualTo(200);
      assertThat(tasks.find(new Document("id", id)).first().get("shortdesc")).isEqualTo(text + "!");
    }
    assertThat(storedTasks()).hasSize(TITLES.size() + texts.size());
  }

  @Test
  void operatorsInFormFieldNamesAreUnknownFieldsThatChangeNothing() {
    List<Document> before = storedTasks();

    // Only the fields the form has count: the title alone is missing, so nothing is created.
    for (String body : List.of("title[$ne]=x", "title[$gt]=&priority[$gt]=0", "$where=1", "$set[title]=x",
        "title%5B%24ne%5D=x")) {
      HttpResponse<String> refused = server.postRawForm("/tasks", "csrf=" + server.csrf() + "&" + body);
      requests++;
      assertThat(refused.statusCode()).describedAs(body).isEqualTo(400);
      assertThat(Jsoup.parse(refused.body()).text()).contains("Title is empty");
    }
    // Alongside the real fields they are ignored.
    HttpResponse<String> edited = server.postRawForm("/tasks/0", "csrf=" + server.csrf()
        + "&title=Alpha%20edited&title[$ne]=x&priority[$where]=1&$set[priority]=9&id=5&_id=x");
    requests++;
    assertThat(edited.statusCode()).isEqualTo(303);
    Document alpha = new Document(before.get(0)).append("title", "Alpha edited");
    alpha.put("updated_at", tasks.find(new Document("id", 0L)).first().get("updated_at"));
    assertThat(tasks.find(new Document("id", 0L)).first()).isEqualTo(alpha);
    HttpResponse<String> deleted = server.postRawForm("/delete-by-title", "csrf=" + server.csrf()
        + "&title=%7B%22%24ne%22%3A%22%22%7D&title[$ne]=x");
    requests++;
    assertThat(deleted.statusCode()).isEqualTo(303);

    List<Document> expected = new ArrayList<>(before);
    expected.set(0, alpha);
    // The literal title {"$ne":""} is nobody's ({"$gt": ""} is one): nothing was deleted.
    assertThat(storedTasks()).isEqualTo(expected);
  }

  @Test
  void operatorsInQueryParametersAreRefusedOrLiteral() throws Exception {
    List<Document> before = storedTasks();
    for (String query : List.of("q[$ne]=x", "q%5B%24regex%5D=.*", "sort[$gt]=", "$where=1",
        "cursor=" + encode("{\"$gt\": 0}"), "limit=" + encode("{\"$gt\": 0}"), "sort=" + encode("{\"$natural\": 1}"))) {
      HttpResponse<String> response = server.get("/api/tasks?" + query);
      requests++;
      assertThat(response.statusCode()).describedAs(query).isEqualTo(400);
    }
    Map<String, Integer> deletes = Map.of("title[$ne]=x", 400, "title=" + encode("{\"$ne\": \"\"}"), 200,
        "title=" + encode("$where"), 200);
    deletes.forEach((query, status) -> {
      assertThat(server.json("DELETE", "/api/tasks?" + query, null).statusCode()).describedAs(query).isEqualTo(status);
      requests++;
    });
    assertThat(titlesOf(server.get("/api/tasks?q=" + encode("{\"$gt\"")))).containsExactly("{\"$gt\": \"\"}");
    requests++;

    List<Document> expected = new ArrayList<>(before);
    expected.removeIf(task -> task.get("title").equals("$where"));
    assertThat(storedTasks()).describedAs("only the task titled exactly $where was deleted").isEqualTo(expected);
  }

  @Test
  void titleSearchesMatchPatternSyntaxLiterally() throws Exception {
    List<String> needles = List.of(".", "a.c", "a+c", "(x)", "[ab]", "^start", "^", "end$", "$", "\\", "back\\s", "\\E",
        "\\Q", "q\\Eq", "a|b", "|", "?", "*", ".*", "{2}", "(a+)+$", "$where", "{\"$gt\"", "A.C");
    for (String needle : needles) {
      List<String> expected = TITLES.stream()
          .filter(title -> title.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT))).toList();

      // A phrase in quotes, unless it holds one: then a word, which ends at white space only.
      String query = (needle.contains("\"") ? needle : "\"" + needle + "\"") + " sort:id";
      assertThat(titlesOf(server.get("/api/tasks?limit=100&q=" + encode(query))))
          .describedAs("API search for %s", needle).containsExactlyElementsOf(expected);
      assertThat(server.page("/?q=" + encode(query)).select("td.title").eachText())
          .describedAs("page search for %s", needle).containsExactlyElementsOf(expected);
      requests += 2;
    }
  }

  private static List<Document> storedTasks() {
    return tasks.find().sort(Sorts.ascending("id")).into(new ArrayList<>());
  }

  private static List<String> titlesOf(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).describedAs(response.body()).isEqualTo(200);
    List<String> titles = new ArrayList<>();
    for (JsonNode item : JSON.readTree(response.body()).path("items")) {
      titles.add(item.path("title").asText());
    }
    return titles;
  }

  private static String quoted(String text) throws Exception {
    return JSON.writeValueAsString(text);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
