// The screen's side of the live feed (docs/screens-protocol.md): hello with the device token as
// the first message, then states; reconnects with exponential back-off and jitter and resumes with
// the version it shows; its own pings find a dead connection that the browser has not noticed
// (a network cut shows no close for minutes) and measure the clock offset.

export const CLIENT = 'marquee-player/0.1.0';

const REVOKED = 4403;
const REPLACED = 4409;
const FIRST_DELAY_MS = 1000;
const LONGEST_DELAY_MS = 60000;
const PING_EVERY_MS = 30000;
const PONG_WITHIN_MS = 10000;

/** Back-off before the given attempt (0 = first retry): 1 s doubling to 60 s, ±20 %. */
export function backoff(attempt, random = Math.random) {
  const base = Math.min(LONGEST_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(attempt, 16));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** The feed's address beside the player's: /player/ → /ws/screen (on the EAR /screens/...). */
export function feedUrl(location) {
  const base = location.pathname.replace(/player\/.*$/, '').replace(/player$/, '');
  return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + base + 'ws/screen';
}

export class Feed {
  /**
   * @param handlers {onState, onCurrent, onConnection(connected), onRevoked, onReplaced}
   * @param clock a ClockOffset fed from welcome and pong
   */
  constructor(url, token, clock, handlers) {
    this.url = url;
    this.token = token;
    this.clock = clock;
    this.handlers = handlers;
    this.version = null;
    this.attempt = 0;
    this.stopped = false;
    this.socket = null;
    this.timers = new Set();
  }

  start() {
    this.connect();
  }

  /** No more reconnecting (revoked, replaced, or the player leaves the feed). */
  stop() {
    this.stopped = true;
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    this.timers.clear();
    if (this.socket) {
      this.socket.close(1000, 'leaving');
    }
  }

  /** The version of the state the screen shows, told on the next connect. */
  shows(version) {
    this.version = version;
  }

  connect() {
    if (this.stopped) {
      return;
    }
    let socket;
    try {
      socket = new WebSocket(this.url);
    } catch (e) {
      console.warn('[marquee] cannot open the feed', e);
      this.retry();
      return;
    }
    this.socket = socket;
    let pingSentAt = 0;
    let pongDeadline = null;
    let pinger = null;
    const ping = () => {
      pingSentAt = Date.now();
      send(socket, { type: 'ping' });
      pongDeadline = this.later(() => socket.close(4000, 'no pong'), PONG_WITHIN_MS);
    };
    socket.addEventListener('open', () => {
      const hello = { type: 'hello', token: this.token, client: CLIENT };
      if (this.version) {
        hello.version = this.version;
      }
      send(socket, hello);
    });
    socket.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        console.warn('[marquee] the server sent something that is not JSON');
        return;
      }
      const receivedAt = Date.now();
      switch (message.type) {
        case 'welcome':
          this.attempt = 0;
          this.clock.hint(message.serverTime, receivedAt);
          this.handlers.onConnection(true);
          ping();
          pinger = setInterval(ping, PING_EVERY_MS);
          break;
        case 'pong':
          this.clock.sample(pingSentAt, message.serverTime, receivedAt);
          this.forget(pongDeadline);
          break;
        case 'state':
          this.handlers.onState(message);
          break;
        case 'current':
          this.handlers.onCurrent(message);
          break;
        default:
          break;
      }
    });
    socket.addEventListener('close', (event) => {
      clearInterval(pinger);
      this.forget(pongDeadline);
      if (this.socket === socket) {
        this.socket = null;
      }
      this.handlers.onConnection(false);
      if (this.stopped) {
        return;
      }
      if (event.code === REVOKED) {
        this.stopped = true;
        this.handlers.onRevoked();
      } else if (event.code === REPLACED) {
        this.stopped = true;
        this.handlers.onReplaced();
      } else {
        this.retry();
      }
    });
  }

  retry() {
    const delay = backoff(this.attempt++);
    this.later(() => this.connect(), delay);
  }

  later(task, delay) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, delay);
    this.timers.add(timer);
    return timer;
  }

  forget(timer) {
    if (timer !== null) {
      clearTimeout(timer);
      this.timers.delete(timer);
    }
  }
}

function send(socket, message) {
  if (socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify(message));
  }
}
