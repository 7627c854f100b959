// Hears every change of the host editor, whatever events the host fires:
// - a MutationObserver on the editable root (character data, children,
//   subtree): rich editors rewrite their DOM on Enter, Backspace, paste, undo
//   and setHtml/setContent/setData without a native `input` event;
// - `input` for <textarea>/<input>, and the `value` property of that very
//   field (a script's `field.value = …` fires no event);
// - composition: while an IME composes, its half-typed pinyin is in the DOM;
//   nothing is checked until `compositionend`.
//
// `changed()` is called for each change that should lead to a check;
// `composing(true)` when a composition starts. Returns a stop function that
// removes every listener and the property hook.

export function watch(target, { field, changed, composing }) {
  let inComposition = false;
  const onChange = () => {
    if (!inComposition) changed();
  };
  const onStart = () => {
    inComposition = true;
    composing(true);
  };
  const onEnd = () => {
    inComposition = false;
    composing(false);
    changed();
  };
  const stops = [];
  const listen = (type, fn) => {
    target.addEventListener(type, fn);
    stops.push(() => target.removeEventListener(type, fn));
  };
  listen('input', onChange);
  listen('compositionstart', onStart);
  listen('compositionend', onEnd);
  const view = target.ownerDocument.defaultView;
  const observer = new view.MutationObserver(onChange);
  observer.observe(target, { characterData: true, childList: true, subtree: true });
  stops.push(() => observer.disconnect());
  if (field) stops.push(hookValue(target, onChange));
  return () => {
    for (const stop of stops.splice(0)) stop();
  };
}

/** Makes `field.value = …` a change; the hook is an own property, deleted on stop. */
function hookValue(field, onChange) {
  const proto = Object.getPrototypeOf(field);
  const desc = Object.getOwnPropertyDescriptor(proto, 'value');
  if (!desc?.set || Object.prototype.hasOwnProperty.call(field, 'value')) return () => {};
  Object.defineProperty(field, 'value', {
    configurable: true,
    enumerable: desc.enumerable,
    get() {
      return desc.get.call(this);
    },
    set(v) {
      desc.set.call(this, v);
      onChange();
    },
  });
  return () => delete field.value;
}
