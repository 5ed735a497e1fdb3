package dev.marquee.sandbox.state;

import java.io.IOException;

/**
 * The state file exists but cannot be read, or cannot be written: the sandbox refuses to start
 * rather than run without the persistence it was asked for. The message is one line naming the file
 * and the cause.
 */
public final class StateFileException extends IOException {

  public StateFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
