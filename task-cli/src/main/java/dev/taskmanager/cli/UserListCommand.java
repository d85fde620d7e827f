package dev.taskmanager.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.taskmanager.cli.io.Json;
import dev.taskmanager.cli.io.Table;
import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.account.User;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", description = "Lists the users: name, role, when each was added and last signed in.",
    footer = {
        "  task user list",
        "  task user list --format json"
    })
final class UserListCommand extends AccountCommand<Void> {

  @Mixin
  OutputFormatOption output;

  @Override
  int run(OpenedStore store, Void noInput) throws IOException {
    List<User> users = accounts(store).list();
    switch (output.format()) {
      case JSON -> json(users);
      case CSV -> {
        out().println("name,role,created_at,password_changed_at,last_sign_in_at");
        users.forEach(user -> out().println(user.name() + "," + user.role().word() + "," + user.createdAt() + ","
            + user.passwordChangedAt() + "," + user.lastSignInAt().map(Instant::toString).orElse("")));
      }
      default -> table(users, root().zone());
    }
    return ExitCodes.OK;
  }

  private void table(List<User> users, ZoneId zone) {
    if (users.isEmpty()) {
      out().println("No users. Add the first admin with: task user add NAME --role admin");
      return;
    }
    int nameWidth = Math.max("NAME".length(), users.stream().mapToInt(user -> user.name().length()).max().orElse(0));
    String format = "%-" + nameWidth + "s  %-6s  %-16s  %s%n";
    out().printf(format, "NAME", "ROLE", "ADDED", "LAST SIGN-IN");
    for (User user : users) {
      out().printf(format, user.name(), user.role().word(), Table.minutes(user.createdAt(), zone),
          user.lastSignInAt().map(at -> Table.minutes(at, zone)).orElse("never"));
    }
  }

  private void json(List<User> users) throws IOException {
    try (JsonGenerator json = Json.generator(out())) {
      json.writeStartArray();
      for (User user : users) {
        json.writeStartObject();
        json.writeStringField("name", user.name());
        json.writeStringField("role", user.role().word());
        json.writeStringField("createdAt", user.createdAt().toString());
        json.writeStringField("passwordChangedAt", user.passwordChangedAt().toString());
        Json.writeTime(json, "lastSignInAt", user.lastSignInAt().orElse(null));
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    out().println();
  }
}
