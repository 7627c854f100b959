// Changes the page makes to the draft, always through the editor's own editing
// commands so that Ctrl+Z undoes them as it undoes typing. The checker itself
// never changes the text: only a fix, a paste or 清空 the user asked for.

/** Replaces [start, end) of the textarea with `text`, as one undoable step. */
export function replaceRange(editor, start, end, text) {
  editor.focus();
  editor.setSelectionRange(start, end);
  const done = text ? document.execCommand('insertText', false, text) : start === end || document.execCommand('delete');
  if (!done) {
    // No editing commands (an old engine): still correct, only without undo.
    editor.setRangeText(text, start, end, 'end');
    editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
  }
}

/**
 * Applies a suggestion to the text it was computed for. When the editor no
 * longer holds exactly the checked text (typed since, the check still pending),
 * the offsets would land in the wrong place: refuse and say why.
 */
export function applySuggestion(editor, checkedText, suggestion) {
  if (editor.value !== checkedText) return { ok: false, reason: '文稿在检查后又改动过，正在重新检查，请稍后再采纳。' };
  const { start, end } = suggestion.span;
  replaceRange(editor, start, end, suggestion.replacement);
  editor.setSelectionRange(start + suggestion.replacement.length, start + suggestion.replacement.length);
  return { ok: true };
}

/** Empties the editor as one undoable step. */
export function clearEditor(editor) {
  replaceRange(editor, 0, editor.value.length, '');
}
