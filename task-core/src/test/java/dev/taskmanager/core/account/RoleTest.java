package dev.taskmanager.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTest {

  @Test
  void eachRoleIncludesTheOnesBeforeIt() {
    assertThat(Role.ADMIN.includes(Role.EDITOR)).isTrue();
    assertThat(Role.EDITOR.includes(Role.VIEWER)).isTrue();
    assertThat(Role.EDITOR.includes(Role.EDITOR)).isTrue();
    assertThat(Role.EDITOR.includes(Role.ADMIN)).isFalse();
    assertThat(Role.VIEWER.includes(Role.EDITOR)).isFalse();
  }

  @Test
  void aRoleIsReadFromItsWordInAnyCase() {
    assertThat(Role.of("viewer")).isEqualTo(Role.VIEWER);
    assertThat(Role.of(" Admin ")).isEqualTo(Role.ADMIN);
    assertThat(Role.EDITOR.word()).isEqualTo("editor");
  }

  @Test
  void anUnknownRoleNamesTheAcceptedOnes() {
    assertThatThrownBy(() -> Role.of("root")).isInstanceOf(InvalidAccountException.class)
        .hasMessage("role: is \"root\"; accepted: viewer, editor or admin");
  }
}
