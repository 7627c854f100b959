// Each attached handle brings its own <style> (its own highlight names), so
// editors attach and detach independently and detach() leaves nothing behind.

const COLORS = {
  error: ['rgba(220, 38, 38, .16)', 'underline wavy #dc2626'],
  warning: ['rgba(234, 138, 0, .16)', 'underline wavy #ea8a00'],
  info: ['rgba(37, 99, 235, .12)', 'underline dotted #2563eb'],
  related: ['rgba(124, 58, 237, .14)', 'none'],
};

/** Highlight names of handle `id`: {error, warning, info, related, nested}. */
export function highlightNames(id) {
  return { error: `rc${id}-error`, warning: `rc${id}-warning`, info: `rc${id}-info`, related: `rc${id}-related`, nested: `rc${id}-nested` };
}

function css(id) {
  const names = highlightNames(id);
  const rules = Object.entries(COLORS).map(
    ([kind, [bg, line]]) => `::highlight(${names[kind]}) { background-color: ${bg}; text-decoration: ${line}; }`,
  );
  // A finding inside another one: darker, on top (its own highlight, higher priority).
  rules.push(`::highlight(${names.nested}) { background-color: rgba(220, 38, 38, .22); text-decoration: underline double #991b1b; }`);
  const b = `.rc${id}-backdrop`;
  rules.push(
    `${b} { position: absolute; pointer-events: none; overflow: hidden; color: transparent; white-space: pre-wrap; overflow-wrap: break-word; box-sizing: border-box; z-index: 0; margin: 0; }`,
    `${b} mark { color: transparent; border-radius: 2px; }`,
    `${b} mark.rc-error { background: rgba(220, 38, 38, .18); box-shadow: inset 0 -2px #dc2626; }`,
    `${b} mark.rc-warning { background: rgba(234, 138, 0, .18); box-shadow: inset 0 -2px #ea8a00; }`,
    `${b} mark.rc-info { background: rgba(37, 99, 235, .14); box-shadow: inset 0 -2px #2563eb; }`,
    `${b} mark.rc-related { background: rgba(124, 58, 237, .16); }`,
    `${b} mark.rc-nested { box-shadow: inset 0 -4px #991b1b; filter: saturate(1.6); }`,
    `.rc${id}-field { background: transparent !important; position: relative; z-index: 1; }`,
  );
  return rules.join('\n');
}

/** Adds handle `id`'s style to `doc`; returns a function that removes it. */
export function addStyle(doc, id) {
  const style = doc.createElement('style');
  style.dataset.reportChecker = String(id);
  style.textContent = css(id);
  (doc.head ?? doc.documentElement).appendChild(style);
  return () => style.remove();
}
