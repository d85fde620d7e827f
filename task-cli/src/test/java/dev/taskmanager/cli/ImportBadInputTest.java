package dev.taskmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.cli.Cli.Result;
import dev.taskmanager.core.model.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad input file gives its clear message with a position, exit code 1, and an untouched store. */
class ImportBadInputTest {

  private static final String TITLE_ACCEPTED = "accepted: 1 to 200 characters, no control characters";

  @TempDir
  Path directory;

  private final Cli cli = new Cli();
  private List<Task> before;

  @BeforeEach
  void givenAStoredTask() {
    cli.given("already here", "", 1);
    before = cli.allTasks();
  }

  @Test
  void aTaskwarriorExportIsCheckedLikeAnyInputNamingTheRecordsOfTheFile() throws IOException {
    Path file = write("tw.json", "[\n"
        + "{\"description\":\"gone\",\"status\":\"deleted\"},\n"
        + "{\"description\":\"" + "x".repeat(201) + "\",\"status\":\"pending\"},\n"
        + "{\"description\":\"ok\",\"status\":\"someday\",\"priority\":\"X\",\"due\":\"tomorrow\"},\n"
        + "{\"description\":\"ok\",\"status\":\"pending\",\"tags\":[\"no way\"]}\n"
        + "]");

    Result result = cli.run("import", file.toString(), "--format", "taskwarrior");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly(
        "task: " + file + ":3: record 2: title: is 201 characters long; " + TITLE_ACCEPTED,
        "task: " + file + ":4: record 3: priority: \"X\" is not a Taskwarrior priority; accepted: H, M, L, or none",
        "task: " + file + ":4: record 3: due: \"tomorrow\" is not a Taskwarrior time; accepted: a time as 20261224T093000Z",
        "task: " + file + ":4: record 3: status: \"someday\" is not a Taskwarrior status; accepted: pending, waiting,"
            + " completed, deleted or recurring",
        "task: " + file + ":5: record 4: tags: holds the tag \"no way\", which has characters a tag cannot have;"
            + " accepted: at most 20 tags, each 1 to 32 characters of letters a-z, digits, - and _ (upper case is lowered)",
        "task: nothing imported: 5 problems in 3 of 3 records");
    assertUnchanged();
  }

  @Test
  void malformedJsonIsReportedWithLineAndColumn() throws IOException {
    Path file = write("tasks.json", "[\n{\"id\": 1, \"title\": \"a\"},\n{\"id\": 2 \"title\": \"b\"}\n]");

    Result result = cli.run("import", file.toString());

    assertRefused(result, file + ":3:10: not valid JSON: Unexpected character ('\"' (code 34)): "
        + "was expecting comma to separate Object entries");
  }

