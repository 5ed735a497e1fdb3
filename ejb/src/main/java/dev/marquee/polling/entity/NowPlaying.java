package dev.marquee.polling.entity;

import static dev.marquee.database.control.Columns.cut;
import static dev.marquee.database.control.Columns.utc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * What an account plays as screens should see it, with a version that grows by one on every
 * meaningful change. A meaningful change is a different item, kind, play/pause state or {@link
 * FeedStatus}, or a progress that jumped away from where interpolation puts it (a seek). Progress
 * that moves as expected changes nothing here, so a steady track costs no write.
 */
@Entity
@Table(name = "now_playing")
public class NowPlaying {

  static final int MAX_TEXT = 1000;
  static final int MAX_ID = 200;

  @Id
  @Column(name = "account_id")
  private UUID accountId;

  @Column(name = "version", nullable = false)
  private long version;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private FeedStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false)
  private PlaybackKind kind;

  @Column(name = "playing", nullable = false)
  private boolean playing;

  @Column(name = "item_id")
  private String itemId;

  @Column(name = "title")
  private String title;

  @Column(name = "artists")
  private String artists;

  @Column(name = "album")
  private String album;

  @Column(name = "image_large")
  private String imageLarge;

  @Column(name = "image_small")
  private String imageSmall;

  @Column(name = "duration_ms", nullable = false)
  private long durationMs;

  @Column(name = "progress_ms", nullable = false)
  private long progressMs;

  @Column(name = "fetched_at", nullable = false)
  private OffsetDateTime fetchedAt;

  protected NowPlaying() {
    // for JPA
  }

  /** The first state seen for an account: version 1. */
  public NowPlaying(UUID accountId, Playback playback, FeedStatus status) {
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    this.version = 0;
    apply(playback, status);
  }

  /**
   * Whether screens must hear about {@code next}: see the class comment. {@code seekTolerance} is
   * how far observed progress may drift from the interpolated one before it counts as a seek.
   */
  public boolean changesWith(Playback next, FeedStatus nextStatus, Duration seekTolerance) {
    Playback current = playback();
    if (status != nextStatus
        || current.kind() != next.kind()
        || current.playing() != next.playing()
        || !Objects.equals(current.itemId(), next.itemId())
        || !Objects.equals(current.title(), next.title())) {
      return true;
    }
    long expected = current.expectedProgressAt(next.fetchedAt());
    return Math.abs(expected - next.progressMs()) > seekTolerance.toMillis();
  }

  /** Takes {@code next} as the new state: a new version. */
  public void apply(Playback next, FeedStatus nextStatus) {
    this.version++;
    this.status = Objects.requireNonNull(nextStatus, "status");
    this.kind = next.kind();
    this.playing = next.playing();
    this.itemId = cut(next.itemId(), MAX_ID);
    this.title = cut(next.title(), MAX_TEXT);
    this.artists = cut(next.artists(), MAX_TEXT);
    this.album = cut(next.album(), MAX_TEXT);
    this.imageLarge = url(next.imageLarge());
    this.imageSmall = url(next.imageSmall());
    this.durationMs = next.durationMs();
    this.progressMs = next.progressMs();
    this.fetchedAt = utc(next.fetchedAt());
  }

  /** The same playback with another status (stale, needs reconnect): a new version. */
  public void mark(FeedStatus nextStatus) {
    apply(playback(), nextStatus);
  }

  public Playback playback() {
    return new Playback(
        kind,
        playing,
        itemId,
        title,
        artists,
        album,
        imageLarge,
        imageSmall,
        durationMs,
        progressMs,
        fetchedAt.toInstant());
  }

  public UUID accountId() {
    return accountId;
  }

  public long version() {
    return version;
  }

  public FeedStatus status() {
    return status;
  }

  /** A URL too long to store is dropped, not cut: a cut URL points nowhere. */
  private static String url(String url) {
    return url == null || url.length() > MAX_TEXT ? null : url;
  }
}
