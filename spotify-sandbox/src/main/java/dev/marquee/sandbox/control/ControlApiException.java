package dev.marquee.sandbox.control;

/** A control API request that cannot be served, with the status to answer. */
final class ControlApiException extends RuntimeException {

  private final int status;

  ControlApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  static ControlApiException badRequest(String message) {
    return new ControlApiException(400, message);
  }

  static ControlApiException notFound() {
    return new ControlApiException(404, "No such control endpoint");
  }

  static ControlApiException methodNotAllowed() {
    return new ControlApiException(405, "Method not allowed");
  }
}