  @Test
  void wrongJsonTypesAreReportedPerFieldWithTheRecordsLine() throws IOException {
    Path file = write("tasks.json", "[\n"
        + "{\"id\": 1, \"title\": 42},\n"
        + "{\"id\": {\"n\": 2}, \"title\": \"ok\", \"priority\": true},\n"
        + "{\"id\": 3, \"title\": [\"x\"], \"shortdesc\": 5},\n"
        + "\"not an object\"\n"
        + "]");

    Result result = cli.run("import", file.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly(
        "task: " + file + ":2: record 1: title: is a JSON number; accepted: a JSON string",
        "task: " + file + ":3: record 2: id: is a JSON object; accepted: a JSON integer (or a string of digits)",
        "task: " + file + ":3: record 2: priority: is a JSON boolean; accepted: a JSON integer (or a string of digits)",
        "task: " + file + ":4: record 3: title: is a JSON array; accepted: a JSON string",
        "task: " + file + ":4: record 3: shortdesc: is a JSON number; accepted: a JSON string",
        "task: " + file + ":5: record 4: is a JSON string; accepted: a JSON object with id, title, shortdesc, priority, done, done_at, created_at, updated_at,"
            + " due, tags, created_by and updated_by",
        "task: nothing imported: 6 problems in 4 of 4 records");
    assertUnchanged();
  }

  @Test
  void recordsOnOneLineAreToldApartByTheirNumber() throws IOException {
    Path file = write("tasks.json", "[{\"id\":1,\"title\":\"a\"},{\"id\":2,\"title\":\"\"}]");

    Result result = cli.run("import", file.toString());

    assertRefused(result, file + ":1: record 2: title: is empty; " + TITLE_ACCEPTED);
  }

  @Test
  void aMissingTitleUsesTheCoresMessage() throws IOException {
    Path file = write("tasks.jsonl", "{\"id\": 1, \"title\": \"fine\"}\n{\"id\": 2, \"priority\": 3}\n");

    Result result = cli.run("import", file.toString());

    assertRefused(result, file + ":2: record 2: title: is empty; " + TITLE_ACCEPTED);
  }

  @Test
  void anUnknownFieldIsRefusedRatherThanIgnored() throws IOException {
    Path file = write("tasks.jsonl", "{\"id\": 1, \"title\": \"a\", \"prio\": 3}\n");

    Result result = cli.run("import", file.toString());

    assertRefused(result, file + ":1: record 1: \"prio\": is not a field of a task; accepted: id, title, shortdesc, priority, done, done_at, created_at, updated_at, due, tags, created_by and"
        + " updated_by");
  }

  @Test
  void aFieldGivenTwiceIsRefused() throws IOException {
    Path file = write("tasks.jsonl", "{\"id\": 1, \"title\": \"a\", \"title\": \"b\"}\n");

    Result result = cli.run("import", file.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("task: " + file + ":1:").contains("Duplicate field 'title'");
    assertUnchanged();
  }

  @Test
  void duplicateIdsWithinTheFileAreReportedWithBothPositions() throws IOException {
    Path file = write("tasks.csv", "id,title\n5,a\n6,b\n5,c\n");

    Result result = cli.run("import", file.toString());

    assertRefused(result, file + ":4: record 3: id: 5 is also the id of record 1; accepted: each id once in the input");
  }

  @Test
  void badValuesGetTheCoresMessagesForEveryBadRecord() throws IOException {
    Path file = write("tasks.csv", "id,title,shortdesc,priority\n"
        + "x,a,,1\n"
        + "99999999999999999999,b,,2\n"
        + "3," + "t".repeat(10_240) + ",,3\n"
        + "4,d,\"bell\u0007\",4\n"
        + "5,e,,1001\n"
        + "6,f,,-1\n"
        + "7,fine,,7\n");

    Result result = cli.run("import", file.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly(
        "task: " + file + ":2: record 1: id: \"x\" is not a whole number; accepted: a whole number from 0 to 9223372036854775807",
        "task: " + file + ":3: record 2: id: 99999999999999999999 is out of range; accepted: a whole number from 0 to 9223372036854775807",
        "task: " + file + ":4: record 3: title: is 10240 characters long; " + TITLE_ACCEPTED,
        "task: " + file + ":5: record 4: shortdesc: contains the control character U+0007 at position 5; "
            + "accepted: up to 2000 characters; newlines and tabs but no other control characters",
        "task: " + file + ":6: record 5: priority: 1001 is out of range; accepted: a whole number from 0 to 1000 (empty means 0)",
        "task: " + file + ":7: record 6: priority: -1 is out of range; accepted: a whole number from 0 to 1000 (empty means 0)",
        "task: nothing imported: 6 problems in 6 of 7 records");
    assertUnchanged();
  }

  @Test
  void aCsvRecordWithTheWrongNumberOfFieldsIsReported() throws IOException {
    Path file = write("tasks.csv", "id,title\n1,a,extra\n");

    Result result = cli.run("import", file.toString());

    assertRefused(result, file + ":2: record 1: has 3 fields; accepted: 2 fields, as the header has");
  }

  @Test
  void aCsvHeaderWithAnUnknownColumnIsReported() throws IOException {
    Path file = write("tasks.csv", "id,name\n1,a\n");

    Result result = cli.run("import", file.toString());

    assertRefused(result, file + ":1: column \"name\" is not a field of a task; "
        + "accepted: a header of id, title and optionally shortdesc, priority, done, done_at, created_at, updated_at, due, tags,"
        + " created_by, updated_by");
  }

  @Test
  void csvLineNumbersCountLineBreaksInsideQuotedFields() throws IOException {
    Path file = write("tasks.csv", "id,title,shortdesc\r\n1,a,\"two\r\nlines\"\r\n2,,x\r\n");

    Result result = cli.run("import", file.toString());

    assertRefused(result, file + ":4: record 2: title: is empty; " + TITLE_ACCEPTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "jsonl", "csv"})
  void aTruncatedFileIsReportedAndNothingIsWritten(String format) throws IOException {
    Cli other = new Cli();
    other.given("x", "a \"quoted\", long description", 2);
    other.given("y");
    other.given("z");
    String exported = other.run("export", "--format", format).out();
    Path file = write("tasks." + format, exported.substring(0, exported.indexOf("long")));

    Result result = cli.run("import", file.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("task: " + file + ":")
        .containsAnyOf("ends inside a JSON value", "never closed")
        .contains("task: nothing imported: 1 problem");
    assertUnchanged();
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "jsonl", "csv"})
  void anEmptyFileIsRefused(String format) throws IOException {
    Path file = write("tasks." + format, "");

    Result result = cli.run("import", file.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).first().asString().startsWith("task: " + file + ":1: the input is empty; accepted: ");
    assertUnchanged();
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "jsonl", "csv"})
  void binaryJunkIsRefusedAsNotText(String format) throws IOException {
    byte[] junk = new byte[4096];
    new Random(42).nextBytes(junk);
    Path file = Files.write(directory.resolve("junk." + format), junk);

    Result result = cli.run("import", file.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("task: " + file + ":1")
        .contains("is not UTF-8 text (a binary file?); accepted: a UTF-8 text file");
    assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"deep", "long number", "long string"})
  void jsonBeyondTheParsersLimitsIsRefusedInPlainWords(String what) throws IOException {
    String value = what.equals("deep") ? "[".repeat(5_000) + "]".repeat(5_000)
        : what.equals("long number") ? "9".repeat(5_000) : "\"" + "s".repeat(70_000) + "\"";
    Path file = write("tasks.json", "[{\"id\": 1, \"title\": \"a\", \"shortdesc\": " + value + "}]");

    Result result = cli.run("import", file.toString());

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.err()).startsWith("task: " + file + ":1:").contains("exceeds the maximum allowed")
        .doesNotContain("StreamReadConstraints", "`");
    assertUnchanged();
  }

  @Test
  void aJsonLinesLineLongerThanAnyRecordStopsTheReading() throws IOException {
    Path file = write("tasks.jsonl", "{\"id\": 1, \"title\": \"a\"}\n{\"id\": 2, \"title\": \""
        + "t".repeat(300_000) + "\"}\n");

    Result result = cli.run("import", file.toString());

    assertRefused(result, file + ":2: the line is longer than 262144 characters; accepted: one task object per line");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1,", "1,\""})
  void aCsvRecordLongerThanAnyTaskStopsTheReading(String start) throws IOException {
    Path file = write("tasks.csv", "id,title\n" + start + "c".repeat(300_000) + "\n");

    Result result = cli.run("import", file.toString());

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.err()).startsWith("task: " + file + ":2: the ").contains("longer than 262144 characters");
    assertUnchanged();
  }

  @Test
  void csvJunkThatIsTextIsRefusedWithItsLine() throws IOException {
    Random random = new Random(7);
    StringBuilder junk = new StringBuilder("id,title\n");
    String alphabet = "ab,\"\n\r 1\u00e9\u2028";
    for (int i = 0; i < 20_000; i++) {
      junk.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    Path file = write("junk.csv", junk.toString());

    Result result = cli.run("import", file.toString());

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.errLines()).allMatch(line -> line.startsWith("task: "));
    assertThat(result.err()).contains("nothing imported");
    assertUnchanged();
  }

  @Test
  void jsonThatIsNotAnArrayIsRefused() throws IOException {
    Path file = write("tasks.json", "{\"id\": 1, \"title\": \"a\"}");

    Result result = cli.run("import", file.toString());

    assertRefused(result, file + ":1:1: the input is a JSON object, not an array; "
        + "accepted: a JSON array of task objects (or --format jsonl: one object per line)");
  }

  @Test
  void jsonLinesReportsEveryBadLineNotJustTheFirst() throws IOException {
    Path file = write("tasks.jsonl", "{\"id\": 1, \"title\": \"a\"}\n{oops}\n\n{\"id\": 3, \"title\": \"\"}\n");

    Result result = cli.run("import", file.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).hasSize(3);
    assertThat(result.errLines().get(0)).startsWith("task: " + file + ":2:2: record 2: not valid JSON:");
    assertThat(result.errLines().get(1)).isEqualTo("task: " + file + ":4: record 3: title: is empty; " + TITLE_ACCEPTED);
    assertThat(result.errLines().get(2)).isEqualTo("task: nothing imported: 2 problems in 2 of 3 records");
    assertUnchanged();
  }

  @Test
  void aMissingFileIsInvalidInput() {
    Result result = cli.run("import", directory.resolve("nope.json").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("task: cannot read " + directory.resolve("nope.json") + ": no such file\n");
  }

  @Test
  void aFormatThatCannotBeToldIsAUsageError() {
    Result unknownExtension = cli.run("import", "tasks.txt");
    Result stdinWithoutFormat = cli.run("import", "-");

    assertThat(unknownExtension.exitCode()).isEqualTo(2);
    assertThat(unknownExtension.err()).startsWith("task: Cannot tell the format of tasks.txt from its name: give --format json, jsonl, csv or taskwarrior\n");
    assertThat(stdinWithoutFormat.exitCode()).isEqualTo(2);
    assertThat(stdinWithoutFormat.err())
        .startsWith("task: Give --format json, jsonl, csv or taskwarrior when reading standard input\n");
  }

  @Test
  void problemsOnStandardInputNameIt() {
    cli.terminal.stdin("id,title\n1,\n");

    Result result = cli.run("import", "-", "--format", "csv");

    assertRefused(result, "<stdin>:2: record 1: title: is empty; " + TITLE_ACCEPTED);
  }

  private void assertRefused(Result result, String problem) {
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines()).first().isEqualTo("task: " + problem);
    assertThat(result.errLines()).last().asString().startsWith("task: nothing imported: 1 problem");
    assertUnchanged();
  }

  private void assertUnchanged() {
    assertThat(cli.allTasks()).describedAs("the store is unchanged").isEqualTo(before);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
  }
}
