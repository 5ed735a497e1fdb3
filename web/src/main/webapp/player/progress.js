// Where a track is between two states: the state says how far it was when Marquee asked Spotify
// (progress_ms as of fetched_at); the screen adds the time since, on the server's clock, and stops
// at the track's end. Paused, it stays where it is. A duration outside (0, 24 h] is unknown (the
// server says so in duration_known; the player holds the same bound for any server): then there
// is no progress to show, and the times are empty.

/** The longest duration shown: a day. */
export const MAX_DURATION_MS = 24 * 60 * 60 * 1000;

/** Whether the data's duration is one to show progress against. */
export function durationKnown(data) {
  const duration = number(data.duration_ms);
  return data.duration_known !== false && duration > 0 && duration <= MAX_DURATION_MS;
}

/** Progress in ms at the given server time; 0 when the duration is unknown. */
export function progressAt(data, serverNow) {
  if (!durationKnown(data)) {
    return 0;
  }
  const duration = number(data.duration_ms);
  const progress = clamp(number(data.progress_ms), 0, duration);
  if (data.is_playing !== true) {
    return progress;
  }
  const fetched = Date.parse(data.fetched_at);
  if (Number.isNaN(fetched)) {
    return progress;
  }
  return clamp(progress + Math.max(0, serverNow - fetched), 0, duration);
}

/** m:ss, or h:mm:ss from an hour (podcasts). */
export function formatDuration(ms) {
  const total = Math.floor(Math.max(0, number(ms)) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? hours + ':' + String(minutes).padStart(2, '0') + ':' + seconds : minutes + ':' + seconds;
}

/** "34.0%", as the widget's data schema writes it. */
export function percent(ms, duration) {
  const whole = number(duration);
  return whole > 0 ? ((100 * clamp(number(ms), 0, whole)) / whole).toFixed(1) + '%' : '0.0%';
}

/** The state's data with its progress fields as of the server time; empty times when unknown. */
export function dataAt(data, serverNow) {
  if (!durationKnown(data)) {
    return {
      ...data,
      duration_known: false,
      duration_ms: 0,
      duration_formatted: '',
      progress_ms: 0,
      progress_formatted: '',
      progress_percent: '0%',
    };
  }
  const progress = progressAt(data, serverNow);
  return {
    ...data,
    duration_known: true,
    progress_ms: progress,
    progress_formatted: formatDuration(progress),
    progress_percent: percent(progress, data.duration_ms),
  };
}

/**
 * The offset between this device's clock and the server's, from ping/pong round trips: the server
 * wrote its time about half-way through the round trip, and the shortest round trip seen lately is
 * the one that says it best.
 */
export class ClockOffset {
  constructor(keep = 8) {
    this.keep = keep;
    this.samples = [];
  }

  /** A round trip: sent and received on this clock, serverTime on the server's. */
  sample(sentAt, serverTime, receivedAt) {
    const roundTrip = receivedAt - sentAt;
    if (!(roundTrip >= 0) || !Number.isFinite(serverTime)) {
      return;
    }
    this.samples.push({ roundTrip, offset: serverTime - (sentAt + roundTrip / 2) });
    if (this.samples.length > this.keep) {
      this.samples.shift();
    }
  }

  /** A one-way message's server time (no round trip): used only until a ping has been answered. */
  hint(serverTime, receivedAt) {
    if (this.samples.length === 0 && Number.isFinite(serverTime)) {
      this.samples.push({ roundTrip: Number.MAX_SAFE_INTEGER, offset: serverTime - receivedAt });
    }
  }

  /** Server minus local milliseconds; 0 before anything was heard. */
  offset() {
    let best = null;
    for (const sample of this.samples) {
      if (best === null || sample.roundTrip < best.roundTrip) {
        best = sample;
      }
    }
    return best === null ? 0 : best.offset;
  }

  /** The server's time now. */
  now(localNow = Date.now()) {
    return localNow + this.offset();
  }
}

function number(value) {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

function clamp(value, low, high) {
  return Math.min(Math.max(value, low), Math.max(low, high));
}
