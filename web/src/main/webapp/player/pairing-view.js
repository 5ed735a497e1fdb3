// The pairing screen: what it says while it asks for a code, shows one, or waits to ask again.
// What it shows is on <body>: data-pairing (asking, code, busy, away) and data-qr (shown, local,
// none); the CSS lays out the text and the QR card in grid cells of their own.

const body = document.body;
const lead = document.getElementById('pairing-lead');
const codeText = document.getElementById('pairing-code');
const help = document.getElementById('pairing-help');
const note = document.getElementById('pairing-note');
const qr = document.getElementById('pairing-qr');

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const LOOPBACK = /^(localhost|.+\.localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/i;

let countdown = null;

/**
 * Where an admin types a code (the console's pairing page beside the claim link) and whether only
 * this computer can open it: a loopback public URL (marquee.public-url left at its default), which
 * a phone scanning the QR code would resolve to itself.
 */
export function consolePage(claimUrl) {
  let url;
  try {
    url = new URL(claimUrl);
  } catch (e) {
    return null;
  }
  const page = url.origin + url.pathname.replace(/\/claim$/, '/pair.xhtml');
  return { page, local: LOOPBACK.test(url.hostname) };
}

/** "0:42", "12:05" or "1:02:05" for a wait in ms, rounded up to whole seconds. */
export function waitText(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + s : m + ':' + s;
}

function stopCountdown() {
  clearInterval(countdown);
  countdown = null;
}

function qrState(state) {
  body.dataset.qr = state;
}

/** Asking for a code: nothing to show yet but what it does. */
export function showAsking() {
  stopCountdown();
  body.dataset.pairing = 'asking';
  qrState('none');
  lead.textContent = 'Pair this screen';
  codeText.textContent = '';
  help.textContent = 'Asking Marquee for a pairing code…';
  note.textContent = '';
  qr.hidden = true;
  qr.removeAttribute('src');
}

/** A code to claim, with a QR code of its claim link unless a phone could not open that link. */
export function showCode({ code, qrUrl, claimUrl }) {
  stopCountdown();
  body.dataset.pairing = 'code';
  lead.textContent = 'Pair this screen';
  codeText.textContent = code;
  const where = consolePage(claimUrl);
  if (where && where.local) {
    qrState('local');
    qr.hidden = true;
    qr.removeAttribute('src');
    help.textContent = 'Enter the code at ' + where.page + ' in a browser on this computer.';
    note.textContent =
      'No QR code: ' + new URL(claimUrl).host + ' is this computer’s own address, which a phone cannot open.'
      + ' An admin can set marquee.public-url to an address phones reach.';
  } else {
    qrState('shown');
    help.textContent = where
      ? 'Enter the code at ' + where.page + ', or scan the QR code with a phone.'
      : 'Enter the code in Marquee’s console, or scan the QR code with a phone.';
    note.textContent = '';
    qr.hidden = true;
    qr.src = qrUrl;
  }
  fitCode();
}

/**
 * No code until a time: the server refused one (too many screens wait at this address) or did not
 * answer. Says so, and counts down to when the screen asks again by itself.
 */
export function showWaiting({ reason, until }) {
  stopCountdown();
  body.dataset.pairing = reason === 'busy' ? 'busy' : 'away';
  qrState('none');
  qr.hidden = true;
  qr.removeAttribute('src');
  codeText.textContent = '';
  lead.textContent =
    reason === 'busy' ? 'Too many screens here are waiting to be paired' : 'Cannot get a pairing code from Marquee';
  note.textContent =
    reason === 'busy'
      ? 'Pair the screens that show a code, or close them: their codes expire after ten minutes.'
      : '';
  // The time in the screen's own format; the countdown for whoever reads it from afar.
  const at = TIME.format(new Date(until));
  const tick = () => {
    help.textContent = 'This screen asks again at ' + at + ' (in ' + waitText(until - Date.now()) + ').';
  };
  tick();
  countdown = setInterval(tick, 1000);
}

/** Leaving the pairing screen. */
export function hidePairing() {
  stopCountdown();
}

/**
 * The code on one line, never clipped: the CSS sizes it to the room beside the QR card for a
 * usual bold sans; a font that draws it wider is shrunk here until it fits.
 */
export function fitCode() {
  codeText.style.removeProperty('font-size');
  for (let i = 0; i < 8 && codeText.scrollWidth > codeText.clientWidth && codeText.clientWidth > 0; i++) {
    const size = parseFloat(getComputedStyle(codeText).fontSize);
    const next = Math.max(8, Math.floor((size * codeText.clientWidth) / codeText.scrollWidth) - 1);
    codeText.style.setProperty('font-size', next + 'px');
  }
}

qr.addEventListener('load', () => {
  qr.hidden = false;
});
qr.addEventListener('error', () => {
  if (!qr.getAttribute('src')) {
    return;
  }
  // No broken image: the text alone, which says where to type the code.
  qr.hidden = true;
  qr.removeAttribute('src');
  qrState('none');
  fitCode();
});
window.addEventListener('resize', fitCode);
if (document.fonts) {
  document.fonts.ready.then(fitCode);
}
