package dev.taskmanager.cli.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.taskmanager.core.model.Task;
import java.io.IOException;
import java.io.Writer;

/**
 * The JSON formats: {@code json} is an array with one task object per line, {@code jsonl} one task
 * object per line. Objects hold {@code id}, {@code title}, {@code shortdesc} and {@code priority}, in
 * that order; ids and priorities are JSON integers.
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

  static void writeTask(JsonGenerator generator, Task task) throws IOException {
    generator.writeStartObject();
    generator.writeNumberField("id", task.id());
    generator.writeStringField("title", task.title());
    generator.writeStringField("shortdesc", task.shortdesc());
    generator.writeNumberField("priority", task.priority());
    generator.writeEndObject();
  }

  /** Compact objects, each on its own line of the array, so files diff and grep well. */
  private static final class OneObjectPerLine implements PrettyPrinter {
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
      g.writeRaw('[');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      g.writeRaw(nrOfValues > 0 ? "\n]" : "]");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(",\n");
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      g.writeRaw('\n');
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) {
      // nothing: compact objects
    }
  }
}
