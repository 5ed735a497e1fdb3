package dev.marquee.sandbox;

/** Names of the endpoints used by counters and to target faults. */
public final class Endpoints {

  /** {@code POST /api/token}. */
  public static final String TOKEN = "token";

  /** {@code GET /v1/me}. */
  public static final String ME = "me";

  /** {@code GET /v1/me/player/currently-playing}. */
  public static final String CURRENTLY_PLAYING = "currently-playing";

  /** {@code GET /v1/me/player}. */
  public static final String PLAYER = "player";

  private Endpoints() {}
}
