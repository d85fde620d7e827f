package dev.taskmanager.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangesTest {

  @Test
  void trustsAddressesAndRangesOfBothFamilies() throws Exception {
    AddressRanges trusted = AddressRanges.parse("127.0.0.1, 10.0.0.0/8,172.16.0.0/12 fd00::/8");

    assertThat(trusted.contains(InetAddress.getByName("127.0.0.1"))).isTrue();
    assertThat(trusted.contains(InetAddress.getByName("10.200.3.4"))).isTrue();
    assertThat(trusted.contains(InetAddress.getByName("172.31.255.255"))).isTrue();
    assertThat(trusted.contains(InetAddress.getByName("172.32.0.1"))).isFalse();
    assertThat(trusted.contains(InetAddress.getByName("fd12::1"))).isTrue();
    assertThat(trusted.contains(InetAddress.getByName("127.0.0.2"))).isFalse();
    assertThat(trusted.contains(InetAddress.getByName("::1"))).isFalse();
  }

  @Test
  void noneTrustsNobody() throws Exception {
    assertThat(AddressRanges.parse("none").contains(InetAddress.getByName("127.0.0.1"))).isFalse();
    assertThat(AddressRanges.parse("").contains(InetAddress.getByName("127.0.0.1"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"proxy.local", "10.0.0.0/33", "::1/129", "1.2.3", "10.0.0.0/x", "localhost"})
  void refusesAnythingButAddressesAndRangesWithoutAskingDns(String entry) {
    assertThatThrownBy(() -> AddressRanges.parse(entry)).isInstanceOf(IllegalArgumentException.class);
  }
}
