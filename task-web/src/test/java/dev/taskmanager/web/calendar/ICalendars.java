package dev.taskmanager.web.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;

/** Reads a feed as calendar apps do (ical4j), after checking it against RFC 5545. */
public final class ICalendars {

  private ICalendars() {}

  /** The events of a valid iCalendar document; fails the test when ical4j finds it invalid. */
  public static List<VEvent> eventsOf(String document) {
    try {
      Calendar calendar = new CalendarBuilder().build(new StringReader(document));
      ValidationResult result = calendar.validate();
      assertThat(result.hasErrors()).describedAs("RFC 5545 validation: %s", result.getEntries()).isFalse();
      return calendar.getComponents(Component.VEVENT);
    } catch (Exception unreadable) {
      throw new AssertionError("not an iCalendar document: " + unreadable.getMessage() + "\n" + document, unreadable);
    }
  }

  /** The value of an event's property, unescaped, or {@code null}. */
  public static String value(VEvent event, String property) {
    return event.getProperty(property).map(found -> found.getValue()).orElse(null);
  }
}
