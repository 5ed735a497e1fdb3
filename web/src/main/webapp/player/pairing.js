// A player without a device token pairs (docs/screens-protocol.md, "Pairing"): it asks for a code,
// shows it with a QR code of the claim link, and asks for its token until an admin has claimed the
// code. A code that expires or is refused is replaced by a new one; the server being away is
// waited out. The pairing secret stays in memory and is never shown.

import { CLIENT, backoff } from './feed.js';

const ASK_EVERY_MS = 2000;
const BUSY_WAIT_MS = 30000;

export class Pairing {
  /**
   * @param api the API's base URL ("../api/")
   * @param handlers {onCode({code, qrUrl, expiresAt}), onPaired(token)}
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
      this.later(() => this.requestCode(), backoff(this.failures++));
      return;
    }
    if (response.status === 429) {
      this.later(() => this.requestCode(), BUSY_WAIT_MS);
      return;
    }
    if (!started) {
      this.later(() => this.requestCode(), backoff(this.failures++));
      return;
    }
    this.failures = 0;
    this.handlers.onCode({
      code: started.code,
      qrUrl: this.api + 'screens/pairing/qr?code=' + encodeURIComponent(started.code),
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
