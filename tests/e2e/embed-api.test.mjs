// The embedding API's promises, in Chromium: the text a rich editor's blocks
// make (soft breaks, tables, placeholders, widgets), clear errors for an
// element that cannot hold text, no check on half-typed pinyin, a gate that
// is never stale, a getText/notify path, and a detach() that leaves the page
// exactly as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { built } from './helpers.mjs';
import { editorsInstalled, openEditorsPage, startWithEditors } from './embed-helpers.mjs';

const skip = !built() ? 'www/pkg is not built: run ./build.sh build' : !editorsInstalled() ? 'editors not installed: npm ci' : false;
let ctx;

before(async () => {
  if (skip) return;
  ctx = await startWithEditors();
  await openEditorsPage(ctx);
});
after(async () => ctx && ctx.close());

// A soft break (Shift+Enter) inside the paragraph of a sum, and a table row.
const BLOCKS = '<h2>青山镇2023年上半年工作总结</h2><p>一、工作成效</p>'
  + '<p>全镇共有农户320户，<br>其中已通自来水296户，未通30户。</p>'
  + '<table><tbody><tr><td>参训人数</td><td>176人</td><td>180人</td></tr></tbody></table>'
  + '<p>召开会议<strong>XX</strong>次。</p>';
const BLOCKS_TEXT = '青山镇2023年上半年工作总结\n一、工作成效\n全镇共有农户320户，\u2028其中已通自来水296户，未通30户。\n参训人数\t176人\t180人\n召开会议XX次。';

test('rich editors give the same text for the same draft: <br> continues the paragraph, cells are apart', { skip }, async () => {
  for (const kind of ['contenteditable', 'wangeditor', 'tinymce', 'ckeditor']) {
    const r = await ctx.page.evaluate(async ([k, html]) => {
      const ed = await window.setup(k);
      ed.load(html);
      const h = window.RC.attach(ed.element);
      const report = await h.ready();
      const out = { text: h.text, rules: report.diagnostics.map((d) => `${d.rule}:${h.text.slice(d.span.start, d.span.end)}`) };
      h.detach();
      return out;
    }, [kind, BLOCKS]);
    assert.equal(r.text, BLOCKS_TEXT, kind);
    // The soft break no longer splits the sum from its parts.
    assert.ok(r.rules.includes('numbers.sum:320户'), `${kind}: ${r.rules}`);
    assert.ok(!r.rules.some((x) => x.includes('176180')), `${kind}: ${r.rules}`);
  }
});

test('placeholders, zero-width carets and widgets are not text; containers resolve to their editable root', { skip }, async () => {
  const r = await ctx.page.evaluate(async () => {
    const we = await window.setup('wangeditor');
    we.clear();
    const hw = window.RC.attach(we.element); // the container: placeholder div + Slate root with U+FEFF
    await hw.ready();
    const emptyText = hw.text;
    const resolved = hw.element.hasAttribute('data-slate-editor');
    hw.detach();
    const ce = await window.setup('contenteditable');
    ce.load('<p>召开会议<span contenteditable="false">【插入附件：XX表】</span>3次，\u200b参会\ufeff人员80人。</p>');
    const hc = window.RC.attach(ce.element);
    await hc.ready();
    const widgetText = hc.text;
    hc.detach();
    return { emptyText, resolved, widgetText };
  });
  assert.equal(r.emptyText, '');
  assert.ok(r.resolved, 'the container resolved to the Slate root');
  assert.equal(r.widgetText, '召开会议3次，参会人员80人。');
});

