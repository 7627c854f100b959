// The highlight marks attach() draws for the textarea: a backdrop element it
// inserts just before the field. Each mark names the findings it draws
// (data-index: one index, or several separated by spaces where findings meet).

/** The backdrop attach() put under the editor, or null (none yet, or another kind of view). */
export function backdropOf(editor) {
  const b = editor.previousElementSibling;
  return b && b.getAttribute('aria-hidden') === 'true' ? b : null;
}

export const indexesOf = (mark) => (mark.dataset.index ?? '').split(' ').filter(Boolean).map(Number);

export const marksOf = (editor) => [...(backdropOf(editor)?.querySelectorAll('mark') ?? [])];

/** The mark of finding `index`: its own span first, a related span only if that is all it has. */
export function markOf(editor, index) {
  const mine = marksOf(editor).filter((m) => indexesOf(m).includes(index));
  return mine.find((m) => !m.classList.contains('rc-related')) ?? mine[0] ?? null;
}
