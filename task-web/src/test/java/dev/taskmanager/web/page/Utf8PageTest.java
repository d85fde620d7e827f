package dev.taskmanager.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Utf8PageTest {

  private static byte[] bytesOf(Utf8Page page) {
    ByteBuffer bytes = page.bytes();
    return Arrays.copyOfRange(bytes.array(), 0, bytes.limit());
  }

  @Test
  void writesEveryCharacterAsUtf8LikeTheJdk() {
    String text = "Task 7 <b>&amp; café → ▲ 日本 😀 done</b>";
    Utf8Page page = new Utf8Page(4);
    page.write(text);
    page.write(text.toCharArray(), 5, 10);
    page.write('!');

    String expected = text + text.substring(5, 15) + "!";
    assertThat(bytesOf(page)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void joinsASurrogatePairSplitAcrossTwoWrites() {
    String emoji = "😀";
    Utf8Page page = new Utf8Page(1);
    page.write("a" + emoji.charAt(0));
    page.write(emoji.charAt(1) + "b");

    assertThat(bytesOf(page)).isEqualTo(("a" + emoji + "b").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void writesHalfAPairAsAQuestionMarkAsTheJdkDoes() {
    String lone = "x\uD83Dy\uDE00z\uD83D";
    Utf8Page page = new Utf8Page(16);
    page.write(lone);

    assertThat(bytesOf(page)).isEqualTo(lone.getBytes(StandardCharsets.UTF_8))
        .isEqualTo("x?y?z?".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void growsPastItsFirstSize() {
    String text = "a".repeat(10_000) + "é".repeat(10_000);
    Utf8Page page = new Utf8Page(16);
    page.write(text);

    assertThat(bytesOf(page)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
  }
}
