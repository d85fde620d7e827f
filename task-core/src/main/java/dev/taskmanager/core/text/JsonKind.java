package dev.taskmanager.core.text;

/**
 * What kind of JSON value a field or a body held, in the words every face's messages use
 * ({@code title: is a JSON number}). The adapters map their parser's types onto it.
 */
public enum JsonKind {
  OBJECT("a JSON object"),
  ARRAY("a JSON array"),
  STRING("a JSON string"),
  NUMBER("a JSON number"),
  BOOLEAN("a JSON boolean"),
  NULL("null"),
  /** No value at all: an empty input, or the end of one. */
  NOTHING("nothing");

  private final String words;

  JsonKind(String words) {
    this.words = words;
  }

  /** The kind for a message: {@code a JSON array}. */
  public String words() {
    return words;
  }
}
