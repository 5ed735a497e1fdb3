package dev.marquee.sandbox;

import java.util.Set;

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

  /** Every counted endpoint name. */
  public static final Set<String> ALL = Set.of(TOKEN, ME, CURRENTLY_PLAYING, PLAYER);

  private Endpoints() {}
}
