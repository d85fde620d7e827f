package dev.taskmanager.cli.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.model.TaskRules;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * The JSON formats: {@code json} is an array with one task object per line, {@code jsonl} one task
 * object per line. Objects hold {@code id}, {@code title}, {@code shortdesc}, {@code priority}, then
 * {@code done}, {@code done_at}, {@code created_at}, {@code updated_at}, {@code due}, {@code tags},
 * {@code created_by} and {@code updated_by}, in that order, the names and values of the API: ids
 * and priorities are JSON integers, times RFC 3339 strings in UTC or {@code null}, the due day
 * {@code "YYYY-MM-DD"} or {@code null}, the authors strings or {@code null}.
 */
public final class Json {

  static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      // A record with two titles is an error, not "the last one wins".
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      // Messages carry the position we print ourselves, not a dump of the source.
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(RecordReader.MAX_VALUE_CHARS).build())
      .build();

  private Json() {}

  /** A {@code json} writer: {@code [} then one object per line, then {@code ]}. */
  public static TaskWriter array(Writer out) throws IOException {
    JsonGenerator generator = FACTORY.createGenerator(out);
    generator.setPrettyPrinter(new OneObjectPerLine());
    generator.writeStartArray();
    return new TaskWriter() {
      @Override
      public void write(Task task) throws IOException {
        writeTask(generator, task);
      }

      @Override
      public void finish() throws IOException {
        generator.writeEndArray();
        generator.writeRaw('\n');
        generator.flush();
      }
    };
  }

  /** A {@code jsonl} writer: one object per line. */
  public static TaskWriter lines(Writer out) throws IOException {
    JsonGenerator generator = FACTORY.createGenerator(out);
    generator.setRootValueSeparator(null);
    return new TaskWriter() {
      @Override
      public void write(Task task) throws IOException {
        writeTask(generator, task);
        generator.writeRaw('\n');
      }

      @Override
      public void finish() throws IOException {
        generator.flush();
      }
    };
  }

  /** One task as an object, for {@code show --format json}. */
  public static void writeOne(Writer out, Task task) throws IOException {
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      writeTask(generator, task);
      generator.writeRaw('\n');
    }
  }

  /** Deleted tasks as a {@code json} array: {@code {"deleted_at":…,"task":{…}}} per line. */
  public static void writeDeleted(Writer out, List<DeletedTask> deleted) throws IOException {
    JsonGenerator generator = FACTORY.createGenerator(out);
    generator.setPrettyPrinter(new OneObjectPerLine());
    generator.writeStartArray();
    for (DeletedTask each : deleted) {
      generator.writeStartObject();
      generator.writeStringField("deleted_at", each.deletedAt().toString());
      generator.writeFieldName("task");
      writeTask(generator, each.task());
      generator.writeEndObject();
    }
    generator.writeEndArray();
    generator.writeRaw('\n');
    generator.flush();
  }

  static void writeTask(JsonGenerator generator, Task task) throws IOException {
    generator.writeStartObject();
    generator.writeNumberField("id", task.id());
    generator.writeStringField("title", task.title());
    generator.writeStringField("shortdesc", task.shortdesc());
    generator.writeNumberField("priority", task.priority());
    generator.writeBooleanField(TaskRules.DONE, task.done());
    writeTime(generator, TaskInput.DONE_AT, task.doneAt());
    writeTime(generator, TaskInput.CREATED_AT, task.createdAt());
    writeTime(generator, TaskInput.UPDATED_AT, task.updatedAt());
    if (task.due() == null) {
      generator.writeNullField(TaskRules.DUE);
    } else {
      generator.writeStringField(TaskRules.DUE, task.due().toString());
    }
    generator.writeArrayFieldStart(TaskRules.TAGS);
    for (String tag : task.tags()) {
      generator.writeString(tag);
    }
    generator.writeEndArray();
    generator.writeStringField(TaskInput.CREATED_BY, task.createdBy());
    generator.writeStringField(TaskInput.UPDATED_BY, task.updatedBy());
    generator.writeEndObject();
  }

  /** A generator for a command's own JSON output: compact, and leaves {@code out} open. */
  public static JsonGenerator generator(Writer out) throws IOException {
    return FACTORY.createGenerator(out);
  }

  /** A time as an RFC 3339 string in UTC, or {@code null}. */
  public static void writeTime(JsonGenerator generator, String field, Instant time) throws IOException {
    if (time == null) {
      generator.writeNullField(field);
    } else {
      generator.writeStringField(field, time.toString());
    }
  }

  /** Compact objects, each on its own line of the array, so files diff and grep well. */
  static final class OneObjectPerLine implements PrettyPrinter {
    /** Arrays open: 1 in the outer one, more in a task's tags, which stay on its line. */
    private int depth;

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
      g.writeRaw('{');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
      g.writeRaw('}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(',');
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(':');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      depth++;
      g.writeRaw('[');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      g.writeRaw(nrOfValues > 0 && depth == 1 ? "\n]" : "]");
      depth--;
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(depth == 1 ? ",\n" : ",");
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      if (depth == 1) {
        g.writeRaw('\n');
      }
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) {
      // nothing: compact objects
    }
  }
}
