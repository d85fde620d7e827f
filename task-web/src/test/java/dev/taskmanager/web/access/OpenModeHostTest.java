package dev.taskmanager.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenModeHostTest {

  @Test
  void onlyLocalhostAndLoopbackAddressesNameThisMachine() {
    assertThat(OpenMode.namesThisMachine("localhost")).isTrue();
    assertThat(OpenMode.namesThisMachine("LOCALHOST")).isTrue();
    assertThat(OpenMode.namesThisMachine("127.0.0.1")).isTrue();
    assertThat(OpenMode.namesThisMachine("127.1.2.3")).isTrue();
    assertThat(OpenMode.namesThisMachine("[::1]")).isTrue();
    assertThat(OpenMode.namesThisMachine("::1")).isTrue();
  }

  @Test
  void anyOtherNameIsAnotherMachineEvenWhenItResolvesHere() {
    // A rebinding attacker's name resolves to 127.0.0.1: it is never looked up.
    assertThat(OpenMode.namesThisMachine("attacker.example")).isFalse();
    assertThat(OpenMode.namesThisMachine("localhost.attacker.example")).isFalse();
    assertThat(OpenMode.namesThisMachine("127.0.0.1.nip.io")).isFalse();
    assertThat(OpenMode.namesThisMachine("10.0.0.7")).isFalse();
    assertThat(OpenMode.namesThisMachine("[::ffff:10.0.0.7]")).isFalse();
    assertThat(OpenMode.namesThisMachine("")).isFalse();
    assertThat(OpenMode.namesThisMachine(null)).isFalse();
  }
}
