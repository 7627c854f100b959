// <report-checker for="editor-id" template="annual"></report-checker>
// or <report-checker><textarea>…</textarea></report-checker>
//
// Drop-in use without a script of one's own: attaches to the element named by
// `for` (or to the first textarea / editable element inside it) and shows a
// one-line summary and the list of findings; clicking one selects it in the
// editor. `el.handle` is the attach() handle (`await el.ready()` for a gate).

const SEVERITY = { error: '错误', warning: '警告', info: '提示' };

const CSS = `
:host { display: block; font: 14px/1.6 "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #1f2937; }
.summary { margin: 4px 0; color: #374151; }
.summary.ok { color: #15803d; }
ul { list-style: none; margin: 0; padding: 0; }
li { margin: 2px 0; }
button { all: unset; cursor: pointer; display: block; padding: 2px 6px; border-radius: 4px; }
button:hover, button:focus-visible { background: #f3f4f6; outline: 1px solid #cbd5e1; }
.sev { font-size: 12px; padding: 0 4px; border-radius: 3px; margin-right: 4px; color: #fff; }
.sev.error { background: #dc2626; } .sev.warning { background: #d97706; } .sev.info { background: #2563eb; }
.where { color: #6b7280; font-size: 12px; }
`;

export function defineElement({ init, attach }) {
  const registry = globalThis.customElements;
  if (!registry || registry.get('report-checker')) return;

  class ReportCheckerElement extends HTMLElement {
    static observedAttributes = ['for', 'template'];

    constructor() {
      super();
      this.handle = null;
      const shadow = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = CSS;
      this.summary = document.createElement('div');
      this.summary.className = 'summary';
      this.summary.setAttribute('role', 'status');
      this.list = document.createElement('ul');
      shadow.append(style, document.createElement('slot'), this.summary, this.list);
    }

    get report() {
      return this.handle?.report ?? null;
    }

    /** The report of the editor's current text. */
    async ready() {
      if (!this.handle) await this.connecting;
      if (!this.handle) throw new Error('report-checker: <report-checker> 没有找到要检查的编辑器');
      return this.handle.ready();
    }

    connectedCallback() {
      this.connecting = this.connect();
    }

    disconnectedCallback() {
      this.handle?.detach();
      this.handle = null;
    }

    attributeChangedCallback(name, before, after) {
      if (!this.handle || before === after) return;
      if (name === 'template') this.handle.setOptions(this.options());
      else {
        this.handle.detach();
        this.handle = null;
        this.connecting = this.connect();
      }
    }

    options() {
      const template = this.getAttribute('template');
      return template ? { template } : {};
    }

    target() {
      const id = this.getAttribute('for');
      if (id) return this.ownerDocument.getElementById(id);
      return this.querySelector('textarea, [contenteditable]');
    }

    async connect() {
      await init();
      if (!this.isConnected || this.handle) return;
      const target = this.target();
      if (!target) {
        this.summary.textContent = `未找到要检查的编辑器（for="${this.getAttribute('for') ?? ''}"）`;
        return;
      }
      try {
        this.handle = attach(target, this.options());
      } catch (e) {
        this.summary.textContent = String(e.message ?? e);
        return;
      }
      this.handle.on('result', ({ report }) => this.render(report));
      this.handle.on('error', (error) => {
        this.summary.textContent = error;
      });
    }

    render(report) {
      const { error, warning, info } = report.summary;
      const clean = !error && !warning && !info;
      this.summary.className = clean ? 'summary ok' : 'summary';
      this.summary.textContent = clean ? '未发现问题' : `${error} 个错误，${warning} 个警告，${info} 条提示`;
      this.list.replaceChildren(...report.diagnostics.map((d) => this.item(d)));
      this.dispatchEvent(new CustomEvent('result', { detail: { report } }));
    }

    item(d) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      const sev = document.createElement('span');
      sev.className = `sev ${d.severity}`;
      sev.textContent = SEVERITY[d.severity];
      const where = document.createElement('div');
      where.className = 'where';
      where.textContent = this.handle.locate(d.span).description;
      button.append(sev, d.message, where);
      button.onclick = () => this.handle?.select(d.span.start, d.span.end);
      li.append(button);
      return li;
    }
  }

  registry.define('report-checker', ReportCheckerElement);
}
