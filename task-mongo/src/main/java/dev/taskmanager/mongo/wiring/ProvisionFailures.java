package dev.taskmanager.mongo.wiring;

import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import java.util.Collection;
import java.util.List;

/**
 * What a provider threw (a store that cannot open), from inside Guice's report of it: the cause is
 * the news, in words for people; Guice's report is for developers. Both programs ask here.
 */
public final class ProvisionFailures {

  private ProvisionFailures() {}

  /** The first error's cause, through nested reports; {@code thrown} itself when it is no report. */
  public static Throwable causeOf(Throwable thrown) {
    Collection<Message> errors = thrown instanceof ProvisionException provision ? provision.getErrorMessages()
        : thrown instanceof CreationException creation ? creation.getErrorMessages() : List.of();
    for (Message error : errors) {
      if (error.getCause() != null) {
        return causeOf(error.getCause());
      }
    }
    return thrown;
  }
}
