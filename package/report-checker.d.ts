// Type declarations of report-checker, the ES module an OA system embeds.
// The report shape is the one `report-check --format json` prints.

/** Where a finding is. `start`/`end` are UTF-16 code units: `text.slice(start, end)` is the flagged text. */
export interface Span {
  start: number;
  end: number;
  /** 1-based line of `start` (each block of a rich editor is one line). */
  line: number;
  /** 1-based column of `start`, in Unicode characters. */
  column: number;
  /** 1-based paragraph of `start`, blank lines not counted: the same whatever editor holds the draft. */
  paragraph: number;
}

export type Severity = 'error' | 'warning' | 'info';
export type Category = 'structure' | 'numbering' | 'numbers' | 'data' | 'period' | 'text';
/** `safe`: apply in one click; `unsafe`: a guess to confirm; `display-only`: shown, never applied. */
export type Applicability = 'safe' | 'unsafe' | 'display-only';

export interface Related {
  span: Span;
  message: string;
}

export interface Suggestion {
  span: Span;
  replacement: string;
  applicability: Applicability;
}

export interface Diagnostic {
  /** Stable rule code, `family.name`: `numbers.conflict`. */
  rule: string;
  category: Category;
  severity: Severity;
  /** Chinese: what is wrong and what to do. */
  message: string;
  span: Span;
  related: Related[];
  suggestions: Suggestion[];
}

export interface Summary {
  error: number;
  warning: number;
  info: number;
}

export interface OutlineSection {
  /** 1 for 一、, 2 for （一）… */
  level: number;
  number: number;
  text: string;
  span: Span;
  /** The template section it satisfies (`results`, `methods`, `problems`, `plans` …), if any. */
  kind?: string | null;
}

/** The detected title, reporting period and sections (a host's table of contents). */
export interface Outline {
  title: { text: string; span: Span } | null;
  /** `{label: '2023年上半年', start: '2023-01-01', end: '2023-06-30'}` */
  period: { label: string; start: string; end: string } | null;
  sections: OutlineSection[];
}

export interface Report {
  diagnostics: Diagnostic[];
  summary: Summary;
  outline: Outline;
}

export interface TemplateSection {
  id: string;
  label: string;
  patterns: string[];
  required: boolean;
}

export interface Template {
  name: string;
  sections: TemplateSection[];
}

/** Options of check() and attach(). Unknown keys, unknown rule codes and bad templates are errors. */
export interface CheckOptions {
  /** A preset (`quarterly`, `half-year`, `three-quarter`, `annual`, `summary-and-plan`) or a template; by default chosen from the title. */
  template?: string | Template;
  /** Rule codes to skip: `['text.punctuation']`. */
  disabledRules?: string[];
}

export interface AttachOptions extends CheckOptions {
  /** Milliseconds after the last change before the re-check (default 200). */
  delay?: number;
  /**
   * Reads the text instead of the element's DOM, for editors whose DOM cannot
   * be read (a cross-origin frame, a canvas editor). Nothing is highlighted;
   * call `handle.notify()` after each change.
   */
  getText?: () => string;
}

/** A rule's registry entry. */
export interface RuleInfo {
  code: string;
  family: Category;
  severity: Severity;
  summary: string;
  explanation: string;
  example: string;
  nearMiss: string;
}

export interface ResultDetail {
  report: Report;
  /** Milliseconds the check took. */
  ms: number;
  /** The text that was checked (spans index it). */
  text: string;
}

export interface Location {
  paragraph: number;
  line: number;
  column: number;
  quote: { before: string; flagged: string; after: string };
  /** `第3段：“……共召开会议【XX】次……”` */
  description: string;
}

export interface Handle {
  readonly id: number;
  /** The element whose text is checked (the editable root found inside a container), or null with getText. */
  readonly element: HTMLElement | null;
  /** This handle's CSS highlight names, by kind; null with getText. */
  readonly highlightNames: Record<'error' | 'warning' | 'info' | 'related' | 'nested', string> | null;
  /** The last report, or null before the first check and after detach(). */
  readonly report: Report | null;
  readonly ms: number;
  readonly text: string;
  readonly detached: boolean;
  /** The report of the current text, checking at once if it changed since the last check. Throws on bad options. */
  check(): Report;
  /** The submit gate: resolves with the report of the current text. */
  ready(): Promise<Report>;
  /** Tells the checker the text changed (with getText, or an editor it cannot observe). */
  notify(): void;
  /** Checks now and returns the report. */
  recheck(): Report;
  setOptions(options: CheckOptions): void;
  /** Selects text[start, end) in the editor and scrolls it into view. */
  select(start: number, end: number): void;
  /** A span in a reader's words: paragraph and quoted context. */
  locate(span: Span): Location;
  on(event: 'result', listener: (detail: ResultDetail) => void): Handle;
  on(event: 'error', listener: (message: string) => void): Handle;
  off(event: 'result' | 'error', listener: (...args: any[]) => void): Handle;
  /** Stops checking and removes everything attach() added; calling it again does nothing. Other calls then throw. */
  detach(): void;
}

/** Loads the wasm once (default: report_checker_bg.wasm beside the module). Await it before anything else. */
export default function init(wasmUrl?: string | URL): Promise<unknown>;
/** One-shot check. */
export function check(text: string, options?: CheckOptions | null): Report;
/**
 * Live checking of a `<textarea>`, an `<input>`, a contenteditable root (also
 * inside a same-origin iframe), or a container with exactly one of them inside.
 * Throws for an `<iframe>` element or a container with no editable root.
 */
export function attach(element: Element | null, options?: AttachOptions): Handle;
/** Every rule's registry entry. */
export function rules(): RuleInfo[];
export function version(): string;
/** The editable root attach() would use for `element` (throws like attach()). */
export function resolveRoot(element: Element): HTMLElement;
/** `{before, flagged, after}` around a span, within its line. */
export function quote(text: string, span: Span, width?: number): Location['quote'];
/** `第3段：“……【flagged】……”` */
export function describe(text: string, span: Span): string;

/** `<report-checker for="editor-id" template="annual">`: attaches to the element and lists the findings. */
export interface ReportCheckerElement extends HTMLElement {
  readonly handle: Handle | null;
  readonly report: Report | null;
  ready(): Promise<Report>;
}

declare global {
  interface HTMLElementTagNameMap {
    'report-checker': ReportCheckerElement;
  }
  interface HTMLElementEventMap {
    'reportchecker:result': CustomEvent<ResultDetail>;
    'reportchecker:error': CustomEvent<{ error: string }>;
  }
}
