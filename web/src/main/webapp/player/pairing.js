// A player without a device token pairs (docs/screens-protocol.md, "Pairing"): it asks for a code,
// shows it with a QR code of the claim link, and asks for its token until an admin has claimed the
// code. A code that expires or is refused is replaced by a new one. A server that refuses a code
// (429: too many screens wait at this address) or is away is waited out, and the screen is told
// until when, so it can say so. The pairing secret stays in memory and is never shown.

import { CLIENT, backoff } from './feed.js';

const ASK_EVERY_MS = 2000;
/** When a 429 names no time to ask again (an older server): a minute. */
const BUSY_WAIT_MS = 60000;
const LONGEST_WAIT_MS = 3600000;

/**
 * How long a Retry-After header says to wait, in ms: delta seconds or an HTTP date; the fallback
 * when there is none or it cannot be read; between 1 s and an hour.
 */
export function retryAfterMs(header, fallback, now = Date.now()) {
  const value = (header || '').trim();
  let wait = fallback;
  if (/^\d+$/.test(value)) {
    wait = Number(value) * 1000;
  } else if (value !== '' && !Number.isNaN(Date.parse(value))) {
    wait = Date.parse(value) - now;
  }
  return Math.min(LONGEST_WAIT_MS, Math.max(1000, wait));
}

export class Pairing {
  /**
   * @param api the API's base URL ("../api/")
   * @param handlers {onCode({code, qrUrl, claimUrl, expiresAt}), onWait({reason, until}),
   *     onPaired(token)}: onWait when no code can be shown until the time {@code until} (ms since
   *     the epoch), the reason being 'busy' (the server refused: too many screens wait here) or
   *     'away' (the server did not answer)
   */
  constructor(api, handlers) {
    this.api = api;
    this.handlers = handlers;
    this.stopped = false;
    this.failures = 0;
    this.timer = null;
  }

  start() {
    this.requestCode();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  async requestCode() {
    if (this.stopped) {
      return;
    }
    let response;
    let started;
    try {
      response = await post(this.api + 'screens/pairing', { client: CLIENT });
      started = response.status === 201 ? await response.json() : null;
    } catch (e) {
      // The server is away (or answered something that is not JSON): ask again later.
      this.wait('away', backoff(this.failures++));
      return;
    }
    if (response.status === 429) {
      this.wait('busy', retryAfterMs(response.headers.get('Retry-After'), BUSY_WAIT_MS));
      return;
    }
    if (!started) {
      this.wait('away', backoff(this.failures++));
      return;
    }
    this.failures = 0;
    this.handlers.onCode({
      code: started.code,
      qrUrl: this.api + 'screens/pairing/qr?code=' + encodeURIComponent(started.code),
      claimUrl: started.claimUrl,
      expiresAt: Date.parse(started.expiresAt),
    });
    this.later(() => this.pickUp(started), ASK_EVERY_MS);
  }

  async pickUp(started) {
    if (this.stopped) {
      return;
    }
    let response;
    let paired;
    try {
      response = await post(this.api + 'screens/pairing/' + encodeURIComponent(started.pairingId) + '/pickup', {
        secret: started.secret,
      });
      paired = response.status === 200 ? await response.json() : null;
    } catch (e) {
      this.later(() => this.pickUp(started), backoff(this.failures++));
      return;
    }
    this.failures = 0;
    if (paired) {
      this.stopped = true;
      this.handlers.onPaired(paired.token);
    } else if (response.status === 202) {
      this.later(() => this.pickUp(started), ASK_EVERY_MS);
    } else {
      // Expired, claimed too long ago, or refused: a new code.
      this.requestCode();
    }
  }

  /** No code for now: the screen says why and until when, then a new code is asked for. */
  wait(reason, delay) {
    this.handlers.onWait({ reason, until: Date.now() + delay });
    this.later(() => this.requestCode(), delay);
  }

  later(task, delay) {
    clearTimeout(this.timer);
    this.timer = setTimeout(task, delay);
  }
}

function post(url, body) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    cache: 'no-store',
  });
}
