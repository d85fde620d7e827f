package dev.taskmanager.web;

import dev.taskmanager.web.http.Signer;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes malformed and hostile HTTP requests at the page and the API, from a seeded {@link Random}:
 * the same seed gives the same requests. Most are refused; some hostile values are valid and get
 * stored, which the fuzzer allows for.
 */
final class HostileRequests {

  /** What a request attacks; the fuzzer counts requests and answers per kind. */
  enum Kind {
    /** A form post of the page: random fields and values, a good, bad or missing CSRF token. */
    PAGE_FORM(22),
    /** A JSON write of the API: malformed, deep or hostile bodies, wrong content types. */
    API_WRITE(26),
    /** Reading the list (page and API): hostile, repeated and unknown parameters, bad cursors. */
    LIST_QUERY(16),
    /** One task, by a hostile id, with any method. */
    TASK_ID(16),
    /** Odd methods on odd paths: traversal, encoded slashes and NULs, absolute and huge targets. */
    METHOD_AND_PATH(12),
    /** Headers and bodies over the limits. */
    OVERSIZED(2),
    /** Requests that break HTTP itself: garbage, bad framing, conflicting lengths, bad chunks. */
    BROKEN_HTTP(6),
    /**
     * Who is asking: the sign-in and sign-out forms with hostile names, passwords and return
     * addresses; hostile, forged and oversized session cookies; hostile {@code Authorization} headers.
     */
    ACCESS(6);

    final int weight;

    Kind(int weight) {
      this.weight = weight;
    }
  }

  /** One request: its exact bytes and how the client must treat them. */
  record Request(Kind kind, String method, String target, byte[] bytes, boolean breaksFraming) {

    boolean isHead() {
      return method.equals("HEAD");
    }

    /** Reads cannot change the store, whatever their answer; other methods only when accepted. */
    boolean mayWrite() {
      return !method.equals("GET") && !method.equals("HEAD");
    }

