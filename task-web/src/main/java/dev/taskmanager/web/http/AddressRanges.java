package dev.taskmanager.web.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A list of IP addresses and CIDR ranges, as a setting gives it: the reverse proxies whose {@code
 * X-Forwarded-*} headers the app believes, or the clients that may read its metrics.
 */
public final class AddressRanges {

  /** IP literals only (dotted quads, or with colons for IPv6), so that parsing never asks DNS. */
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final List<Range> ranges;
  private final List<String> entries;

  private AddressRanges(List<Range> ranges, List<String> entries) {
    this.ranges = List.copyOf(ranges);
    this.entries = List.copyOf(entries);
  }

  /**
   * Reads a list such as {@code 127.0.0.1,::1,10.0.0.0/8}: IP addresses or CIDR ranges separated
   * by commas or spaces; {@code none} or blank holds no address.
   *
   * @throws IllegalArgumentException naming the entry that is neither
   */
  public static AddressRanges parse(String text) {
    List<Range> ranges = new ArrayList<>();
    List<String> entries = new ArrayList<>();
    for (String entry : text.strip().split("[,\\s]+")) {
      if (entry.isEmpty() || entry.toLowerCase(Locale.ROOT).equals("none")) {
        continue;
      }
      ranges.add(Range.parse(entry));
      entries.add(entry);
    }
    return new AddressRanges(ranges, entries);
  }

  /** Whether the text is an IP address written out, which {@link InetAddress} reads without DNS. */
  static boolean isIpLiteral(String text) {
    return IP_LITERAL.matcher(text).matches();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AddressRanges && ((AddressRanges) other).entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return entries.isEmpty() ? "none" : String.join(",", entries);
  }

  public boolean contains(InetAddress address) {
    return address != null && ranges.stream().anyMatch(range -> range.contains(address));
  }

  private record Range(byte[] network, int prefixLength) {

    static Range parse(String entry) {
      int slash = entry.indexOf('/');
      String host = slash < 0 ? entry : entry.substring(0, slash);
      if (!isIpLiteral(host)) {
        throw new IllegalArgumentException(entry);
      }
      byte[] network;
      try {
        network = InetAddress.getByName(host).getAddress();
      } catch (UnknownHostException | SecurityException notAnAddress) {
        throw new IllegalArgumentException(entry, notAnAddress);
      }
      int bits = network.length * 8;
      int prefix = bits;
      if (slash >= 0) {
        String length = entry.substring(slash + 1);
        if (!length.matches("[0-9]{1,3}") || Integer.parseInt(length) > bits) {
          throw new IllegalArgumentException(entry);
        }
        prefix = Integer.parseInt(length);
      }
      return new Range(network, prefix);
    }

    boolean contains(InetAddress address) {
      byte[] candidate = address.getAddress();
      if (candidate.length != network.length) {
        return false;
      }
      int whole = prefixLength / 8;
      for (int i = 0; i < whole; i++) {
        if (candidate[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixLength % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xff << (8 - rest) & 0xff;
      return (candidate[whole] & mask) == (network[whole] & mask);
    }
  }
}
