package dev.taskmanager.web;

import java.util.List;

/**
 * Hostile values that the bad-input tests check one by one and the fuzzer sends at scale. None of
 * them looks like a stack trace, a class name or a path, so a response that echoes one back (a form
 * shown again with what was typed) never passes for a leak.
 */
final class HostileValues {

  private HostileValues() {}

  /** Ids in an address that are not a whole number from 0 to 2^63-1. */
  static List<String> badIds() {
    return List.of("abc", "-1", "1.5", "99999999999999999999999", "%20", "0x10", "1e3");
  }

  /** Request bodies that are not one JSON object. */
  static List<String> malformedJson() {
    return List.of("", "   ", "{", "}", "{\"title\": \"a\",}", "{'title': 'a'}", "{\"title\": \"a\"} trailing",
        "{\"title\": \"a\"}{}", "[]", "null", "\"just a string\"", "42", "{\"title\": \"a\", \"title\": \"b\"}",
        "{\"title\": NaN}", "{\"title\": \"unterminated}");
  }

  /** URL-encoded form fields whose bytes are not UTF-8 (a lone byte, a surrogate, a cut sequence). */
  static List<String> invalidUtf8FormFields() {
    return List.of("title=%C3%28", "title=%ED%A0%80", "title=%FF", "title=%E2%82");
  }

  /** Form fields with a {@code %} not followed by two hex digits. */
  static List<String> brokenPercentEncodings() {
    return List.of("title=%", "title=%G1", "title=%4");
  }

  /** JSON values that no field of a task accepts as they are: wrong types, operators, bad text and numbers. */
  static List<String> badJsonValues() {
    return List.of("42", "{\"$gt\": \"\"}", "[\"a\"]", "true", "\"\"", "\"   \"", "\"a\\u0007b\"", "\"a\\nb\"",
        "\"\\ud800\"", "\"5\"", "5.5", "1e3", "-1", "1001", "99999999999999999999999999", "{\"$ne\": null}", "[1]",
        "1e309", "-0.0", "{\"$where\": \"sleep(1000)\"}");
  }

  /** Query strings the task list refuses, on the page as in the API. */
  static List<String> badListQueries() {
    return List.of("limit=0", "limit=sideways", "cursor=garbage", "q=is:open&limit=501");
  }
}
