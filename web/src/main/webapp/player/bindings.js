// Renders a widget definition's template (a tree of group, text and image components) against a
// context of {data, options}. Values are literals or bindings: {"key": "data.track_name"},
// optionally with a "map" from the bound value to what is used and a "default". Bindings work in
// text, image sources, visibility and inside style values (the progress bar's width is one).
// Unknown component types and bindings to keys that do not exist render nothing and are logged
// once: a template a newer server sends never blanks the screen.

const warned = new Set();

/** Logs a template problem once per distinct message, however often the screen re-renders. */
export function warnOnce(message) {
  if (!warned.has(message)) {
    warned.add(message);
    console.warn('[marquee] ' + message);
  }
}

/** A key the context does not have, told apart from one whose value is null. */
export const MISSING = Symbol('missing');

/** The value at a dotted path ("data.track_name") in the context, or MISSING. */
export function lookup(path, context) {
  if (typeof path !== 'string' || path === '') {
    return MISSING;
  }
  let value = context;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, part)) {
      return MISSING;
    }
    value = value[part];
  }
  return value;
}

/** Whether a template value is a binding rather than a literal. */
export function isBinding(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value.key === 'string';
}

/**
 * A template value resolved against the context: literals as they are; bindings looked up, mapped
 * and defaulted. Undefined when there is nothing to show (a missing key is logged once).
 */
export function resolve(value, context) {
  if (!isBinding(value)) {
    return value === null ? undefined : value;
  }
  let resolved = lookup(value.key, context);
  if (resolved === MISSING) {
    warnOnce('binding to "' + value.key + '", which the state does not have');
    resolved = undefined;
  }
  if (resolved !== undefined && resolved !== null && value.map && typeof value.map === 'object') {
    const key = String(resolved);
    resolved = Object.prototype.hasOwnProperty.call(value.map, key) ? value.map[key] : undefined;
  }
  if (resolved === undefined || resolved === null) {
    return Object.prototype.hasOwnProperty.call(value, 'default') ? value.default : undefined;
  }
  return resolved;
}

/** Whether a resolved value counts as true for "visible". */
export function truthy(value) {
  return value !== undefined && value !== null && value !== false && value !== '' && value !== 0 && value !== 'false';
}

/** camelCase style names (as templates write them) to CSS property names. */
export function cssName(name) {
  return name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

/**
 * Viewport units in a template mean the widget's frame: the player letterboxes the widget inside
 * the window, and the frame is a CSS size container, so vh/vw become its cqh/cqw.
 */
export function frameUnits(value) {
  return String(value).replace(/(\d*\.?\d+)v([hw])\b/g, '$1cq$2');
}

const SAFE_CLASS = /^[a-z][a-z0-9-]{0,40}$/;
const IMAGE_URL = /^(https?:\/\/|data:image\/)/i;

/**
 * The link an image may load: an http(s) URL or a data: image, else '' (nothing to load). A plain
 * word would be fetched relative to the player's own page, javascript: or data:text/html never.
 * The one rule for image bindings and for the preload before a swap.
 */
export function imageUrl(value) {
  return typeof value === 'string' && IMAGE_URL.test(value) ? value : '';
}

/**
 * Loads and decodes an image before it is shown (so a track change never flashes blank), under the
 * same rule as image bindings. Resolves true when decoded, false when there was nothing to load, it
 * failed, or waitMs passed first.
 */
export function preloadImage(value, waitMs) {
  const url = imageUrl(value);
  if (!url) {
    return Promise.resolve(false);
  }
  const image = new Image();
  image.src = url;
  const decoded = image.decode().then(
    () => true,
    () => false,
  );
  return Promise.race([decoded, new Promise((resolve) => setTimeout(() => resolve(false), waitMs))]);
}

/**
 * Builds the DOM for a template node. Returns {element, update(context)}: update re-applies every
 * bound value (progress moving, a pause) without rebuilding the tree, so nothing flickers.
 */
export function render(node, context, doc = document) {
  const updaters = [];
  const element = build(node, doc, updaters);
  const view = {
    element,
    update(next) {
      for (const apply of updaters) {
        apply(next);
      }
    },
  };
  if (element) {
    view.update(context);
  }
  return view;
}

function build(node, doc, updaters) {
  if (node === null || typeof node !== 'object') {
    warnOnce('a template component that is not an object');
    return null;
  }
  const builder = BUILDERS[node.type];
  if (!builder) {
    warnOnce('unknown component type "' + node.type + '"');
    return null;
  }
  const element = builder(node, doc, updaters);
  element.classList.add('mq-' + node.type);
  if (typeof node.class === 'string') {
    for (const name of node.class.split(/\s+/)) {
      if (SAFE_CLASS.test(name)) {
        element.classList.add(name);
      }
    }
  }
  applyStyle(element, node.style, updaters);
  if (node.visible !== undefined) {
    bind(updaters, node.visible, (value) => element.classList.toggle('mq-hidden', !truthy(value)));
  }
  return element;
}

const BUILDERS = {
  group(node, doc, updaters) {
    const element = doc.createElement('div');
    for (const child of Array.isArray(node.components) ? node.components : []) {
      const built = build(child, doc, updaters);
      if (built) {
        element.appendChild(built);
      }
    }
    return element;
  },

  text(node, doc, updaters) {
    const element = doc.createElement('div');
    element.dir = 'auto';
    if (isBinding(node.text)) {
      element.dataset.bind = node.text.key;
    }
    bind(updaters, node.text, (value) => {
      const text = value === undefined || value === null ? '' : String(value);
      if (element.textContent !== text) {
        element.textContent = text;
        element.title = text;
      }
    });
    return element;
  },

  image(node, doc, updaters) {
    const element = doc.createElement('div');
    const image = doc.createElement('img');
    image.alt = '';
    image.decoding = 'async';
    const placeholder = doc.createElement('div');
    placeholder.className = 'mq-art-placeholder';
    element.append(image, placeholder);
    image.addEventListener('error', () => element.classList.add('mq-no-art'));
    image.addEventListener('load', () => element.classList.remove('mq-no-art'));
    if (isBinding(node.source)) {
      element.dataset.bind = node.source.key;
    }
    bind(updaters, node.source, (value) => {
      const url = imageUrl(value);
      if (!url) {
        image.removeAttribute('src');
        element.classList.add('mq-no-art');
      } else if (image.getAttribute('src') !== url) {
        image.src = url;
      }
    });
    if (node.style && typeof node.style.objectFit === 'string') {
      image.style.setProperty('object-fit', node.style.objectFit);
    }
    return element;
  },
};

function applyStyle(element, style, updaters) {
  if (style === null || typeof style !== 'object') {
    return;
  }
  for (const [name, value] of Object.entries(style)) {
    const property = cssName(name);
    bind(updaters, value, (resolved) => {
      if (resolved === undefined || resolved === null || typeof resolved === 'object') {
        element.style.removeProperty(property);
      } else {
        element.style.setProperty(property, frameUnits(resolved));
      }
    });
  }
}

/** Literals are applied once; bindings again at every update. */
function bind(updaters, value, apply) {
  if (isBinding(value)) {
    updaters.push((context) => apply(resolve(value, context)));
  } else {
    let applied = false;
    updaters.push((context) => {
      if (!applied) {
        applied = true;
        apply(resolve(value, context));
      }
    });
  }
}
