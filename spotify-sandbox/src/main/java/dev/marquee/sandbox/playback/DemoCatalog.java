package dev.marquee.sandbox.playback;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Invented but realistic music and podcasts for the demo users. It deliberately includes the cases
 * screens get wrong: Japanese and Korean titles, a title far too long for any screen, an explicit
 * track, several artists, and long podcast episodes.
 */
public final class DemoCatalog {

  private static final Artist NEON_HARBOR = Artist.named("Neon Harbor");
  private static final Album PULSE_LINES =
      Album.of("Pulse Lines", List.of(NEON_HARBOR), "2022-03-18", 11);

  /** Upbeat tracks for a gym. */
  public static final List<PlayableItem> GYM =
      List.of(
          Track.of("Run the Night", List.of(NEON_HARBOR), PULSE_LINES, 1, minutes(3, 34), false),
          Track.of(
              "Lift Off (Radio Edit)",
              List.of(Artist.named("Kaia Sol"), Artist.named("DJ Marrow")),
              Album.of(
                  "Lift Off",
                  List.of(Artist.named("Kaia Sol"), Artist.named("DJ Marrow")),
                  "2023-06-02",
                  1),
              1,
              minutes(2, 58),
              false),
          Track.of(
              "Heartbeat Cadence",
              List.of(Artist.named("The Iron Choir")),
              Album.of("Cadence", List.of(Artist.named("The Iron Choir")), "2021-10-08", 9),
              4,
              minutes(4, 12),
              true),
          Track.of("Second Wind", List.of(NEON_HARBOR), PULSE_LINES, 7, minutes(3, 47), false),
          Track.of(
              "The Extraordinarily Long and Winding Title of a Song That Refuses to Fit on Any"
                  + " Screen (Extended Live Version Recorded at the Old Harbour Warehouse,"
                  + " Remastered 2024)",
              List.of(Artist.named("Marisol & The Lighthouse Keepers")),
              Album.of(
                  "Live at the Old Harbour Warehouse",
                  List.of(Artist.named("Marisol & The Lighthouse Keepers")),
                  "2024-01-26",
                  14),
              12,
              minutes(5, 51),
              false));

  /** Calm tracks for a shop window, starting with a Japanese title. */
  public static final List<PlayableItem> SHOP =
      List.of(
          Track.of("真夜中のドライブ", "星野ハルカ", "夜明けの色", "2020-11-11", minutes(4, 5)),
          Track.of("Café Lumière", "Élodie Marchand", "Rive Gauche", "2019-04-12", minutes(3, 21)),
          Track.of("Slow Afternoon", "Paper Lanterns", "Window Seat", "2022-08-19", minutes(2, 44)),
          Track.of("서울의 밤 (Seoul Nights)", "윤서아", "Neon Rain", "2023-02-14", minutes(3, 52)),
          Track.of(
              "Velvet Morning", "Paper Lanterns", "Window Seat", "2022-08-19", minutes(4, 30)));

  private static final Show QUIET_BUILD =
      Show.of(
          "The Quiet Build",
          "Quiet Build Media",
          "Conversations with the people behind small software teams.",
          142);
  private static final Show BYTES_AND_BREWS =
      Show.of(
          "Bytes & Brews",
          "Two Mugs Studio",
          "A weekly chat about programming, coffee and everything in between.",
          57);

  /** Office background: focus music and podcast episodes. */
  public static final List<PlayableItem> OFFICE =
      List.of(
          Track.of("Focus Flow", "Lo-Fi Atlas", "Deep Work Sessions", "2021-01-15", minutes(2, 31)),
          Episode.of(
              "Episode 142: How Small Teams Ship Big Things",
              QUIET_BUILD,
              "We talk to three engineering leads about shipping with fewer people.",
              "2025-05-06",
              minutes(43, 20)),
          Track.of("Paper Planes Over Oslo", "Nordlys", "Fjordlight", "2018-09-21", minutes(5, 12)),
          Track.of(
              "Coffee Break Bossa", "Trio Azul", "Bossa for Mondays", "2017-03-03", minutes(3, 5)),
          Episode.of(
              "Ep. 57 — Naming Things Is Hard",
              BYTES_AND_BREWS,
              "Why naming is the hardest problem in programming, and what helps.",
              "2025-04-29",
              minutes(27, 45)));

  private static final Map<String, PlayableItem> BY_ID =
      Stream.of(GYM, SHOP, OFFICE)
          .flatMap(List::stream)
          .collect(Collectors.toUnmodifiableMap(PlayableItem::id, Function.identity()));

  private DemoCatalog() {}

  /** Every demo item, for building custom queues. */
  public static List<PlayableItem> all() {
    return Stream.of(GYM, SHOP, OFFICE).flatMap(List::stream).toList();
  }

  public static Optional<PlayableItem> find(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  private static Duration minutes(int minutes, int seconds) {
    return Duration.ofMinutes(minutes).plusSeconds(seconds);
  }
}
