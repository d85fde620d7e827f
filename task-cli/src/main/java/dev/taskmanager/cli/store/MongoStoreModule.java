package dev.taskmanager.cli.store;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.taskmanager.mongo.doctor.MongoStoreDoctor;
import dev.taskmanager.mongo.wiring.StoreModules;
import dev.taskmanager.mongo.wiring.StoreSettings;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The MongoDB store of task-mongo, as the command line sees it: its {@code TaskStore}, its doctor
 * behind the command line's {@link StoreDoctor} port, and its lifecycle. No driver type crosses
 * into the commands.
 */
final class MongoStoreModule extends AbstractModule {

  private final StoreSettings settings;

  MongoStoreModule(StoreSettings settings) {
    this.settings = settings;
  }

  @Override
  protected void configure() {
    install(StoreModules.forTools(settings));
  }

  @Provides
  @Singleton
  StoreDoctor doctor(MongoStoreDoctor doctor) {
    return new StoreDoctor() {
      @Override
      public List<Finding> check() {
        return doctor.check().stream()
            .map(finding -> new Finding(finding.check(), finding.ok(), finding.detail()))
            .collect(Collectors.toList());
      }

      @Override
      public List<Change> plannedRepairs() {
        return doctor.plannedRepairs().stream().map(Change::new).collect(Collectors.toList());
      }

      @Override
      public void repair(List<Change> changes) {
        doctor.repair(changes.stream().map(Change::description).collect(Collectors.toList()));
      }
    };
  }
}
