package dev.taskmanager.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.taskmanager.cli.io.Json;
import dev.taskmanager.cli.io.Table;
import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.account.ApiToken;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "list", description = "Lists the API tokens (never the tokens themselves): id, user, scope, "
    + "when each was made, expires and was last used.",
    footer = {
        "  task token list",
        "  task token list build-bot --format json"
    })
final class TokenListCommand extends AccountCommand<Void> {

  @Parameters(paramLabel = "NAME", arity = "0..1", description = "Only this user's tokens.")
  String name;

  @Mixin
  OutputFormatOption output;

  @Override
  int run(OpenedStore store, Void noInput) throws IOException {
    List<ApiToken> tokens = tokens(store).list(Optional.ofNullable(name));
    switch (output.format()) {
      case JSON -> json(tokens);
      case CSV -> {
        out().println("id,user,scope,created_at,expires_at,last_used_at");
        tokens.forEach(token -> out().println(token.id() + "," + token.user() + "," + token.scope().word() + ","
            + token.createdAt() + "," + token.expiresAt().map(Instant::toString).orElse("") + ","
            + token.lastUsedAt().map(Instant::toString).orElse("")));
      }
      default -> table(tokens, root().zone());
    }
    return ExitCodes.OK;
  }

  private void table(List<ApiToken> tokens, ZoneId zone) {
    if (tokens.isEmpty()) {
      out().println("No tokens. Make one with: task token create NAME --scope read|write");
      return;
    }
    int userWidth = Math.max("USER".length(), tokens.stream().mapToInt(token -> token.user().length()).max().orElse(0));
    String format = "%-12s  %-" + userWidth + "s  %-5s  %-16s  %-16s  %s%n";
    out().printf(format, "ID", "USER", "SCOPE", "MADE", "EXPIRES", "LAST USED");
    for (ApiToken token : tokens) {
      out().printf(format, token.id(), token.user(), token.scope().word(),
          Table.minutes(token.createdAt(), zone), token.expiresAt().map(at -> Table.minutes(at, zone)).orElse("never"),
          token.lastUsedAt().map(at -> Table.minutes(at, zone)).orElse("never"));
    }
  }

  private void json(List<ApiToken> tokens) throws IOException {
    try (JsonGenerator json = Json.generator(out())) {
      json.writeStartArray();
      for (ApiToken token : tokens) {
        json.writeStartObject();
        json.writeStringField("id", token.id());
        json.writeStringField("user", token.user());
        json.writeStringField("scope", token.scope().word());
        json.writeStringField("createdAt", token.createdAt().toString());
        Json.writeTime(json, "expiresAt", token.expiresAt().orElse(null));
        Json.writeTime(json, "lastUsedAt", token.lastUsedAt().orElse(null));
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    out().println();
  }
}