test('an element that cannot hold text is a clear error, never an empty report', { skip }, async () => {
  const r = await ctx.page.evaluate(async () => {
    const mce = await window.setup('tinymce');
    const ck = await window.setup('ckeditor');
    const tryAttach = (el) => {
      try {
        window.RC.attach(el).detach();
        return 'attached';
      } catch (e) {
        return e.message;
      }
    };
    const two = document.createElement('div');
    two.innerHTML = '<div contenteditable="true">甲</div><div contenteditable="true">乙</div>';
    document.body.append(two);
    const plain = document.createElement('div');
    plain.textContent = '只是文字';
    document.body.append(plain);
    return {
      iframe: tryAttach(mce.iframe),
      mceContainer: tryAttach(mce.container),
      mceBody: tryAttach(mce.element),
      ckContainer: tryAttach(ck.container),
      two: tryAttach(two),
      plain: tryAttach(plain),
      nothing: tryAttach(null),
    };
  });
  assert.match(r.iframe, /<iframe>.*editor\.getBody\(\)/);
  assert.match(r.mceContainer, /不可编辑.*<iframe>/);
  assert.equal(r.mceBody, 'attached');
  assert.equal(r.ckContainer, 'attached');
  assert.match(r.two, /2 个可编辑区域/);
  assert.match(r.plain, /不可编辑/);
  assert.match(r.nothing, /需要一个元素/);
});

