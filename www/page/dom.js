// Small DOM helpers. User text only ever goes in through textContent / text nodes.

export const $ = (id) => document.getElementById(id);

export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A link-styled button: keyboard-focusable, announced as a button, never navigates. */
export function jump(text, onActivate, cls = 'jump') {
  const b = el('button', cls, text);
  b.type = 'button';
  b.addEventListener('click', (e) => {
    e.stopPropagation();
    onActivate();
  });
  return b;
}

export const clip = (s, n) => (s.length > n ? `${s.slice(0, n)}…` : s);
