package dev.marquee.device.art;

/** Album art could not be downloaded or read; the screen shows a placeholder instead. */
public final class ArtUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public ArtUnavailableException(String message) {
    super(message);
  }

  public ArtUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