    @Override
    public String toString() {
      String text = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.ISO_8859_1);
      return kind + " " + text.replaceAll("[^\\x20-\\x7e]", "·") + (bytes.length > 300 ? "…(" + bytes.length + " bytes)" : "");
    }
  }

  private static final String[] FIELDS = {"title", "shortdesc", "priority", "csrf", "id", "title[$ne]", "$where",
      "sort", "__proto__", ""};
  private static final String[] QUERY_NAMES = {"sort", "order", "title-contains", "cursor", "limit", "sort[$ne]",
      "title", "", "id"};
  private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE",
      "CONNECT", "PROPFIND", "get", "X-HOSTILE"};
  private static final String[] PATHS = {"/", "/tasks", "/tasks/0", "/tasks/0/delete", "/delete-by-title", "/reset",
      "/api/tasks", "/api/tasks/0", "/api/tasks/reset", "/api/openapi.json", "/health/live", "/health/ready",
      "/static/app.css", "/favicon.svg", "//", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/static/../pom.xml",
      "/static/%2e%2e/%2e%2e/pom.xml", "/api//tasks", "/api/tasks/", "/api/tasks/0/1", "/api/tasks%2F0", "/%00",
      "/tasks/%00", "/api/tasks/0%00", "/%ff%fe", "/%c0%af", "/api/tasks;jsessionid=x", "/api/tasks/../tasks",
      "/API/TASKS", "/static/", "/static/app.css%00.txt", "/tasks/0/delete/", "/.git/config", "/WEB-INF/web.xml",
      "*", "http://127.0.0.1/api/tasks", "http://other.example/", "/\\..\\..\\", "/?" + "&".repeat(300)};
  private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8",
      "application/json; charset=ISO-8859-1", "application/merge-patch+json", "text/plain", "text/html",
      "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-8",
      "application/x-www-form-urlencoded; charset=latin1", "multipart/form-data; boundary=xyz",
      "application/json, text/html", "application/JSON", "application/json;;;", ";", "", "\u00ff\u00fe",
      "application/json; charset=\"utf-8\"", "application/x-www-form-urlencoded; charset"};

  /** Signs session cookies as a replica with another secret would. */
  private static final Signer FORGER = new Signer("another-secret-another-secret-0123456789"
      .getBytes(StandardCharsets.UTF_8));

  private final Random random;
  private final String validCsrf;
  private final List<String> forgedCsrf;
  private final String validCursor;
  private final String host;
  private final List<String> always;

  /**
   * @param validCsrf a token of the session in {@code always}, or of no session
   * @param forgedCsrf tokens that look right but are not (another secret's, expired ones)
   * @param validCursor a cursor the API handed out, to tamper with
   * @param always headers every request carries (a session's cookie), before its own
   */
  HostileRequests(Random random, String validCsrf, List<String> forgedCsrf, String validCursor, String host,
      List<String> always) {
    this.random = random;
    this.validCsrf = validCsrf;
    this.forgedCsrf = forgedCsrf;
    this.validCursor = validCursor;
    this.host = host;
    this.always = always;
  }

  Request next() {
    int total = 0;
    for (Kind kind : Kind.values()) {
      total += kind.weight;
    }
    int pick = random.nextInt(total);
    for (Kind kind : Kind.values()) {
      pick -= kind.weight;
      if (pick < 0) {
        return make(kind);
      }
    }
    throw new AssertionError("unreachable");
  }

  private Request make(Kind kind) {
    switch (kind) {
      case PAGE_FORM:
        return pageForm();
      case API_WRITE:
        return apiWrite();
      case LIST_QUERY:
        return listQuery();
      case TASK_ID:
        return taskId();
      case METHOD_AND_PATH:
        return methodAndPath();
      case OVERSIZED:
        return oversized();
      case ACCESS:
        return access();
      default:
        return brokenHttp();
    }
  }

  private Request pageForm() {
    String id = id();
    String path = pick("/tasks", "/tasks", "/tasks/" + id, "/tasks/" + id + "/delete", "/delete-by-title", "/reset");
    List<String> pairs = new ArrayList<>();
    String token = csrf();
    if (token != null) {
      pairs.add("csrf=" + encode(token));
    }
    int fields = random.nextInt(5);
    for (int i = 0; i < fields; i++) {
      pairs.add(formField());
    }
    if (random.nextInt(10) == 0) {
      pairs.add(pick(HostileValues.invalidUtf8FormFields()));
    }
    if (random.nextInt(10) == 0) {
      pairs.add(pick(HostileValues.brokenPercentEncodings()));
    }
    if (random.nextInt(20) == 0) {
      pairs.add("f=1&".repeat(60 + random.nextInt(100)));
    }
    java.util.Collections.shuffle(pairs, random);
    byte[] body = String.join(pick("&", "&", "&", ";", "&&"), pairs).getBytes(StandardCharsets.ISO_8859_1);
    if (random.nextInt(15) == 0) {
      body = concat(body, randomBytes(random.nextInt(64)));
    }
    String contentType = random.nextInt(4) == 0 ? contentType() : "application/x-www-form-urlencoded";
    List<String> headers = new ArrayList<>();
    if (random.nextInt(20) == 0) {
      headers.add("Sec-Fetch-Site: " + pick("cross-site", "same-origin", "none", "CROSS-SITE"));
    }
    return request(Kind.PAGE_FORM, "POST", path, contentType, headers, body);
  }

  private Request access() {
    switch (random.nextInt(3)) {
      case 0: {
        List<String> pairs = new ArrayList<>();
        String token = csrf();
        if (token != null) {
          pairs.add("csrf=" + encode(token));
        }
        pairs.add("name=" + encode(pick("ed", "ED", " ed ", "admin", text())));
        pairs.add("password=" + encode(random.nextBoolean() ? text() : "quiet-lantern-orbit-7152"));
        if (random.nextBoolean()) {
          pairs.add("next=" + encode(pick("//evil.example/", "https://evil.example/", "/\\evil.example",
              "javascript:alert(1)", "/deleted", "/%0d%0aSet-Cookie:%20x=1", text())));
        }
        java.util.Collections.shuffle(pairs, random);
        return request(Kind.ACCESS, "POST", pick("/sign-in", "/sign-in", "/sign-out"),
            "application/x-www-form-urlencoded", List.of(), String.join("&", pairs).getBytes(StandardCharsets.UTF_8));
      }
      case 1: {
        String path = pick("/", "/tasks/" + id(), "/deleted", "/sign-in", "/api/tasks", "/api/tasks/" + id());
        return request(Kind.ACCESS, "GET", path, null, List.of("Cookie: " + sessionCookie()), null);
      }
      default: {
        String path = pick("/api/tasks", "/api/tasks/" + id(), "/api/deleted-tasks", "/", "/health/live");
        String method = path.startsWith("/api/tasks") && random.nextBoolean() ? pick("POST", "PATCH", "DELETE") : "GET";
        byte[] body = method.equals("GET") ? null : jsonBody(false);
        return request(Kind.ACCESS, method, path, body == null ? null : "application/json",
            List.of("Authorization: " + authorization()), body);
      }
    }
  }

  /** A session cookie that is not one: random, cut, forged with another secret, huge, doubled, quoted. */
  private String sessionCookie() {
    String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("ed|" + random.nextInt() + "|" + System.currentTimeMillis() + "|" + System.currentTimeMillis() / 1000)
            .getBytes(StandardCharsets.UTF_8));
    String forged = payload + "." + FORGER.sign("session", payload);
    return "task_session=" + pick(forged, payload, forged.substring(0, forged.length() - 2), "x.y", ".", "",
        "\"" + forged + "\"", "a".repeat(pick(511, 512, 513, 5_000)), headerValue(), forged + "; task_session=x",
        java.util.Base64.getUrlEncoder().encodeToString("ed|a|b|c".getBytes(StandardCharsets.UTF_8)) + ".AAAA");
  }

  /** Anything but a valid token, in the forms people and scanners send. */
  private String authorization() {
    String hex = Long.toHexString(random.nextLong() | Long.MIN_VALUE).substring(0, 12);
    return pick("Bearer tmt_" + hex + "_" + "A".repeat(43), "Bearer tmt_" + hex + "_" + headerValue(), "Bearer",
        "Bearer ", "bearer tmt_" + hex, "Basic ZWQ6cXVpZXQtbGFudGVybg==", "Negotiate YIIB", "Bearer " + headerValue(),
        "Bearer " + "x".repeat(pick(100, 5_000, 20_000)), "Bearer tmt_" + hex + "_" + "A".repeat(43) + " extra",
        "Token tmt_" + hex, headerValue());
  }

  private String formField() {
    String name = random.nextInt(4) == 0 ? pick(FIELDS) : pick("title", "shortdesc", "priority");
    String value = random.nextBoolean() ? text() : number();
    if (random.nextInt(12) == 0) {
      // A raw, unencoded value: spaces, bytes above 0x7f and reserved characters as they are.
      return name + "=" + new String(randomBytes(random.nextInt(40)), StandardCharsets.ISO_8859_1);
    }
    return encode(name) + "=" + encode(value);
  }

  private Request apiWrite() {
    String id = id();
    int route = random.nextInt(10);
    String method;
    String path;
    if (route < 4) {
      method = "POST";
      path = "/api/tasks";
    } else if (route < 7) {
      method = "PATCH";
      path = "/api/tasks/" + id;
    } else if (route < 8) {
      method = "POST";
      path = "/api/tasks/reset";
    } else if (route < 9) {
      method = "DELETE";
      path = "/api/tasks?" + queryPair("title") + (random.nextInt(4) == 0 ? "&" + queryPair("title") : "");
    } else {
      method = "DELETE";
      path = "/api/tasks/" + id;
    }
    if (random.nextInt(10) == 0) {
      path += (path.contains("?") ? "&" : "?") + queryPair(pick(QUERY_NAMES));
    }
    String contentType = random.nextInt(5) == 0 ? contentType() : pick("application/json",
        "application/json; charset=utf-8", "application/merge-patch+json");
    byte[] body = jsonBody(path.endsWith("/reset"));
    return request(Kind.API_WRITE, method, path, contentType, List.of(), body);
  }

  private byte[] jsonBody(boolean reset) {
    switch (random.nextInt(12)) {
      case 0:
        return utf8(pick(HostileValues.malformedJson()));
      case 1:
        return utf8(deep());
      case 2:
        return randomBytes(random.nextInt(200));
      case 3: {
        // Valid JSON cut anywhere.
        String whole = jsonObject(reset);
        return utf8(whole.substring(0, random.nextInt(whole.length() + 1)));
      }
      case 4: {
        // A string value with bytes that are not UTF-8 inside.
        byte[] prefix = utf8("{\"title\": \"");
        return concat(concat(prefix, randomBytes(1 + random.nextInt(8))), utf8("\"}"));
      }
      case 5:
        return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(jsonObject(reset)));
      case 6:
        return jsonObject(reset).getBytes(StandardCharsets.UTF_16);
      case 7:
        return utf8("title=" + encode(text()) + "&priority=1");
      default:
        return utf8(jsonObject(reset));
    }
  }

  private String jsonObject(boolean reset) {
    StringBuilder json = new StringBuilder("{");
    int fields = random.nextInt(5);
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        json.append(',');
      }
      String name = reset && random.nextBoolean() ? "confirm"
          : random.nextInt(5) == 0 ? pick(FIELDS) : pick("title", "shortdesc", "priority");
      json.append(jsonString(name)).append(':').append(jsonValue(name));
    }
    return json.append('}').toString();
  }

  private String jsonValue(String field) {
    switch (random.nextInt(7)) {
      case 0:
        return pick(HostileValues.badJsonValues());
      case 1:
        return number();
      case 2:
        return deep();
      case 3:
        return pick("true", "false", "null");
      default:
        return field.equals("priority") && random.nextBoolean() ? String.valueOf(random.nextInt(1100) - 50)
            : jsonString(text());
    }
  }

  private String deep() {
    int depth = pick(2, 31, 33, 100, 1_000, 5_000, 20_000);
    String open = random.nextBoolean() ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    return open.repeat(depth) + (random.nextBoolean() ? "1" : "") + close.repeat(random.nextInt(4) == 0 ? depth / 2 : depth);
  }

  private Request listQuery() {
    String path = random.nextBoolean() ? "/api/tasks" : "/";
    StringBuilder query = new StringBuilder();
    int parameters = random.nextInt(5);
    for (int i = 0; i < parameters; i++) {
      if (i > 0) {
        query.append(pick("&", "&", "&", ";", "&&"));
      }
      query.append(random.nextInt(6) == 0 ? pick(HostileValues.badListQueries()) : queryPair(pick(QUERY_NAMES)));
    }
    String method = random.nextInt(10) == 0 ? "HEAD" : "GET";
    return request(Kind.LIST_QUERY, method, path + (parameters > 0 || random.nextBoolean() ? "?" + query : ""), null,
        List.of(), null);
  }

  private String queryPair(String name) {
    String value;
    switch (name) {
      case "cursor":
        value = cursor();
        break;
      case "limit":
        value = number();
        break;
      case "sort":
        value = pick("id", "priority", "title", "ID", "", "$natural", text());
        break;
      case "order":
        value = pick("asc", "desc", "DESC", "up", "", text());
        break;
      default:
        value = text();
    }
    if (random.nextInt(10) == 0) {
      // Raw: the server's own decoding sees the bytes as they came.
      return name + "=" + new String(randomBytes(random.nextInt(30)), StandardCharsets.ISO_8859_1)
          .replaceAll("[\\s#]", "x");
    }
    return encode(name) + (random.nextInt(15) == 0 ? "" : "=" + encode(value));
  }

  private String cursor() {
    String valid = validCursor;
    switch (random.nextInt(8)) {
      case 0:
        return valid;
      case 1:
        return valid.substring(0, random.nextInt(valid.length()));
      case 2: {
        char[] chars = valid.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new String(chars);
      }
      case 3:
        return valid.repeat(50);
      case 4:
        return java.util.Base64.getUrlEncoder().encodeToString(randomBytes(random.nextInt(40)));
      default:
        return text();
    }
  }

  private Request taskId() {
    String id = random.nextInt(3) == 0 ? pick(HostileValues.badIds()) : id();
    boolean api = random.nextBoolean();
    String method = pick(METHODS);
    String path = api ? "/api/tasks/" + id : "/tasks/" + id + (random.nextBoolean() ? "/delete" : "");
    byte[] body = method.equals("GET") || method.equals("HEAD") || random.nextBoolean() ? null
        : api ? jsonBody(false) : utf8("csrf=" + encode(random.nextBoolean() ? validCsrf : "x") + "&title=" + encode(text()));
    String contentType = body == null ? null : api ? "application/json" : "application/x-www-form-urlencoded";
    return request(Kind.TASK_ID, method, path, contentType, List.of(), body);
  }

  private Request methodAndPath() {
    String method = random.nextInt(20) == 0 ? "M".repeat(2_000) : pick(METHODS);
    String path = random.nextInt(15) == 0 ? "/" + "a/".repeat(3_000) : pick(PATHS);
    byte[] body = random.nextInt(3) == 0 ? utf8(jsonObject(false)) : null;
    return request(Kind.METHOD_AND_PATH, method, path, body == null ? null : contentType(), List.of(), body);
  }

  private Request oversized() {
    switch (random.nextInt(5)) {
      case 0:
        return request(Kind.OVERSIZED, "GET", "/api/tasks", null,
            List.of("X-Big: " + "h".repeat(70 * 1024)), null);
      case 1: {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
          many.add("X-Many-" + i + ": " + i);
        }
        return request(Kind.OVERSIZED, "GET", "/", null, many, null);
      }
      case 2:
        return request(Kind.OVERSIZED, "POST", "/api/tasks", "application/json", List.of(),
            utf8("{\"title\": \"" + "t".repeat(70 * 1024) + "\"}"));
      case 3:
        return request(Kind.OVERSIZED, "POST", "/tasks", "application/x-www-form-urlencoded", List.of(),
            utf8("csrf=" + encode(validCsrf) + "&title=" + "t".repeat(200 * 1024)));
      default: {
        // Over the server's own cap, so the body is not even drained: the connection must close.
        Request big = request(Kind.OVERSIZED, "PATCH", "/api/tasks/0", "application/json", List.of(),
            new byte[2 * 1024 * 1024]);
        return new Request(big.kind(), big.method(), big.target(), big.bytes(), true);
      }
    }
  }

  private Request brokenHttp() {
    String head;
    switch (random.nextInt(16)) {
      case 0:
        return broken(randomBytes(1 + random.nextInt(300)));
      case 1:
        head = "GET /\r\n\r\n";
        break;
      case 2:
        head = "GET / HTTP/9.9\r\nHost: " + host + "\r\n\r\n";
        break;
      case 3:
        head = "GET / HTTP/1.1\r\n\r\n";
        break;
      case 4:
        head = "POST /api/tasks HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\nContent-Length: "
            + pick("-1", "abc", "1e3", "99999999999999999999", " ", "0x10") + "\r\n\r\n{}";
        break;
      case 5:
        head = "POST /api/tasks HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\nContent-Length: 2"
            + "\r\nContent-Length: 20\r\n\r\n{}";
        break;
      case 6:
        head = "POST /api/tasks HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n" + pick("zz\r\n{}\r\n0\r\n\r\n", "2\r\n{}", "FFFFFFFFFFFF\r\n{}\r\n",
            "2;ext=\"\u00ff\r\n{}\r\n0\r\n\r\n", "-2\r\n{}\r\n0\r\n\r\n");
        break;
      case 7:
        head = "POST /api/tasks HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
            + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /reset HTTP/1.1\r\nHost: x\r\n\r\n";
        break;
      case 8:
        head = "GET / HTTP/1.1\nHost: " + host + "\n\n";
        break;
      case 9:
        head = "GET / HTTP/1.1\r\nHost: " + host + "\r\nX-Folded: a\r\n b\r\n\r\n";
        break;
      case 10:
        head = "GET / HTTP/1.1\r\nHost: " + host + "\r\nBad Header: x\r\nNoColon\r\n\r\n";
        break;
      case 11:
        head = "GET / HTTP/1.1\r\nHost: " + host + "\r\nX-Nul: a\u0000b\u0007\r\n\r\n";
        break;
      case 12:
        head = "GET /api/tasks?" + "\u00ff\u00fe" + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
        break;
      case 13:
        head = "GET /api/tasks HTTP/1.1\r\nHost: " + host + "\r\nExpect: 100-continue\r\n"
            + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n";
        break;
      case 14:
        head = "POST /tasks HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            + "Content-Length: 5\r\n\r\ncsrf=" + validCsrf + "&title=smuggled";
        break;
      default:
        head = "GET  /  HTTP/1.1 extra\r\nHost: " + host + "\r\nHost: other\r\n\r\n";
    }
    return broken(head.getBytes(StandardCharsets.ISO_8859_1));
  }

  private Request broken(byte[] bytes) {
    return new Request(Kind.BROKEN_HTTP, "?", "?", bytes, true);
  }

  private Request request(Kind kind, String method, String target, String contentType, List<String> headers,
      byte[] body) {
    StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(random.nextInt(30) == 0 ? headerValue() : host).append("\r\n");
    if (contentType != null && random.nextInt(25) != 0) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (random.nextInt(20) == 0) {
      head.append(pick("Accept: ", "Cookie: ", "X-Forwarded-For: ", "X-Forwarded-Proto: ", "User-Agent: ",
          "Referer: ", "Origin: ", "Accept-Charset: ")).append(headerValue()).append("\r\n");
    }
    for (String header : always) {
      head.append(header).append("\r\n");
    }
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] bytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    return new Request(kind, method, target, body == null ? bytes : concat(bytes, body), false);
  }

  /** A header value of visible ASCII (other bytes are the broken-HTTP kind's business). */
  private String headerValue() {
    return text().replaceAll("[^\\x20-\\x7e]", "?");
  }

  private String csrf() {
    switch (random.nextInt(8)) {
      case 0:
        return null;
      case 1:
        return "";
      case 2: {
        char[] chars = validCsrf.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = chars[at] == 'x' ? 'y' : 'x';
        return new String(chars);
      }
      case 3:
        return pick(forgedCsrf);
      case 4:
        return pick(text(), validCsrf + validCsrf, validCsrf.substring(0, validCsrf.indexOf('.')), "." + validCsrf);
      default:
        return validCsrf;
    }
  }

  private String id() {
    switch (random.nextInt(8)) {
      case 0:
        return pick(HostileValues.badIds());
      case 1:
        return pick("9223372036854775807", "9223372036854775808", "-0", "+1", "00000000000000000000001", "1 ",
            "%2B1", "%d9%a3", "1%2F2", "%00", "0%0a", "1;2", "１");
      case 2:
        return encode(text());
      default:
        return String.valueOf(random.nextInt(8));
    }
  }

  private String number() {
    switch (random.nextInt(6)) {
      case 0:
        return String.valueOf(random.nextLong());
      case 1:
        return "9".repeat(1 + random.nextInt(6_000));
      case 2:
        return pick("-0", "+5", "1e2", "0x1F", "1_000", "٣", "５", "Infinity", "NaN", "1.0", " 7", "7 ", "", "-");
      default:
        return String.valueOf(random.nextInt(1_200) - 100);
    }
  }

  /** Text that no rule accepts, or that is hostile yet valid: control characters, huge, odd Unicode. */
  private String text() {
    switch (random.nextInt(9)) {
      case 0:
        return "";
      case 1:
        return pick(" ", "\t\n", "\u0000", "a\u0007b", "\u001b[31mred", "\r\n", "\u2028", "\ufeff", "\ud800",
            "\udfff\ud800", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "${7*7}", "#{7*7}",
            "<#assign x=1>", "{\"$gt\": \"\"}", "'; DROP TABLE tasks; --", "%00", "..%2f..%2f", "\u202e\u0644",
            "\uD83D\uDE00", "A\u030A\u0301\u0302\u0303");
      case 2:
        return "x".repeat(pick(199, 200, 201, 1_999, 2_000, 2_001, 10_000, 30_000));
      case 3: {
        StringBuilder unicode = new StringBuilder();
        int length = random.nextInt(60);
        for (int i = 0; i < length; i++) {
          unicode.append((char) random.nextInt(0x10000));
        }
        return unicode.toString();
      }
      case 4:
        return new String(randomBytes(random.nextInt(60)), StandardCharsets.ISO_8859_1);
      default: {
        StringBuilder plain = new StringBuilder();
        int length = 1 + random.nextInt(20);
        for (int i = 0; i < length; i++) {
          plain.append((char) (' ' + random.nextInt(95)));
        }
        return plain.toString();
      }
    }
  }

  private String contentType() {
    return random.nextInt(10) == 0 ? headerValue() : pick(CONTENT_TYPES);
  }

  private static String jsonString(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    ByteArrayOutputStream both = new ByteArrayOutputStream(first.length + second.length);
    both.writeBytes(first);
    both.writeBytes(second);
    return both.toByteArray();
  }

  @SafeVarargs
  private <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
