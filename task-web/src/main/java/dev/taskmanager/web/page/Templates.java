package dev.taskmanager.web.page;

import dev.taskmanager.web.http.Resources;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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
  /** A page of 500 tasks is ~310 KB; beyond this a page starts smaller and grows. */
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
    // Sized for the last page this template made: growing by doubling copies the page each time,
    // and those copies were a quarter of the garbage a page made.
    Utf8Page page = new Utf8Page(lastSizes.getOrDefault(name, FIRST_SIZE));
    configuration.getTemplate(name).process(model, page);
    ByteBuffer bytes = page.bytes();
    lastSizes.put(name, Math.min(bytes.limit() + bytes.limit() / 8, LARGEST_START_SIZE));
    return bytes;
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
