// Measures the player's pairing screen as it is drawn now (run by PairingLayout in Chromium):
// every visible part inside the window, the text and the QR card apart, the code on one line and
// no character of it clipped, no broken image. Answers JSON {problems: [...], figures: {...}}.
const problems = [];
const vw = document.documentElement.clientWidth;
const vh = document.documentElement.clientHeight;
const shown = (e) => e && getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility !== 'hidden'
  && e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().height > 0;
const rect = (r) => ({ left: Math.round(r.left * 10) / 10, top: Math.round(r.top * 10) / 10,
  right: Math.round(r.right * 10) / 10, bottom: Math.round(r.bottom * 10) / 10 });
const inside = (r) => r.left >= -0.5 && r.top >= -0.5 && r.right <= vw + 0.5 && r.bottom <= vh + 0.5;
const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
/** The boxes of an element's text as drawn (one per line), not the block's. */
const textBoxes = (e) => {
  const range = document.createRange();
  range.selectNodeContents(e);
  return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
};

const parts = {};
for (const id of ['pairing-lead', 'pairing-code', 'pairing-help', 'pairing-note']) {
  const e = document.getElementById(id);
  if (shown(e)) {
    parts[id] = e;
  }
}
const card = document.querySelector('.pairing-qr-card');
const cardBox = shown(card) ? card.getBoundingClientRect() : null;

for (const [id, e] of Object.entries(parts)) {
  const box = e.getBoundingClientRect();
  if (!inside(box)) {
    problems.push(id + ' ' + JSON.stringify(rect(box)) + ' is not inside the window ' + vw + 'x' + vh);
  }
  for (const line of textBoxes(e)) {
    if (!inside(line)) {
      problems.push('text of ' + id + ' ' + JSON.stringify(rect(line)) + ' leaves the window');
    }
    if (cardBox && meet(line, cardBox)) {
      problems.push('text of ' + id + ' ' + JSON.stringify(rect(line)) + ' meets the QR card ' + JSON.stringify(rect(cardBox)));
    }
  }
  if (cardBox && meet(box, cardBox)) {
    problems.push(id + ' ' + JSON.stringify(rect(box)) + ' meets the QR card ' + JSON.stringify(rect(cardBox)));
  }
}
const ids = Object.keys(parts);
for (let i = 0; i < ids.length; i++) {
  for (let j = i + 1; j < ids.length; j++) {
    if (meet(parts[ids[i]].getBoundingClientRect(), parts[ids[j]].getBoundingClientRect())) {
      problems.push(ids[i] + ' and ' + ids[j] + ' overlap');
    }
  }
}
if (cardBox && !inside(cardBox)) {
  problems.push('the QR card ' + JSON.stringify(rect(cardBox)) + ' is not inside the window ' + vw + 'x' + vh);
}

const code = parts['pairing-code'];
let codeFigures = null;
if (code) {
  if (code.scrollWidth > code.clientWidth) {
    problems.push('the code is clipped: scrollWidth ' + code.scrollWidth + ' > clientWidth ' + code.clientWidth);
  }
  const lines = textBoxes(code);
  if (lines.length !== 1) {
    problems.push('the code takes ' + lines.length + ' lines');
  }
  // Each character: inside the code's box and the window, apart from the QR card.
  const box = code.getBoundingClientRect();
  const text = code.firstChild;
  for (let i = 0; text && i < text.length; i++) {
    const range = document.createRange();
    range.setStart(text, i);
    range.setEnd(text, i + 1);
    const c = range.getBoundingClientRect();
    if (c.left < box.left - 0.5 || c.right > box.right + 0.5 || !inside(c) || (cardBox && meet(c, cardBox))) {
      problems.push('character ' + i + ' "' + text.data[i] + '" at ' + JSON.stringify(rect(c)) + ' is clipped or covered');
    }
  }
  codeFigures = { fontSize: getComputedStyle(code).fontSize, box: rect(box), text: code.textContent };
}

for (const img of document.querySelectorAll('img')) {
  if (shown(img) && !(img.complete && img.naturalWidth > 0)) {
    problems.push('a broken or unloaded image is shown: ' + img.id);
  }
}

return JSON.stringify({
  problems,
  figures: { window: vw + 'x' + vh, code: codeFigures, qr: cardBox ? rect(cardBox) : null,
    parts: Object.fromEntries(Object.entries(parts).map(([id, e]) => [id, rect(e.getBoundingClientRect())])) },
});
