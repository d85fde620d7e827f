package dev.taskmanager.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmanager.core.account.ApiToken;
import dev.taskmanager.core.account.Scope;
import dev.taskmanager.core.account.TokenNotFoundException;
import dev.taskmanager.core.account.TokenStore;
import dev.taskmanager.core.model.TaskStoreException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TokenStore} must do. A store proves it by extending this class and giving a
 * fresh, empty store from {@link #newTokenStore()} for each test.
 */
public abstract class TokenStoreContract {

  private static final Instant MADE = Instant.parse("2026-12-06T10:00:00.123Z");
  private static final Instant LATER = Instant.parse("2026-12-07T08:30:00.456Z");

  protected TokenStore tokens;

  protected abstract TokenStore newTokenStore();

  protected void closeTokenStore() {}

  @BeforeEach
  void openTokenStore() {
    tokens = newTokenStore();
  }

  @AfterEach
  void close() {
    closeTokenStore();
  }

  private static ApiToken token(String id, String user, Instant made) {
    return new ApiToken(id, user, Scope.READ, "ab".repeat(32), made, Optional.empty(), Optional.empty());
  }

  @Test
  void aStoredTokenIsFoundByIdWithEveryField() {
    ApiToken expiring = new ApiToken("a1b2c3d4e5f6", "ann", Scope.WRITE, "cd".repeat(32), MADE, Optional.of(LATER),
        Optional.empty());
    tokens.add(expiring);

    assertThat(tokens.find("a1b2c3d4e5f6")).contains(expiring);
    assertThat(tokens.find("000000000000")).isEmpty();
  }

  @Test
  void everyScopeIsKept() {
    for (Scope scope : Scope.values()) {
      String id = String.format("%012d", scope.ordinal());
      ApiToken token = new ApiToken(id, "ann", scope, "ef".repeat(32), MADE, Optional.empty(), Optional.empty());
      tokens.add(token);

      assertThat(tokens.find(id)).contains(token);
    }
  }

  @Test
  void aSecondTokenWithTheSameIdIsRefusedAndTheFirstIsKept() {
    ApiToken first = token("000000000001", "ann", MADE);
    tokens.add(first);

    assertThatThrownBy(() -> tokens.add(token("000000000001", "bob", LATER))).isInstanceOf(TaskStoreException.class);
    assertThat(tokens.list()).containsExactly(first);
  }

  @Test
  void tokensAreListedByUserThenAgeAndPerUser() {
    tokens.add(token("000000000003", "bob", MADE));
    tokens.add(token("000000000002", "ann", LATER));
    tokens.add(token("000000000001", "ann", MADE));

    assertThat(tokens.list()).extracting(ApiToken::id).containsExactly("000000000001", "000000000002", "000000000003");
    assertThat(tokens.listOf("ann")).extracting(ApiToken::id).containsExactly("000000000001", "000000000002");
    assertThat(tokens.listOf("zoe")).isEmpty();
  }

  @Test
  void aRevokedTokenIsGoneAndRevokingItAgainSaysSo() {
    tokens.add(token("000000000001", "ann", MADE));

    tokens.revoke("000000000001");

    assertThat(tokens.find("000000000001")).isEmpty();
    assertThatThrownBy(() -> tokens.revoke("000000000001")).isInstanceOf(TokenNotFoundException.class)
        .hasMessage("token \"000000000001\" does not exist");
  }

  @Test
  void everyTokenOfAUserGoesAtOnceAndOthersStay() {
    tokens.add(token("000000000001", "ann", MADE));
    tokens.add(token("000000000002", "ann", LATER));
    tokens.add(token("000000000003", "bob", MADE));

    assertThat(tokens.revokeAllOf("ann")).isEqualTo(2);
    assertThat(tokens.revokeAllOf("ann")).isZero();
    assertThat(tokens.list()).extracting(ApiToken::id).containsExactly("000000000003");
  }

  @Test
  void aUseIsNotedAndNothingElseChanges() {
    ApiToken made = token("000000000001", "ann", MADE);
    tokens.add(made);

    tokens.used("000000000001", LATER);
    tokens.used("999999999999", LATER);

    assertThat(tokens.find("000000000001")).contains(new ApiToken(made.id(), made.user(), made.scope(),
        made.secretHash(), made.createdAt(), made.expiresAt(), Optional.of(LATER)));
    assertThat(tokens.list()).hasSize(1);
  }
}
