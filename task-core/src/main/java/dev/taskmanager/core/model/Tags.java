package dev.taskmanager.core.model;

import java.util.List;
import java.util.TreeSet;

/** How a task holds its tags: sorted and without repeats, so two equal sets read the same. */
final class Tags {

  private Tags() {}

  static List<String> sorted(List<String> tags) {
    if (tags.size() <= 1) {
      return List.copyOf(tags);
    }
    return List.copyOf(new TreeSet<>(tags));
  }
}