test('no check while an IME composes; the committed text is checked at compositionend', { skip }, async () => {
  await ctx.page.evaluate(async () => {
    const ed = await window.setup('contenteditable');
    ed.load('<p>青山镇2023年上半年工作总结</p><p>一、工作成效</p><p>召开会议次。</p>');
    window.IME = window.RC.attach(ed.element, { delay: 50 });
    await window.IME.ready();
    window.IME.seen = [];
    window.IME.on('result', ({ text }) => window.IME.seen.push(text));
    window.T.caret(window.IME, '召开会议');
  });
  const cdp = await ctx.page.context().newCDPSession(ctx.page);
  await cdp.send('Input.imeSetComposition', { text: 'shi', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.imeSetComposition', { text: 'shier', selectionStart: 5, selectionEnd: 5 });
  await ctx.page.waitForTimeout(300);
  const during = await ctx.page.evaluate(() => ({ seen: [...window.IME.seen], dom: window.IME.element.textContent }));
  assert.ok(during.dom.includes('shier'), during.dom);
  assert.deepEqual(during.seen, [], 'checked half-typed pinyin');
  await cdp.send('Input.insertText', { text: '十二' });
  await ctx.page.waitForFunction(() => window.IME.seen.length > 0);
  const afterCommit = await ctx.page.evaluate(() => ({ seen: window.IME.seen, synced: window.T.synced(window.IME) }));
  assert.ok(afterCommit.seen.every((t) => !/shi/.test(t)), afterCommit.seen.join());
  assert.ok(afterCommit.seen.at(-1).includes('召开会议十二次。'));
  assert.ok(afterCommit.synced);
  await ctx.page.evaluate(() => window.IME.detach());
});

test('the gate: check() and ready() return the current text\'s report, even right after a change', { skip }, async () => {
  const r = await ctx.page.evaluate(async () => {
    const out = {};
    for (const kind of ['contenteditable', 'textarea', 'wangeditor']) {
      const ed = await window.setup(kind);
      const h = window.RC.attach(ed.element);
      const first = await h.ready(); // before any check has run
      ed.load('<p>青山镇2023年上半年工作总结</p><p>召开会议XX次。</p>', '青山镇2023年上半年工作总结\n召开会议XX次。');
      // Editors that write their DOM at once: check() sees the change before any debounce ran.
      const right = kind === 'wangeditor' ? null : h.check();
      const blocked = await h.ready();
      ed.load('<p>青山镇2023年上半年工作总结</p><p>召开会议12次。</p>', '青山镇2023年上半年工作总结\n召开会议12次。');
      const fixed = await h.ready();
      h.detach();
      const placeholder = (rep) => rep.diagnostics.some((d) => d.rule === 'data.placeholder');
      out[kind] = { first: first.summary.error, right: right && placeholder(right), blocked: placeholder(blocked), fixed: placeholder(fixed) };
    }
    return out;
  });
  assert.deepEqual(r, {
    contenteditable: { first: 0, right: true, blocked: true, fixed: false },
    textarea: { first: 0, right: true, blocked: true, fixed: false },
    wangeditor: { first: 0, right: null, blocked: true, fixed: false },
  });
});

test('getText + notify(): for editors whose DOM cannot be read', { skip }, async () => {
  const r = await ctx.page.evaluate(async () => {
    let model = '青山镇2023年上半年工作总结\n召开会议XX次。';
    const h = window.RC.attach(null, { getText: () => model, delay: 20 });
    const a = (await h.ready()).summary.error;
    model = '青山镇2023年上半年工作总结\n召开会议12次。';
    h.notify();
    await new Promise((res) => h.on('result', res));
    const b = h.report.summary.error;
    const broken = window.RC.attach(null, { getText: () => { throw new Error('frame gone'); } });
    let thrown = '';
    try {
      broken.check();
    } catch (e) {
      thrown = e.message;
    }
    broken.detach();
    h.detach();
    return { a, b, thrown };
  });
  assert.ok(r.a > 0);
  assert.equal(r.b, 0);
  assert.match(r.thrown, /读取文本失败.*frame gone/);
});

test('detach() restores the page exactly, is idempotent, and later calls say why they fail', { skip }, async () => {
  for (const kind of ['textarea', 'contenteditable', 'tinymce']) {
    const r = await ctx.page.evaluate(async (k) => {
      const ed = await window.setup(k);
      ed.load('<p>青山镇2023年上半年工作总结</p><p>召开会议XX次。</p>', '青山镇2023年上半年工作总结\n召开会议XX次。');
      const doc = ed.element.ownerDocument;
      const snapshot = () => ({ html: document.documentElement.outerHTML, inner: doc.documentElement.outerHTML, highlights: [...doc.defaultView.CSS.highlights.keys()].join() });
      const before = snapshot();
      const h = window.RC.attach(ed.element);
      await h.ready();
      const during = snapshot();
      h.detach();
      h.detach();
      const after = snapshot();
      const errors = [];
      for (const call of [() => h.check(), () => h.recheck(), () => h.select(0, 1), () => h.setOptions({}), () => h.notify()]) {
        try {
          call();
          errors.push('no error');
        } catch (e) {
          errors.push(e.message);
        }
      }
      let readyError = '';
      await h.ready().catch((e) => { readyError = e.message; });
      const again = window.RC.attach(ed.element); // the same element can be attached anew
      again.detach();
      return {
        changed: during.html !== before.html || during.highlights !== before.highlights,
        same: after.html === before.html && after.inner === before.inner && after.highlights === before.highlights,
        ownValue: Object.prototype.hasOwnProperty.call(ed.element, 'value'),
        report: h.report,
        errors,
        readyError,
      };
    }, kind);
    assert.ok(r.changed, `${kind}: attach showed nothing`);
    assert.ok(r.same, `${kind}: the page differs after detach()`);
    assert.equal(r.ownValue, false);
    assert.equal(r.report, null);
    for (const e of [...r.errors, r.readyError]) assert.match(e, /已调用 detach\(\)/, kind);
  }
});

test('<report-checker> wrapping a textarea: lists the findings, and removing it detaches', { skip }, async () => {
  const r = await ctx.page.evaluate(async () => {
    const host = document.createElement('div');
    host.innerHTML = '<report-checker template="quarterly"><textarea>青山镇2023年一季度工作总结\n召开会议XX次。</textarea></report-checker>';
    document.body.append(host);
    const el = host.querySelector('report-checker');
    const report = await el.ready();
    const listed = [...el.shadowRoot.querySelectorAll('li')].map((li) => li.textContent);
    const backdrops = () => document.querySelectorAll(`.rc${el.handle.id}-backdrop`).length;
    const withBackdrop = backdrops();
    const { handle } = el;
    el.remove();
    return {
      rules: report.diagnostics.map((d) => d.rule),
      listed,
      withBackdrop,
      detached: handle.detached,
      left: document.querySelectorAll(`.rc${handle.id}-backdrop, style[data-report-checker="${handle.id}"]`).length,
    };
  });
  assert.ok(r.rules.includes('data.placeholder'), r.rules.join());
  assert.equal(r.listed.length, r.rules.length);
  assert.ok(r.listed.some((t) => t.includes('第2段') && t.includes('【XX】')), r.listed.join('\n'));
  assert.equal(r.withBackdrop, 1);
  assert.ok(r.detached);
  assert.equal(r.left, 0);
});
