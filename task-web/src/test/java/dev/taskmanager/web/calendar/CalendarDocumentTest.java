package dev.taskmanager.web.calendar;

import static dev.taskmanager.web.calendar.ICalendars.eventsOf;
import static dev.taskmanager.web.calendar.ICalendars.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.core.model.Task;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class CalendarDocumentTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:15:30.456Z");

  private static Task task(long id, String title, String description, LocalDate due, List<String> tags,
      Instant createdAt) {
    return new Task(id, title, description, 3, null, createdAt, createdAt, due, tags);
  }

  @Test
  void eachTaskIsAnAllDayEventOnItsDueDayLinkingBackToIt() {
    String document = CalendarDocument.of("ann", "https://tasks.example", "tasks.example", List.of(
        task(7, "Pay rent", "Transfer to the landlord", LocalDate.of(2026, 12, 24), List.of("home", "money"),
            Instant.parse("2026-12-01T09:30:00Z"))), NOW);

    List<VEvent> events = eventsOf(document);
    assertThat(events).hasSize(1);
    VEvent event = events.get(0);
    assertThat(value(event, "UID")).isEqualTo("task-7@tasks.example");
    assertThat(value(event, "SUMMARY")).isEqualTo("Pay rent");
    assertThat(value(event, "DESCRIPTION")).isEqualTo("Transfer to the landlord");
    assertThat(value(event, "DTSTART")).isEqualTo("20261224");
    assertThat(value(event, "DTEND")).isEqualTo("20261225");
    assertThat(value(event, "DTSTAMP")).isEqualTo("20261206T101530Z");
    assertThat(value(event, "CREATED")).isEqualTo("20261201T093000Z");
    assertThat(value(event, "CATEGORIES")).isEqualTo("home,money");
    assertThat(value(event, "URL")).isEqualTo("https://tasks.example/tasks/7");
    assertThat(value(event, "TRANSP")).isEqualTo("TRANSPARENT");
    assertThat(document).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n")
        .contains("\r\nX-WR-CALNAME:Tasks of ann\r\n");
  }

  @Test
  void textThatIcalendarGivesMeaningIsEscapedAndComesBackAsItWas() {
    String awkward = "Call: Bob, Ann; and \\ the \"team\"\nline two\r\nline three";
    String document = CalendarDocument.of("a,b;c", "http://127.0.0.1:8080", "127.0.0.1", List.of(
        task(1, "Plan; decide, act \\ now", awkward, LocalDate.of(2026, 1, 31), List.of(), null)), NOW);

    VEvent event = eventsOf(document).get(0);
    assertThat(value(event, "SUMMARY")).isEqualTo("Plan; decide, act \\ now");
    assertThat(value(event, "DESCRIPTION")).isEqualTo("Call: Bob, Ann; and \\ the \"team\"\nline two\nline three");
    assertThat(document).contains("X-WR-CALNAME:Tasks of a\\,b\\;c\r\n");
    assertThat(value(event, "CREATED")).describedAs("a task of the old app has no creation time").isNull();
  }

  @Test
  void longLinesAreFoldedAt75OctetsWithoutSplittingACharacter() {
    String title = "Überprüfung der Jahresabrechnung 🧾 für das Gebäude in der Königstraße ".repeat(4).strip();
    String document = CalendarDocument.of("ann", "http://localhost", "localhost", List.of(
        task(3, title, "", LocalDate.of(2026, 12, 24), List.of(), null)), NOW);

    for (String line : document.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).describedAs(line).isLessThanOrEqualTo(75);
    }
    assertThat(document).doesNotContain("\uFFFD").contains("\r\n ");
    assertThat(value(eventsOf(document).get(0), "SUMMARY")).isEqualTo(title);
  }

  @Test
  void aTaskDueOnTheLastDayADateHoldsHasNoEndDayBeyondIt() {
    String document = CalendarDocument.of("ann", "http://localhost", "localhost", List.of(
        task(9, "Far away", "", LocalDate.of(9999, 12, 31), List.of(), null)), NOW);

    VEvent event = eventsOf(document).get(0);
    assertThat(value(event, "DTSTART")).isEqualTo("99991231");
    assertThat(value(event, "DTEND")).describedAs("one day, as RFC 5545 reads a day with no end").isNull();
  }

  @Test
  void noTasksIsAnEmptyButValidCalendar() {
    String document = CalendarDocument.of("ann", "http://localhost", "localhost", List.of(), NOW);

    assertThat(eventsOf(document)).isEmpty();
  }
}
