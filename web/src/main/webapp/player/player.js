// The browser player: pairs itself, holds the feed, renders the widget's template and keeps it
// right between states (progress interpolated on the server's clock). What it shows is reflected
// in <body data-…> attributes, which the marks' CSS and the browser tests read.

import { preloadImage, render } from './bindings.js';
import { ClockOffset, dataAt } from './progress.js';
import { Feed, feedUrl } from './feed.js';
import { Pairing } from './pairing.js';
import { hidePairing, showAsking, showCode, showWaiting } from './pairing-view.js';

const TOKEN_KEY = 'marquee.player.token';
const TICK_MS = 250;
const ART_WAIT_MS = 4000;
const SWAP_MS = 700;

const body = document.body;
const frame = document.getElementById('frame');
const clock = new ClockOffset();

const player = {
  definitions: new Map(),
  state: null,
  view: null,
  viewKey: null,
  idleMode: null,
  feed: null,
  swapping: 0,
};

function storedToken() {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch (e) {
    return null;
  }
}

function storeToken(token) {
  try {
    if (token) {
      localStorage.setItem(TOKEN_KEY, token);
    } else {
      localStorage.removeItem(TOKEN_KEY);
    }
  } catch (e) {
    console.warn('[marquee] this browser keeps no storage: the player pairs again after a reload');
  }
}

function show(mode) {
  if (mode !== 'pairing') {
    hidePairing();
  }
  body.dataset.mode = mode;
}

// ---- Pairing -------------------------------------------------------------------------------

function pair() {
  showAsking();
  show('pairing');
  clearWidget();
  const pairing = new Pairing('../api/', {
    onCode: showCode,
    onWait: showWaiting,
    onPaired(token) {
      storeToken(token);
      connect(token);
    },
  });
  pairing.start();
}

// ---- The feed ------------------------------------------------------------------------------

function connect(token) {
  show('connecting');
  body.dataset.connection = 'connecting';
  player.feed = new Feed(feedUrl(window.location), token, clock, {
    onState: showState,
    onCurrent() {
      if (player.state) {
        showState(player.state);
      }
    },
    onConnection(connected) {
      body.dataset.connection = connected ? 'online' : 'offline';
    },
    onRevoked() {
      storeToken(null);
      player.state = null;
      body.dataset.connection = 'offline';
      pair();
    },
    onReplaced() {
      show('replaced');
    },
  });
  player.feed.start();
}

// ---- States --------------------------------------------------------------------------------

function showState(state) {
  if (state.widget) {
    player.definitions.set(state.widgetRevision, state.widget);
  }
  const definition = player.definitions.get(state.widgetRevision);
  if (!definition) {
    console.warn('[marquee] a state names widget revision ' + state.widgetRevision + ', not sent yet');
    return;
  }
  player.state = state;
  if (player.feed) {
    player.feed.shows(state.version);
  }
  const options = state.options || {};
  body.dataset.theme = options.theme || 'dark';
  body.dataset.status = state.status || 'LIVE';
  body.dataset.reconnect = String(needsReconnect(state));
  body.dataset.animation = options.animation || 'fade';
  frame.style.setProperty('--aspect', String(aspect(definition.aspectRatio)));
  if ((state.idle || !state.data) && needsReconnect(state)) {
    showReconnect();
    return;
  }
  if (state.idle || !state.data) {
    showIdle(options.idle || 'placeholder');
    return;
  }
  player.idleMode = null;
  body.classList.remove('dimmed');
  const data = state.data;
  show(data.is_playing ? 'playing' : 'paused');
  body.dataset.kind = data.kind || 'track';
  const key = [definition.revision, JSON.stringify(options), data.kind, data.track_name, data.artist_name,
    data.album_name, data.album_art_url].join('\u0001');
  if (key === player.viewKey && player.view) {
    player.view.update(context(state));
    return;
  }
  player.viewKey = key;
  swapIn(definition, state, options.animation || 'fade');
}

function context(state) {
  return { data: dataAt(state.data, clock.now()), options: state.options || {} };
}

async function swapIn(definition, state, animation) {
  const swap = ++player.swapping;
  const view = render(definition.template, context(state));
  if (!view.element) {
    return;
  }
  // The next art is loaded and decoded before the swap, so a track change never flashes blank.
  await preloadImage(state.data.album_art_url, ART_WAIT_MS);
  if (swap !== player.swapping) {
    return;
  }
  const old = player.view;
  player.view = view;
  view.element.classList.add('widget');
  const animate = animation !== 'none' && old && old.element && old.element.isConnected;
  if (animate) {
    view.element.classList.add('entering', 'anim-' + animation);
    old.element.classList.add('leaving', 'anim-' + animation);
    frame.appendChild(view.element);
    // One frame later the transition runs from the entering position.
    requestAnimationFrame(() => requestAnimationFrame(() => view.element.classList.remove('entering')));
    setTimeout(() => old.element.remove(), SWAP_MS);
  } else {
    frame.replaceChildren(view.element);
  }
}

