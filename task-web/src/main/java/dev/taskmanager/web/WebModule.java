package dev.taskmanager.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.taskmanager.core.account.Accounts;
import dev.taskmanager.core.account.Passwords;
import dev.taskmanager.core.account.SignIn;
import dev.taskmanager.core.account.SignInThrottle;
import dev.taskmanager.core.account.TokenStore;
import dev.taskmanager.core.account.Tokens;
import dev.taskmanager.core.account.UserStore;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.core.usecase.CreateTask;
import dev.taskmanager.core.usecase.DeleteTask;
import dev.taskmanager.core.usecase.DeleteTasksByTitle;
import dev.taskmanager.core.usecase.GetTask;
import dev.taskmanager.core.usecase.GetTaskStats;
import dev.taskmanager.core.usecase.ListTasks;
import dev.taskmanager.core.usecase.ResetTasks;
import dev.taskmanager.core.usecase.RestoreTask;
import dev.taskmanager.core.usecase.UpdateTask;
import dev.taskmanager.passwords.Argon2Passwords;
import dev.taskmanager.web.access.BoundedPasswords;
import dev.taskmanager.web.access.CsrfTokens;
import dev.taskmanager.web.access.FormPosts;
import dev.taskmanager.web.access.Gate;
import dev.taskmanager.web.access.OpenMode;
import dev.taskmanager.web.access.Sessions;
import dev.taskmanager.web.api.JsonBodies;
import dev.taskmanager.web.http.FlashMessages;
import dev.taskmanager.web.http.Resources;
import dev.taskmanager.web.http.Signer;
import dev.taskmanager.web.http.StaticFiles;
import dev.taskmanager.web.metrics.MeteredTaskStore;
import dev.taskmanager.web.metrics.Metrics;
import dev.taskmanager.web.page.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The web side's bindings: the use cases on the store the store module provides, accounts and
 * access, templates, JSON, signing. Needs a module that binds {@link TaskStore}, {@link UserStore}
 * and {@link TokenStore}.
 */
public final class WebModule extends AbstractModule {

  private final Settings settings;
  private final byte[] secret;
  private final Clock clock;
  private final Resources resources;

  /** @throws SettingsException in dev mode when the source tree is not under the current directory */
  public WebModule(Settings settings, byte[] secret, Clock clock) {
    this.settings = settings;
    this.secret = secret.clone();
    // Times are instants; "today" is the person's, in the configured zone.
    this.clock = clock.withZone(settings.zone());
    // Resolved now, so a wrong TASK_DEV stops start-up with its one line rather than a Guice error.
    this.resources = settings.dev() ? Resources.fromDirectory(sourceResources()) : Resources.fromClassPath();
  }

  @Override
  protected void configure() {
    bind(Settings.class).toInstance(settings);
    bind(Clock.class).toInstance(clock);
  }

  @Provides @Singleton CreateTask createTask(MeteredTaskStore store) {
    return new CreateTask(store, clock);
  }

  @Provides @Singleton GetTask getTask(MeteredTaskStore store) {
    return new GetTask(store);
  }

  @Provides @Singleton ListTasks listTasks(MeteredTaskStore store) {
    return new ListTasks(store);
  }

  @Provides @Singleton UpdateTask updateTask(MeteredTaskStore store) {
    return new UpdateTask(store, clock);
  }

  @Provides @Singleton DeleteTask deleteTask(MeteredTaskStore store) {
    return new DeleteTask(store, clock);
  }

  @Provides @Singleton DeleteTasksByTitle deleteTasksByTitle(MeteredTaskStore store) {
    return new DeleteTasksByTitle(store, clock);
  }

  @Provides @Singleton RestoreTask restoreTask(MeteredTaskStore store) {
    return new RestoreTask(store);
  }

  @Provides @Singleton ResetTasks resetTasks(MeteredTaskStore store) {
    return new ResetTasks(store);
  }

  @Provides @Singleton GetTaskStats getTaskStats(MeteredTaskStore store) {
    return new GetTaskStats(store);
  }

  /** The store as the use cases see it: every operation timed. */
  @Provides @Singleton MeteredTaskStore meteredTaskStore(TaskStore store, Metrics metrics) {
    return new MeteredTaskStore(store, metrics.registry());
  }

  @Provides @Singleton Metrics metrics(TaskStore store) {
    return new Metrics(store, settings.metricsReaders());
  }

  @Provides @Singleton Signer signer() {
    return new Signer(secret);
  }

  @Provides @Singleton CsrfTokens csrfTokens(Signer signer) {
    return new CsrfTokens(signer, clock);
  }

  @Provides @Singleton FlashMessages flashMessages(Signer signer) {
    return new FlashMessages(signer, clock);
  }

  @Provides @Singleton FormPosts formPosts(CsrfTokens tokens) {
    return new FormPosts(tokens);
  }

  /** Argon2id, a few checks at a time. */
  @Provides @Singleton Passwords passwords() {
    return new BoundedPasswords(new Argon2Passwords());
  }

  @Provides @Singleton SignIn signIn(UserStore users, Passwords passwords) {
    return new SignIn(users, passwords, new SignInThrottle(clock), clock);
  }

  @Provides @Singleton Accounts accounts(UserStore users, TokenStore tokens, Passwords passwords) {
    return new Accounts(users, tokens, passwords, clock);
  }

  @Provides @Singleton Tokens tokens(TokenStore tokens, UserStore users) {
    return new Tokens(tokens, users, clock);
  }

  @Provides @Singleton Sessions sessions(Signer signer) {
    return new Sessions(signer, clock);
  }

  @Provides @Singleton OpenMode openMode(UserStore users) {
    return new OpenMode(users, settings.httpHost(), clock);
  }

  @Provides @Singleton Gate gate(Sessions sessions, CsrfTokens csrf, Tokens tokens, UserStore users, OpenMode openMode,
      FlashMessages flash) {
    return new Gate(sessions, csrf, tokens, users, openMode, flash);
  }

  @Provides @Singleton ObjectMapper objectMapper() {
    return JsonBodies.newMapper();
  }

  @Provides @Singleton Resources resources() {
    return resources;
  }

  @Provides @Singleton Templates templates(Resources resources) {
    return new Templates(resources);
  }

  @Provides @Singleton StaticFiles staticFiles(Resources resources) {
    return new StaticFiles(resources);
  }

  /** Dev mode reads the module's resources from the source tree, found from the project or module directory. */
  static Path sourceResources() {
    for (Path candidate : List.of(Path.of("task-web/src/main/resources"), Path.of("src/main/resources"))) {
      if (Files.isRegularFile(candidate.resolve("templates/layout.ftlh"))) {
        return candidate.toAbsolutePath();
      }
    }
    throw new SettingsException("TASK_DEV (--dev) reads templates from task-web/src/main/resources, which is not"
        + " under the current directory; accepted: 1 when run from the project directory, otherwise 0");
  }
}
