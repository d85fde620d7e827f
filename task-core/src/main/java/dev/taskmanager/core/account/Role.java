package dev.taskmanager.core.account;

import dev.taskmanager.core.model.Violation;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a user may do; each role may do everything the one before it may. */
public enum Role {
  /** Reads tasks. */
  VIEWER,
  /** Also creates, edits, completes, reopens, deletes and restores tasks. */
  EDITOR,
  /** Also resets the store, deletes by title, imports, and manages users and tokens. */
  ADMIN;

  /** {@code viewer}, {@code editor} or {@code admin}: the word people type and read. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this role may do what {@code needed} may. */
  public boolean includes(Role needed) {
    return compareTo(needed) >= 0;
  }

  /** The role for a word, in any case; a violation naming the words accepted otherwise. */
  public static Role of(String word) {
    for (Role role : values()) {
      if (role.word().equals(word.strip().toLowerCase(Locale.ROOT))) {
        return role;
      }
    }
    throw new InvalidAccountException(new Violation("role", "is \"" + word + "\"", words()));
  }

  /** {@code viewer, editor or admin} */
  public static String words() {
    String all = Arrays.stream(values()).map(Role::word).collect(Collectors.joining(", "));
    return all.substring(0, all.lastIndexOf(", ")) + " or " + all.substring(all.lastIndexOf(", ") + 2);
  }
}
