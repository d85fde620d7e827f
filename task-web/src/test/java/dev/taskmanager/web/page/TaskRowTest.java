package dev.taskmanager.web.page;

import static dev.taskmanager.core.contract.TestTimes.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.core.model.Task;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.TemplateModelException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A task as the list shows it: escaped once, its description previewed in one line of 80 characters. */
class TaskRowTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Due Friday|Due Friday",
      "'  Due \t Friday\n\nat noon  '|Due Friday at noon",
      "'\r\n'|''",
      "''|''",
      "'a\u000Bb\fc'|a b c",
  })
  void previewCollapsesWhiteSpaceRunsToOneSpace(String shortdesc, String preview) throws Exception {
    assertThat(previewOf(shortdesc)).isEqualTo(preview);
  }

  @Test
  void previewCutsLongDescriptionsAtEightyCharactersWithAnEllipsis() throws Exception {
    assertThat(previewOf("x".repeat(80))).isEqualTo("x".repeat(80));
    assertThat(previewOf("x".repeat(81))).isEqualTo("x".repeat(80) + "…");
    assertThat(previewOf("😀".repeat(81))).describedAs("counted in characters, not UTF-16 units")
        .isEqualTo("😀".repeat(80) + "…");
    assertThat(previewOf("x".repeat(79) + " y")).describedAs("no space before the ellipsis")
        .isEqualTo("x".repeat(79) + "…");
  }

  @Test
  void previewOfAnyTextIsTheTextWithEachWhiteSpaceRunAsOneSpace() throws Exception {
    // Compared with the plain regex on random text, so a shortcut for text with nothing to collapse
    // can never change a preview.
    Random random = new Random(20261125);
    String alphabet = "ab  \t\n\u000B\f\r\u00A0é";
    for (int run = 0; run < 10_000; run++) {
      StringBuilder text = new StringBuilder();
      for (int length = random.nextInt(12); length > 0; length--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String shortdesc = text.toString();

      assertThat(previewOf(shortdesc)).describedAs("preview of %s", shortdesc.codePoints().boxed().toList())
          .isEqualTo(shortdesc.replaceAll("\\s+", " ").strip());
    }
  }

  @Test
  void valuesAreHtmlEscapedText() throws Exception {
    TaskRow row = TaskRow.of(new Task(7, "<b>\"Tom\" & 'Jerry'</b>", "<script>alert(1)</script>", -3), TODAY);

    assertThat(markupOf(row, "title")).isEqualTo("&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;");
    assertThat(markupOf(row, "preview")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(markupOf(row, "id")).isEqualTo("7");
    assertThat(markupOf(row, "priority")).isEqualTo("-3");
  }

  /** The preview as the page prints it: the same as the text, as these have nothing HTML escapes. */
  private static String previewOf(String shortdesc) throws TemplateModelException {
    return markupOf(TaskRow.of(new Task(1, "A task", shortdesc, 0), TODAY), "preview");
  }

  private static String markupOf(TaskRow row, String key) throws TemplateModelException {
    return HTMLOutputFormat.INSTANCE.getMarkupString((TemplateHTMLOutputModel) row.get(key));
  }
}
