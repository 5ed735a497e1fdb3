package dev.marquee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * What a process listens on, read from Linux's {@code /proc} as {@code ss -ltnup} does: the
 * process's socket inodes matched against the kernel's TCP (listening) and UDP (bound) tables.
 */
public final class ListeningSockets {

  /** One socket waiting for peers: the protocol, the local address and the port. */
  public record Listener(String protocol, InetAddress address, int port) {

    public boolean loopback() {
      return address.isLoopbackAddress();
    }

    @Override
    public String toString() {
      return protocol + " " + address.getHostAddress() + ":" + port;
    }
  }

  private static final String TCP_LISTEN = "0A";
  private static final String UDP_UNCONNECTED = "07";

  private ListeningSockets() {}

  /** Every TCP socket in LISTEN state and every unconnected UDP socket the process holds. */
  public static List<Listener> of(long pid) {
    Set<String> inodes = socketInodes(pid);
    List<Listener> listeners = new ArrayList<>();
    listeners.addAll(read("tcp", Path.of("/proc/net/tcp"), TCP_LISTEN, inodes));
    listeners.addAll(read("tcp", Path.of("/proc/net/tcp6"), TCP_LISTEN, inodes));
    listeners.addAll(read("udp", Path.of("/proc/net/udp"), UDP_UNCONNECTED, inodes));
    listeners.addAll(read("udp", Path.of("/proc/net/udp6"), UDP_UNCONNECTED, inodes));
    return listeners;
  }

  private static Set<String> socketInodes(long pid) {
    Set<String> inodes = new HashSet<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", pid + "", "fd"))) {
      for (Path fd : fds) {
        String target = readLink(fd);
        if (target.startsWith("socket:[")) {
          inodes.add(target.substring("socket:[".length(), target.length() - 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return inodes;
  }

  private static String readLink(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (IOException e) {
      // The descriptor closed while we looked: it was no listener.
      return "";
    }
  }

  private static List<Listener> read(
      String protocol, Path table, String state, Set<String> inodes) {
    List<Listener> found = new ArrayList<>();
    if (!Files.exists(table)) {
      return found;
    }
    try {
      List<String> lines = Files.readAllLines(table);
      for (String line : lines.subList(1, lines.size())) {
        String[] columns = line.trim().split("\\s+");
        if (columns[3].equals(state) && inodes.contains(columns[9])) {
          String[] local = columns[1].split(":");
          found.add(new Listener(protocol, address(local[0]), Integer.parseInt(local[1], 16)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** The kernel prints addresses as 32-bit words in host (little-endian) order. */
  private static InetAddress address(String hex) {
    byte[] raw = HexFormat.of().parseHex(hex);
    byte[] address = new byte[raw.length];
    for (int word = 0; word < raw.length; word += 4) {
      for (int i = 0; i < 4; i++) {
        address[word + i] = raw[word + 3 - i];
      }
    }
    try {
      return InetAddress.getByAddress(address);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("Not an address: " + hex, e);
    }
  }
}
