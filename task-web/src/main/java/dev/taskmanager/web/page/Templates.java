package dev.taskmanager.web.page;

import dev.taskmanager.web.http.Resources;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Freemarker templates ({@code .ftlh}: HTML auto-escaping on). A template error is thrown, never
 * printed into the page, and a page is rendered completely before a byte is sent.
 */
public final class Templates {

  private static final int FIRST_SIZE = 16 * 1024;
  /** A page of 500 tasks is ~450 KB; beyond this a page starts smaller and grows. */
  private static final int LARGEST_START_SIZE = 512 * 1024;

  private final Configuration configuration;
  private final Map<String, Integer> lastSizes = new ConcurrentHashMap<>();

  public Templates(Resources resources) {
    configuration = new Configuration(Configuration.VERSION_2_3_35);
    configuration.setTemplateLoader(loader(resources));
    configuration.setDefaultEncoding("UTF-8");
    configuration.setOutputEncoding("UTF-8");
    configuration.setLocale(Locale.ENGLISH);
    configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
    // Ids print as 1234567, not 1,234,567.
    configuration.setNumberFormat("computer");
    // Templates may not instantiate classes (?new) or reach Java APIs (?api).
    configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    configuration.setAPIBuiltinEnabled(false);
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setWrapUncheckedExceptions(true);
    configuration.setFallbackOnNullLoopVariable(false);
    configuration.setTemplateUpdateDelayMilliseconds(resources.sourceDirectory() != null ? 0 : Long.MAX_VALUE);
  }

  /** The page a template makes of a model. */
  public ByteBuffer render(String name, Map<String, ?> model) throws IOException, TemplateException {
    // Straight to UTF-8 bytes: a page of 100 tasks is ~90 KB, and building it as a String first
    // (a StringBuffer doubling as it grows, then a copy, then an encoding) was a third of its cost.
    // Sized for the last page this template made: growing by doubling copies the page each time,
    // and those copies were a quarter of the garbage a page made.
    Html html = new Html(lastSizes.getOrDefault(name, FIRST_SIZE));
    try (Writer writer = new BufferedWriter(new OutputStreamWriter(html, StandardCharsets.UTF_8), 8192)) {
      configuration.getTemplate(name).process(model, writer);
    }
    lastSizes.put(name, Math.min(html.size() + html.size() / 8, LARGEST_START_SIZE));
    return html.bytes();
  }

  /** The page's bytes, handed over without a copy. */
  private static final class Html extends ByteArrayOutputStream {

    Html(int size) {
      super(size);
    }

    ByteBuffer bytes() {
      return ByteBuffer.wrap(buf, 0, count);
    }
  }

  private static TemplateLoader loader(Resources resources) {
    if (resources.sourceDirectory() == null) {
      return new ClassTemplateLoader(Templates.class, "/templates");
    }
    try {
      return new FileTemplateLoader(resources.sourceDirectory().resolve("templates").toFile());
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
