package dev.marquee.device;

import java.util.regex.Pattern;

/**
 * The device token pairing hands out: the screen's only credential. It is written to the token file
 * and sent in the hello, and nowhere else: {@link #toString()} never shows it.
 */
final class DeviceToken {
  /** URL-safe base64 of 256 bits is 43 characters; some slack for a future longer token. */
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{32,128}");

  private final String value;

  private DeviceToken(String value) {
    this.value = value;
  }

  /**
   * The token, checked for its shape only.
   *
   * @throws IllegalArgumentException if it is not 32 to 128 URL-safe characters (the message does
   *     not repeat it)
   */
  static DeviceToken of(String value) {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("not a device token (32-128 URL-safe characters)");
    }
    return new DeviceToken(value);
  }

  /** The secret itself, for the hello and the token file only. */
  String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DeviceToken token && token.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "DeviceToken[hidden]";
  }
}
