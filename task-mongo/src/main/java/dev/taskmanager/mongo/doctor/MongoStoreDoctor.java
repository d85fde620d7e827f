package dev.taskmanager.mongo.doctor;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.taskmanager.core.model.TaskStoreException;
import dev.taskmanager.core.text.Excerpts;
import dev.taskmanager.mongo.adapter.IdSequence;
import dev.taskmanager.mongo.adapter.MongoFailures;
import dev.taskmanager.mongo.adapter.MongoTaskStore;
import dev.taskmanager.mongo.adapter.TaskDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Checks that a database is fit for the store, and repairs what data left by the tutorial app's
 * racy sequence gets wrong: tasks sharing an id, a sequence behind the stored ids, a missing unique
 * index, stray documents in {@code settings}. Works on a database the store refuses to open.
 *
 * <p>A repair first shows its plan; {@link #repair(List)} applies that plan only if the data still
 * gives the same one, so nothing changes that the admin did not see. Every method throws
 * {@link TaskStoreException} when the database cannot be reached.
 */
public final class MongoStoreDoctor {

  /**
   * One check and its outcome.
   *
   * @param check what was checked
   * @param ok whether it passed
   * @param detail what was found, one line
   */
  public record Finding(String check, boolean ok, String detail) {}

  private static final String TASK_ID = "task_id";

  private final MongoDatabase database;
  private final MongoCollection<Document> tasks;
  private final MongoCollection<Document> settings;

  public MongoStoreDoctor(MongoDatabase database) {
    this.database = Objects.requireNonNull(database, "database");
    this.tasks = database.getCollection(MongoTaskStore.TASKS);
    this.settings = database.getCollection(MongoTaskStore.SETTINGS);
  }

  /** Every check, in a fixed order. */
  public List<Finding> check() {
    return MongoFailures.translate("checking the store", () -> {
      database.runCommand(new Document("ping", 1));
      Survey survey = survey();
      List<Finding> findings = new ArrayList<>();
      findings.add(new Finding("store reachable", true, "database " + database.getName() + " answers"));
      if (survey.isUnused()) {
        findings.add(new Finding("database in use", true, "not yet: the store sets it up when it first opens it"));
        return findings;
      }
      findings.add(new Finding("unique index on tasks.id", survey.hasUniqueIndex,
          survey.hasUniqueIndex ? "present" : "missing: two tasks could get the same id"));
      findings.add(new Finding("settings holds exactly one document", survey.settingsAreClean(),
          survey.settingsAreClean() ? "{name: \"task_id\", value: " + survey.sequence + "}"
              : survey.settingsDocuments.size() + " documents, " + survey.sequenceDocuments() + " of them task_id"));
      findings.add(new Finding("sequence past the largest id", survey.sequenceIsAhead(),
          "next id " + survey.sequence + ", largest id " + (survey.largestId < 0 ? "none" : survey.largestId)));
      findings.add(new Finding("no duplicate ids", survey.duplicates.isEmpty(), survey.duplicates.isEmpty()
          ? survey.taskCount + " tasks, every id used once" : describeDuplicates(survey)));
      findings.add(new Finding("every id a whole number", survey.invalidIds.isEmpty(), survey.invalidIds.isEmpty()
          ? "yes" : survey.invalidIds.size() + " tasks with an unusable id (_id " + survey.invalidIds.get(0)
              + (survey.invalidIds.size() > 1 ? ", …" : "") + "): correct or delete them by hand"));
      return findings;
    });
  }

  /** What {@link #repair(List)} would change now, one line per change; empty when all is well. */
  public List<String> plannedRepairs() {
    return MongoFailures.translate("planning a repair", () -> plan(survey()).stream().map(Change::description).toList());
  }

  /**
   * Applies the plan {@link #plannedRepairs()} gave, and nothing else.
   *
   * @throws IllegalStateException when the data changed since and would now need another plan
   */
  public void repair(List<String> expectedPlan) {
    MongoFailures.translate("repairing the store", () -> {
      List<Change> plan = plan(survey());
      if (!plan.stream().map(Change::description).toList().equals(expectedPlan)) {
        throw new IllegalStateException("the store changed since the repair was planned; run the check again");
      }
      plan.forEach(Change::apply);
    });
  }

  private List<Change> plan(Survey survey) {
    List<Change> changes = new ArrayList<>();
    if (survey.isUnused()) {
      return changes;
    }
    long nextFree = Math.max(survey.sequence, survey.largestId + 1);
    for (Map.Entry<Long, List<Document>> shared : survey.duplicates.entrySet()) {
      // The first stored keeps the id (its _id is the oldest); every later one gets a new id.
      for (Document later : shared.getValue().subList(1, shared.getValue().size())) {
        long newId = nextFree++;
        Object key = later.get("_id");
        String title = Excerpts.quote(String.valueOf(later.get("title")));
        changes.add(new Change("give the task with _id " + key + " (" + title + ") the id "
            + newId + " instead of " + shared.getKey(), () -> tasks.updateOne(eq("_id", key), set(TaskDocuments.ID, newId))));
      }
    }
    for (Document stray : survey.settingsDocuments) {
      if (!TASK_ID.equals(stray.get(IdSequence.NAME)) || stray != survey.firstSequenceDocument()) {
        Object key = stray.get("_id");
        changes.add(new Change("delete the stray settings document " + stray.toJson(),
            () -> settings.deleteOne(eq("_id", key))));
      }
    }
    long sequenceAfter = Math.max(survey.sequence, nextFree);
    if (survey.firstSequenceDocument() == null || sequenceAfter != survey.sequence) {
      changes.add(new Change("set the sequence (settings task_id) from " + survey.sequence + " to " + sequenceAfter,
          () -> new IdSequence(settings).moveToAtLeast(sequenceAfter)));
    }
    if (!survey.hasUniqueIndex) {
      changes.add(new Change("create the unique index on tasks.id",
          () -> tasks.createIndex(Indexes.ascending(TaskDocuments.ID), new IndexOptions().unique(true))));
    }
    return changes;
  }

  /** Reads everything the checks and the plan need, in one pass over the tasks. */
  private Survey survey() {
    Survey survey = new Survey();
    for (Document index : tasks.listIndexes()) {
      Document key = index.get("key", Document.class);
      if (key != null && key.keySet().equals(java.util.Set.of(TaskDocuments.ID)) && Boolean.TRUE.equals(index.get("unique"))) {
        survey.hasUniqueIndex = true;
      }
    }
    settings.find().sort(new Document("_id", 1)).into(survey.settingsDocuments);
    Document sequence = survey.firstSequenceDocument();
    survey.sequence = sequence != null && sequence.get(IdSequence.VALUE) instanceof Number number ? number.longValue() : 0;
    Map<Long, List<Document>> byId = new TreeMap<>();
    for (Document task : tasks.find().projection(include("_id", TaskDocuments.ID, TaskDocuments.TITLE)).sort(new Document("_id", 1))) {
      survey.taskCount++;
      try {
        long id = TaskDocuments.idOf(task);
        byId.computeIfAbsent(id, key -> new ArrayList<>()).add(task);
        survey.largestId = Math.max(survey.largestId, id);
      } catch (TaskStoreException unusable) {
        survey.invalidIds.add(task.get("_id"));
      }
    }
    byId.forEach((id, documents) -> {
      if (documents.size() > 1) {
        survey.duplicates.put(id, documents);
      }
    });
    return survey;
  }

  private static String describeDuplicates(Survey survey) {
    int tasksInvolved = survey.duplicates.values().stream().mapToInt(List::size).sum();
    List<String> ids = survey.duplicates.keySet().stream().limit(10).map(String::valueOf).toList();
    return tasksInvolved + " tasks share the id" + (ids.size() == 1 ? " " : "s ") + String.join(", ", ids)
        + (survey.duplicates.size() > 10 ? ", …" : "");
  }

  private record Change(String description, Runnable action) {
    void apply() {
      action.run();
    }
  }

  private static final class Survey {
    boolean hasUniqueIndex;
    final List<Document> settingsDocuments = new ArrayList<>();
    long sequence;
    long largestId = -1;
    long taskCount;
    final Map<Long, List<Document>> duplicates = new TreeMap<>();
    final List<Object> invalidIds = new ArrayList<>();

    Document firstSequenceDocument() {
      return settingsDocuments.stream().filter(document -> TASK_ID.equals(document.get(IdSequence.NAME))).findFirst().orElse(null);
    }

    long sequenceDocuments() {
      return settingsDocuments.stream().filter(document -> TASK_ID.equals(document.get(IdSequence.NAME))).count();
    }

    boolean settingsAreClean() {
      return settingsDocuments.size() == 1 && firstSequenceDocument() != null;
    }

    /** Nothing stored yet: the store creates the index and the sequence when it first opens. */
    boolean isUnused() {
      return taskCount == 0 && settingsDocuments.isEmpty();
    }

    boolean sequenceIsAhead() {
      return firstSequenceDocument() != null && sequence > largestId;
    }
  }
}
