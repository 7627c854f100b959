// What the page keeps in the browser: the draft and the findings ignored in it
// (localStorage, so a reload or a crash loses nothing), and the rules turned off
// for this session (sessionStorage). Storage can be full or forbidden: then the
// page works on without it and says so.

const DRAFT_KEY = 'report-checker:draft';
const RULES_OFF_KEY = 'report-checker:rules-off';

function read(storage, key) {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

/** The saved draft: {text, ignored: [finding keys]}, or null. */
export function loadDraft() {
  const saved = read(localStorage, DRAFT_KEY);
  return saved && typeof saved.text === 'string' ? { text: saved.text, ignored: Array.isArray(saved.ignored) ? saved.ignored : [] } : null;
}

/** Saves the draft; false when the browser refused (quota, private mode). */
export function saveDraft(text, ignored) {
  try {
    if (!text) localStorage.removeItem(DRAFT_KEY);
    else localStorage.setItem(DRAFT_KEY, JSON.stringify({ text, ignored: [...ignored], savedAt: Date.now() }));
    return true;
  } catch {
    return false;
  }
}

export function loadRulesOff() {
  const list = read(sessionStorage, RULES_OFF_KEY);
  return new Set(Array.isArray(list) ? list : []);
}

export function saveRulesOff(rules) {
  try {
    sessionStorage.setItem(RULES_OFF_KEY, JSON.stringify([...rules]));
  } catch {
    // The session setting still holds in memory.
  }
}