/**
 * Whether an account of the configuration needs reconnecting (Spotify refused its refresh token):
 * nothing can be known of what it plays until an admin reconnects it in the console.
 */
function needsReconnect(state) {
  return (
    state.status === 'NEEDS_RECONNECT'
    || (Array.isArray(state.sources) && state.sources.some((source) => source && source.status === 'NEEDS_RECONNECT'))
  );
}

/**
 * Nothing plays that Marquee can see, and an account needs reconnecting: the screen says so in
 * place of any idle option ("nothing is playing" would be a guess). No account name or error: the
 * room sees this screen; the admin sees the reason on the console.
 */
function showReconnect() {
  const already = body.dataset.mode === 'reconnect' && frame.querySelector('.reconnect-notice');
  player.idleMode = null;
  body.classList.remove('dimmed');
  show('reconnect');
  if (!already) {
    clearWidget();
    frame.appendChild(document.getElementById('reconnect-notice').content.cloneNode(true));
  }
}

function showIdle(mode) {
  const already = player.idleMode === mode && body.dataset.mode === 'idle';
  player.idleMode = mode;
  body.dataset.idle = mode;
  show('idle');
  if (mode === 'last-track-dimmed' && player.view) {
    body.classList.add('dimmed');
    return;
  }
  body.classList.remove('dimmed');
  if (already && !player.view) {
    // A new state that is still idle (a status change): the idle screen stays as it is.
    return;
  }
  clearWidget();
  // No last track to dim (the player started idle): the placeholder instead of a blank screen.
  if (mode === 'placeholder' || mode === 'last-track-dimmed') {
    frame.appendChild(document.getElementById('idle-placeholder').content.cloneNode(true));
  } else if (mode === 'clock') {
    const clockFace = document.createElement('div');
    clockFace.className = 'idle-clock';
    frame.appendChild(clockFace);
    tickClock();
  }
}

function clearWidget() {
  player.view = null;
  player.viewKey = null;
  player.swapping++;
  frame.replaceChildren();
}

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function tickClock() {
  const face = frame.querySelector('.idle-clock');
  if (face) {
    const text = TIME.format(new Date(clock.now()));
    if (face.textContent !== text) {
      face.textContent = text;
    }
  }
}

function tick() {
  if (player.idleMode === 'clock') {
    tickClock();
  } else if (player.view && player.state && player.state.data && !player.idleMode) {
    player.view.update(context(player.state));
  }
}

/** "16:9" (or "16/9") as a number; 16:9 when it cannot be read. */
function aspect(ratio) {
  const match = /^(\d+(?:\.\d+)?)[:/](\d+(?:\.\d+)?)$/.exec(String(ratio || '').replace(/\s/g, ''));
  return match && Number(match[2]) > 0 ? Number(match[1]) / Number(match[2]) : 16 / 9;
}

// ---- The console's live preview ----------------------------------------------------------

const PREVIEW_EVERY_MS = 2000;

/**
 * Where the console serves the preview state: the page that frames the player says (the console
 * and the player are separate modules in the EAR); only a path on this origin is taken.
 */
function previewSource(given) {
  return given !== null && /^\/(?![\/\\])[A-Za-z0-9._~\/-]*$/.test(given) ? given : '../widgets/preview';
}

/** Framed by the widgets page: the configuration's saved state, asked for with the admin's session. */
async function preview(configuration, source) {
  body.dataset.preview = 'true';
  show('connecting');
  const url = source + '?configuration=' + encodeURIComponent(configuration);
  for (;;) {
    try {
      const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin' });
      body.dataset.connection = response.ok ? 'online' : 'offline';
      if (response.ok) {
        const state = await response.json();
        clock.hint(state.serverTime, Date.now());
        showState(state);
      } else {
        show('unavailable');
      }
    } catch (e) {
      body.dataset.connection = 'offline';
    }
    await new Promise((resolve) => setTimeout(resolve, PREVIEW_EVERY_MS));
  }
}

// ---- Start ---------------------------------------------------------------------------------

setInterval(tick, TICK_MS);
body.dataset.connection = 'offline';
const query = new URLSearchParams(window.location.search);
const previewed = query.get('preview');
const token = storedToken();
if (previewed !== null) {
  preview(previewed, previewSource(query.get('state')));
} else if (token) {
  connect(token);
} else {
  pair();
}
