package dev.taskmanager.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A terminal for tests: not interactive unless told, 80 columns, no colour, scripted answers. */
final class FakeTerminal implements Terminal {

  boolean interactive;
  int width = 80;
  boolean colour;
  byte[] stdin = new byte[0];
  final Deque<String> answers = new ArrayDeque<>();
  final List<String> prompts = new ArrayList<>();

  @Override
  public boolean interactive() {
    return interactive;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public boolean colour() {
    return colour;
  }

  @Override
  public String readLine(String prompt) {
    prompts.add(prompt);
    return answers.poll();
  }

  /** The answer to a password prompt: the next scripted answer, as a terminal without echo gives it. */
  @Override
  public char[] readPassword(String prompt) {
    prompts.add(prompt);
    String answer = answers.poll();
    return answer == null ? null : answer.toCharArray();
  }

  @Override
  public InputStream stdin() {
    return new ByteArrayInputStream(stdin);
  }

  void stdin(String text) {
    stdin = text.getBytes(StandardCharsets.UTF_8);
  }
}
