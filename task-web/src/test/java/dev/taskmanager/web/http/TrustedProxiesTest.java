package dev.taskmanager.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

  @Test
  void trustsAddressesAndRangesOfBothFamilies() throws Exception {
    TrustedProxies trusted = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8,172.16.0.0/12 fd00::/8");

    assertThat(trusted.trusts(InetAddress.getByName("127.0.0.1"))).isTrue();
    assertThat(trusted.trusts(InetAddress.getByName("10.200.3.4"))).isTrue();
    assertThat(trusted.trusts(InetAddress.getByName("172.31.255.255"))).isTrue();
    assertThat(trusted.trusts(InetAddress.getByName("172.32.0.1"))).isFalse();
    assertThat(trusted.trusts(InetAddress.getByName("fd12::1"))).isTrue();
    assertThat(trusted.trusts(InetAddress.getByName("127.0.0.2"))).isFalse();
    assertThat(trusted.trusts(InetAddress.getByName("::1"))).isFalse();
  }

  @Test
  void noneTrustsNobody() throws Exception {
    assertThat(TrustedProxies.parse("none").trusts(InetAddress.getByName("127.0.0.1"))).isFalse();
    assertThat(TrustedProxies.parse("").trusts(InetAddress.getByName("127.0.0.1"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"proxy.local", "10.0.0.0/33", "::1/129", "1.2.3", "10.0.0.0/x", "localhost"})
  void refusesAnythingButAddressesAndRangesWithoutAskingDns(String entry) {
    assertThatThrownBy(() -> TrustedProxies.parse(entry)).isInstanceOf(IllegalArgumentException.class);
  }
}
