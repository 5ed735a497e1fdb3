// The player's template bindings, progress interpolation, clock offset and back-off, run by
// PlayerIT in Chromium on a page of the player (the modules as the server ships them). Answers a
// JSON list of {name, ok, detail}; each entry becomes one test.
const done = arguments[arguments.length - 1];
// The widget definition the server ships (ejb's widgets/spotify-now-playing.json), as text.
const shipped = typeof arguments[0] === 'string' ? JSON.parse(arguments[0]) : null;
(async () => {
  const b = await import(new URL('bindings.js', location.href).href);
  const p = await import(new URL('progress.js', location.href).href);
  const f = await import(new URL('feed.js', location.href).href);
  const pa = await import(new URL('pairing.js', location.href).href);
  const pv = await import(new URL('pairing-view.js', location.href).href);
  const results = [];
  const check = (name, actual, expected) => {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    results.push({ name, ok: a === e, detail: 'got ' + a + ', expected ' + e });
  };
  const warnings = [];
  const warn = console.warn;
  console.warn = (...args) => warnings.push(args.join(' '));

  const ctx = {
    data: { track_name: 'Song', progress_percent: '34.0%', album_art_url: null, nested: { a: 1 } },
    options: { theme: 'dark', show_progress: false },
  };

  // Bindings
  check('lookup reads a dotted path', b.lookup('data.nested.a', ctx), 1);
  check('lookup tells a missing key from null', [b.lookup('data.nope', ctx) === b.MISSING, b.lookup('data.album_art_url', ctx)], [true, null]);
  check('a literal resolves to itself', b.resolve('#fff', ctx), '#fff');
  check('a binding with a map', b.resolve({ key: 'options.theme', map: { dark: '#101010', light: '#f4f4f0' } }, ctx), '#101010');
  check('a map without the value falls back to the default', b.resolve({ key: 'options.theme', map: { light: 'x' }, default: 'y' }, ctx), 'y');
  warnings.length = 0;
  check('a binding to a missing key resolves to nothing', [b.resolve({ key: 'data.missing_key' }, ctx), b.resolve({ key: 'data.missing_key' }, ctx)], [null, null]);
  check('... and is logged once', warnings.filter((w) => w.includes('data.missing_key')).length, 1);
  check('viewport units become the frame\'s container units', b.frameUnits('0 2vh 6vh rgba(0,0,0,0.45)'), '0 2cqh 6cqh rgba(0,0,0,0.45)');
  check('other units stay', b.frameUnits('4% 12px 1.5em'), '4% 12px 1.5em');
  check('camelCase style names become CSS names', b.cssName('fontVariantNumeric'), 'font-variant-numeric');

  const template = {
    type: 'group',
    style: { background: { key: 'options.theme', map: { dark: 'rgb(16, 16, 16)' } } },
    components: [
      { type: 'text', text: { key: 'data.track_name' }, class: 'fit bad\"class' },
      { type: 'hologram', text: 'from a newer server' },
      { type: 'group', style: { width: { key: 'data.progress_percent' } } },
      { type: 'group', visible: { key: 'options.show_progress' } },
      { type: 'image', source: { key: 'data.album_art_url' } },
      { type: 'image', source: 'javascript:alert(1)' },
      { type: 'text', text: { key: 'data.nothing_here' } },
    ],
  };
  warnings.length = 0;
  const view = b.render(template, ctx);
  const root = view.element;
  const kids = [...root.children];
  check('unknown component types render nothing, the rest renders', kids.map((k) => k.className), [
    'mq-text fit', 'mq-group', 'mq-group mq-hidden', 'mq-image mq-no-art', 'mq-image mq-no-art', 'mq-text',
  ]);
  check('... and are logged once', warnings.filter((w) => w.includes('hologram')).length, 1);
  check('a binding inside a style value', kids[1].style.width, '34%');
  check('a bound background', root.style.background.startsWith('rgb(16, 16, 16)'), true);
  check('text is bound, with its direction from its script', [kids[0].textContent, kids[0].dir], ['Song', 'auto']);
  check('an image without a source shows the placeholder, not a broken image', kids[3].querySelector('img').hasAttribute('src'), false);
  check('only http(s) and data images are loaded', kids[4].querySelector('img').hasAttribute('src'), false);
  check('a broken binding renders empty text', kids[5].textContent, '');
  view.update({ data: { ...ctx.data, track_name: 'Next', progress_percent: '50.0%', album_art_url: 'https://i.scdn.co/image/x' }, options: { theme: 'dark', show_progress: true } });
  check('an update changes bound values in the same elements', [root.children[0].textContent, root.children[1].style.width, root.children[2].classList.contains('mq-hidden'), root.children[3].querySelector('img').getAttribute('src')], ['Next', '50%', false, 'https://i.scdn.co/image/x']);
  check('a template that is not an object renders nothing', b.render(null, ctx).element, null);

  // One URL rule for image bindings and the preload: nothing but http(s) and data: images is loaded
  const odd = ['sint anim', 'javascript:alert(1)', 'data:text/html,<b>x</b>', '/player/nope.png', 'ftp://x/y', 42, null];
  check('image links are http(s) or data: images, else nothing',
    typeof b.imageUrl === 'function' ? [...odd.map((u) => b.imageUrl(u)), b.imageUrl('https://i.scdn.co/image/x'), b.imageUrl('HTTP://h/x')] : 'no imageUrl',
    ['', '', '', '', '', '', '', 'https://i.scdn.co/image/x', 'HTTP://h/x']);
  if (typeof b.preloadImage === 'function') {
    const seen = performance.getEntriesByType('resource').length;
    const preloaded = await Promise.all(odd.map((u) => b.preloadImage(u, 300)));
    const requested = performance.getEntriesByType('resource').slice(seen).map((e) => e.name);
    check('the preload before a swap loads no link an image binding would not', preloaded, odd.map(() => false));
    check('... and requests nothing (a word was fetched as /player/sint%20anim)', requested.filter((n) => /sint|alert|nope|ftp/.test(n)), []);
    const pixel = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
    check('... and decodes what a binding would show', await b.preloadImage(pixel, 2000), true);
  } else {
    check('the preload before a swap uses the image bindings\' rule', 'no preloadImage', 'preloadImage');
  }

  // Progress
  const data = { duration_ms: 200000, progress_ms: 1000, is_playing: true, fetched_at: '2026-12-01T10:00:00Z' };
  const t0 = Date.parse('2026-12-01T10:00:00Z');
  check('playing: progress moves with the server clock', p.progressAt(data, t0 + 2500), 3500);
  check('paused: progress stays', p.progressAt({ ...data, is_playing: false }, t0 + 60000), 1000);
  check('at the end it stops at the duration', p.progressAt(data, t0 + 10 * 60000), 200000);
  check('a clock behind the fetch does not go backwards', p.progressAt(data, t0 - 5000), 1000);
  check('no fetch time: the given progress', p.progressAt({ ...data, fetched_at: 'soon' }, t0 + 5000), 1000);
  check('m:ss', [p.formatDuration(0), p.formatDuration(215000), p.formatDuration(59999)], ['0:00', '3:35', '0:59']);
  check('h:mm:ss from an hour', p.formatDuration(3725000), '1:02:05');
  check('percent as the data schema writes it', [p.percent(73000, 215000), p.percent(5, 0), p.percent(300000, 200000)], ['34.0%', '0.0%', '100.0%']);
  const at = p.dataAt(data, t0 + 59000);
  check('data at a time has all three progress fields', [at.progress_ms, at.progress_formatted, at.progress_percent, at.track_name], [60000, '1:00', '30.0%', undefined]);

  // Bounds: a duration outside (0, 24 h] is unknown, progress stays within the duration
  const stopped = { duration_ms: 215000, progress_ms: 31478771, is_playing: false, fetched_at: '2026-12-01T10:00:00Z' };
  const pastTheEnd = p.dataAt(stopped, t0);
  check('a progress past the duration is the end, not 8:44:38', [pastTheEnd.progress_formatted, pastTheEnd.progress_percent], ['3:35', '100.0%']);
  const unknown = p.dataAt({ duration_known: false, duration_ms: 0, duration_formatted: '', progress_ms: 0, is_playing: true, fetched_at: '2026-12-01T10:00:00Z' }, t0 + 60000);
  check('an unknown duration shows no times', [unknown.progress_formatted, unknown.duration_formatted, unknown.progress_ms], ['', '', 0]);
  for (const [duration, progress] of [[9.2e18, 1e20], [-5, 1000], [86400001, 5], [null, 31478771], ['x', 1]]) {
    const bounded = p.dataAt({ duration_ms: duration, duration_formatted: 'from an older server', progress_ms: progress, is_playing: true, fetched_at: '2026-12-01T10:00:00Z' }, t0 + 1000);
    check('a duration of ' + duration + ' ms is unknown: no times', [bounded.duration_known, bounded.progress_formatted, bounded.duration_formatted, bounded.progress_percent], [false, '', '', '0%']);
  }
  const day = p.dataAt({ duration_ms: 86400000, progress_ms: 1e20, is_playing: true, fetched_at: '2026-12-01T10:00:00Z' }, t0 + 1000);
  check('a day is the longest duration, a progress of 1e20 its end', [day.duration_known, day.progress_formatted], [true, '24:00:00']);

  // The shipped widget: an ad, something unknown and an unknown duration are designed states
  if (shipped && shipped.template) {
    const shown = (data) => {
      const root = b.render(shipped.template, { data: p.dataAt(data, t0), options: { theme: 'dark', show_progress: true } }).element;
      const visible = (el) => el !== null && el.closest('.mq-hidden') === null;
      return {
        notices: [...root.querySelectorAll('.notice')].filter(visible).map((e) => e.textContent),
        bar: visible(root.querySelector("[data-bind='data.progress_formatted']")),
      };
    };
    const base = { track_name: '', artist_name: '', album_name: '', publisher: '', album_art_url: '', album_art_small_url: '', is_playing: true, fetched_at: '2026-12-01T10:00:00Z' };
    check('an ad is a designed state without a bar', shown({ ...base, kind: 'ad', duration_known: false, duration_ms: 0, progress_ms: 0 }), { notices: ['Advertisement'], bar: false });
    check('an unknown item says something is playing, without a bar', shown({ ...base, kind: 'unknown', duration_known: false, duration_ms: 0, progress_ms: 0 }), { notices: ['Something is playing'], bar: false });
    check('a track with an unknown duration shows no bar', shown({ ...base, kind: 'track', track_name: 'Live stream', duration_known: false, duration_ms: 0, progress_ms: 0 }), { notices: [], bar: false });
    check('a track with a known duration shows its bar and no notice', shown({ ...base, kind: 'track', track_name: 'Song', duration_known: true, duration_ms: 215000, progress_ms: 1000 }), { notices: [], bar: true });
  } else {
    check('the shipped widget definition was handed to the tests', shipped === null ? 'none' : 'no template', 'a template');
  }

  const offset = new p.ClockOffset();
  check('no sample: no offset', offset.offset(), 0);
  offset.hint(10500, 500);
  check('a one-way hint before any round trip', offset.offset(), 10000);
  offset.sample(1000, 5600, 1200);
  offset.sample(2000, 6020, 2040);
  check('the shortest round trip wins over hints and longer trips', offset.offset(), 4000);

  // Back-off and the feed's address
  check('back-off starts at a second, ±20 %', [f.backoff(0, () => 0), f.backoff(0, () => 0.5), f.backoff(0, () => 1)], [800, 1000, 1200]);
  check('back-off doubles and stops at a minute', [f.backoff(3, () => 0.5), f.backoff(30, () => 0.5)], [8000, 60000]);
  check('the feed beside the player', f.feedUrl({ protocol: 'http:', host: '127.0.0.1:8080', pathname: '/player/' }), 'ws://127.0.0.1:8080/ws/screen');
  check('the feed beside the player on the EAR, over TLS', f.feedUrl({ protocol: 'https:', host: 'tv.example', pathname: '/screens/player/index.html' }), 'wss://tv.example/screens/ws/screen');

  // Pairing: when to ask again, and where to type the code
  check('Retry-After in seconds', pa.retryAfterMs('42', 60000), 42000);
  check('Retry-After as an HTTP date', pa.retryAfterMs('Thu, 01 Jan 2026 00:00:30 GMT', 60000, Date.UTC(2026, 0, 1)), 30000);
  check('no or unreadable Retry-After: the fallback', [pa.retryAfterMs(null, 60000), pa.retryAfterMs('soon', 60000)], [60000, 60000]);
  check('Retry-After between a second and an hour', [pa.retryAfterMs('0', 60000), pa.retryAfterMs('86400', 60000)], [1000, 3600000]);
  check('the wait as a countdown', [pv.waitText(42000), pv.waitText(41001), pv.waitText(725000), pv.waitText(3725000), pv.waitText(-5)], ['0:42', '0:42', '12:05', '1:02:05', '0:00']);
  check('a public claim link: the console page, reachable from a phone', pv.consolePage('https://marquee.example/claim?code=K7QX-M4PD'), { page: 'https://marquee.example/pair.xhtml', local: false });
  check('a claim link on the EAR', pv.consolePage('https://tv.example/console/claim?code=K7QX-M4PD'), { page: 'https://tv.example/console/pair.xhtml', local: false });
  check('loopback claim links only open on this computer', ['http://127.0.0.1:8080/claim?code=A', 'http://localhost:8080/claim', 'http://[::1]:8080/claim', 'http://127.1.2.3/claim', 'http://tv.localhost/claim'].map((u) => pv.consolePage(u).local), [true, true, true, true, true]);
  check('a LAN address is not loopback', [pv.consolePage('http://192.168.1.20:8080/claim').local, pv.consolePage('http://127.example.com/claim').local], [false, false]);
  check('no claim link: no console page', pv.consolePage('not a url'), null);

  console.warn = warn;
  done(JSON.stringify(results));
})().catch((e) => done(JSON.stringify([{ name: 'the test script itself', ok: false, detail: String((e && e.stack) || e) }])));
