// The explanation in place: hovering a highlight, or putting the caret in one
// (clicking it, F8), opens a tooltip beside it with what is wrong, why it
// matters, what to do, the related figures as links, and the fix.
//
// The highlights live in the backdrop under the textarea (pointer-events: none),
// so hover is found by hit-testing the marks' boxes, not by mouse events on them.

import { $, el } from './dom.js';
import { SEVERITY_LABELS, splitMessage } from './model.js';
import { findingActions } from './panel.js';
import { markOf, marksOf, indexesOf } from './marks.js';

export function createExplainer(editor, act) {
  const tip = $('explain');
  const wrap = editor.parentElement;
  let shown = null; // {key, by: 'hover' | 'caret'}
  let hideTimer = 0;
  let pending = 0;


  function place(f) {
    const box = wrap.getBoundingClientRect();
    const rects = [...(markOf(editor, f.index)?.getClientRects() ?? [])].filter((r) => r.bottom > box.top && r.top < box.bottom);
    const anchor = rects[0] ?? { left: box.left + 16, top: box.top + 8, bottom: box.top + 8 };
    const w = tip.offsetWidth;
    const h = tip.offsetHeight;
    let top = anchor.bottom + 6;
    if (top + h > innerHeight - 8 && anchor.top - h - 6 > 8) top = anchor.top - h - 6;
    // Clamped by CSS as well, so a window narrowed while it is open never
    // pushes it off screen before the resize event re-places it.
    tip.style.left = `max(8px, min(${anchor.left}px, calc(100vw - ${w + 8}px)))`;
    tip.style.top = `max(8px, min(${top}px, calc(100vh - ${h + 8}px)))`;
  }
  const replace = () => {
    const f = shown && act.findingByKey(shown.key);
    if (f) place(f);
  };

  function show(f, by) {
    clearTimeout(hideTimer);
    const { d } = f;
    const { what, todo } = splitMessage(d.message);
    const rule = act.ruleInfo(d.rule);
    const head = el('div', `head ${d.severity}`);
    head.append(el('span', 'sev', SEVERITY_LABELS[d.severity]), el('span', 'rule', act.ruleName(d.rule)));
    const parts = [head, el('p', 'what', what)];
    if (rule?.explanation) parts.push(labelled('为什么：', rule.explanation, 'why'));
    if (todo) parts.push(labelled('怎么改：', todo, 'todo'));
    parts.push(...findingActions(f, act.text(), act));
    parts.push(el('div', 'hint', 'F8 下一处 · Shift+F8 上一处 · Esc 关闭'));
    tip.replaceChildren(...parts);
    tip.dataset.key = f.key;
    tip.dataset.rule = d.rule;
    tip.hidden = false;
    place(f);
    shown = { key: f.key, by };
    editor.setAttribute('aria-describedby', 'explain keys');
  }

  function hide() {
    tip.hidden = true;
    shown = null;
    editor.setAttribute('aria-describedby', 'keys');
  }

  const hideSoon = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => {
      if (shown?.by === 'hover' && !tip.matches(':hover')) hide();
    }, 300);
  };

  function findingAt(x, y) {
    for (const m of marksOf(editor)) {
      if (m.classList.contains('ignored')) continue;
      for (const r of m.getClientRects()) {
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) {
          return indexesOf(m).map(act.findingByIndex).find(Boolean) ?? null;
        }
      }
    }
    return null;
  }

  wrap.addEventListener('mousemove', (e) => {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      const f = findingAt(e.clientX, e.clientY);
      if (f && shown?.key !== f.key) show(f, 'hover');
      else if (!f && shown?.by === 'hover') hideSoon();
      else if (f) clearTimeout(hideTimer);
    });
  });
  wrap.addEventListener('mouseleave', () => shown?.by === 'hover' && hideSoon());
  tip.addEventListener('mouseenter', () => clearTimeout(hideTimer));
  tip.addEventListener('mouseleave', () => shown?.by === 'hover' && hideSoon());

  /** The caret moved: explain the finding it stands in (the innermost), or close. */
  let dismissedAt = null; // the selection Esc was pressed at: the caret staying there keeps it closed
  function followCaret() {
    const at = `${editor.selectionStart}:${editor.selectionEnd}`;
    if (dismissedAt === at) return;
    dismissedAt = null;
    const f = act.findingAtCaret();
    if (f) {
      if (shown?.key !== f.key) show(f, 'caret');
    } else if (shown?.by === 'caret') hide();
  }
  for (const ev of ['keyup', 'mouseup', 'select']) editor.addEventListener(ev, followCaret);
  editor.addEventListener('scroll', replace);
  addEventListener('resize', replace);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && shown) {
      hide();
      dismissedAt = `${editor.selectionStart}:${editor.selectionEnd}`;
    }
  });

  return {
    show,
    hide,
    get shownKey() {
      return shown?.key ?? null;
    },
    /** After a new result: keep explaining the same finding if it is still there. */
    refresh() {
      const f = shown && act.findingByKey(shown.key);
      if (f) show(f, shown.by);
      else if (shown) hide();
    },
  };
}

function labelled(label, text, cls) {
  const p = el('p', cls);
  p.append(el('strong', '', label), text);
  return p;
}
