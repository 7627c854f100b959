// In-browser timing of the wasm build (reported, not asserted: speed is a
// benchmark's business, not a unit test's): page load to first result, and
// check() on a 5,000-character draft, a 20,000-character draft and a 1 MB
// document whose paragraphs all differ; then, as the clerk feels it, navigation
// start → first result on a draft (restored from the browser, as after a
// reload) and keystroke → updated highlights on a 20,000-character draft,
// counted from the moment the debounce fires. Figures go to target/e2e/timing.json.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { built, start, draft, paste, SHOTS } from './helpers.mjs';

const skip = built() ? false : 'www/pkg is not built: run ./build.sh build';
let ctx;

before(async () => {
  if (skip) return;
  ctx = await start();
  // The first result event, caught in the capture phase wherever it is dispatched.
  await ctx.page.addInitScript(() => {
    window.addEventListener('reportchecker:result', () => { window.__firstResult ??= performance.now(); }, true);
    // The debounced check starts by reading the editor's text: stamp every read of a
    // textarea's value, so the test knows when the debounce fired.
    const value = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
    window.__valueReads = [];
    Object.defineProperty(HTMLTextAreaElement.prototype, 'value', {
      get() {
        window.__valueReads.push(performance.now());
        return value.get.call(this);
      },
      set(v) { value.set.call(this, v); },
      configurable: true,
    });
  });
  await ctx.page.goto(ctx.base);
  await ctx.page.waitForFunction(() => window.__firstResult !== undefined);
});
after(async () => ctx && ctx.close());

test('wasm check time in Chromium, and page load to first result', { skip }, async () => {
  const figures = await ctx.page.evaluate(async () => {
    // The page runs a bundle: the module imported here is its own instance, loaded once more.
    const { default: init, check } = await import('./report-checker.js');
    await init();
    // Township-summary paragraphs, every one different (a deterministic generator).
    let seed = 88172645463325252n;
    const rand = (n) => {
      seed ^= (seed << 13n) & 0xffffffffffffffffn;
      seed ^= seed >> 7n;
      seed ^= (seed << 17n) & 0xffffffffffffffffn;
      return Number(seed % BigInt(n));
    };
    const pick = (xs) => xs[rand(xs.length)];
    const syl = '青山河东岭桥湾坪溪林石新安和兴平阳源塘岗'.split('');
    const work = ['基层党建', '项目建设', '疫情防控', '脱贫攻坚', '综合治理', '民生保障', '环境整治', '安全生产'];
    const objs = [['农户', '户'], ['党员', '名'], ['项目', '个'], ['隐患', '处'], ['资金', '万元'], ['群众', '人次']];
    const han = '一二三四五六七八九十'.split('');
    const place = () => pick(syl) + pick(syl) + pick(['村', '社区', '镇']);
    const paragraph = (n) => {
      let p = `（${han[n % 10]}）${pick(work)}扎实推进。`;
      for (let k = 0; k < 3 + rand(4); k++) {
        const [obj, unit] = pick(objs);
        const a = 10 + rand(5000);
        const b = rand(a);
        p += k % 2
          ? `${place()}共有${obj}${a}${unit}，其中已完成${b}${unit}，未完成${a - b}${unit}；`
          : `${place()}${pick(['完成', '新建', '排查', '走访'])}${obj}${a}${unit}，占全年任务的${(b * 100 / a).toFixed(1)}%；`;
      }
      return `${p}一是强化组织领导。二是压实工作责任。\n`;
    };
    const draft = (chars) => {
      let t = `${place()}2023年上半年工作总结\n一、工作开展情况\n`;
      for (let n = 0; t.length < chars; n++) t += paragraph(n);
      return `${t}二、存在问题\n资金不足。\n三、下步工作打算\n继续推进。\n`;
    };
    const time = (text, runs) => {
      const ms = [];
      let findings = 0;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        findings = check(text).diagnostics.length;
        ms.push(performance.now() - t0);
      }
      ms.sort((a, b) => a - b);
      return { chars: text.length, utf8Bytes: new TextEncoder().encode(text).length, medianMs: ms[ms.length >> 1], findings };
    };
    // Warm up first: V8 compiles wasm with a baseline tier and optimises it in the background.
    const warm = draft(20_000);
    for (let i = 0; i < 20; i++) check(warm);
    const oneMb = draft(420_000); // ~1 MB of UTF-8
    const d5 = time(draft(5_000), 41);
    return {
      pageLoadToFirstResultMs: window.__firstResult,
      draft5k: d5,
      draft20k: time(draft(20_000), 11),
      doc1MB: time(oneMb, 3),
    };
  });
  figures.doc1MB.mbPerS = figures.doc1MB.utf8Bytes / 1e6 / (figures.doc1MB.medianMs / 1e3);
  Object.assign(figures, await pageFigures(ctx.page));
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.writeFileSync(path.join(SHOTS, 'timing.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`in-browser timing: ${JSON.stringify(figures)}`);
  // Sanity, not speed: every input was checked and found what was planted.
  for (const k of ['draft5k', 'draft20k', 'doc1MB']) assert.ok(figures[k].findings > 0, k);
  assert.ok(figures.doc1MB.utf8Bytes > 900_000);
  assert.deepEqual(ctx.errors, []);
});

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Load → first result over several reloads with seed000 saved, and keystroke → highlights on 20,000 characters. */
async function pageFigures(page) {
  const seed = draft('seed000.txt', 'www/sample.txt');
  await paste(page, seed); // autosaved: every reload below starts by checking it
  const loads = [];
  for (let i = 0; i < 7; i++) {
    await page.reload();
    await page.waitForFunction(() => window.__rcTiming?.firstResultMs);
    loads.push(await page.evaluate(() => ({ firstResultMs: window.__rcTiming.firstResultMs, chars: document.getElementById('editor').value.length, paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime })));
  }
  assert.ok(loads.every((l) => l.chars === seed.length), 'the first result is on the restored draft');
  let big = '';
  while (big.length < 20_000) big += `${seed}\n`;
  await paste(page, big);
  const keystrokes = [];
  for (let i = 0; i < 9; i++) {
    const before = Number(await page.evaluate(() => document.body.dataset.checked));
    await page.keyboard.type('补');
    await page.waitForFunction((n) => Number(document.body.dataset.checked) > n, before);
    keystrokes.push(await page.evaluate(() => {
      const u = window.__rcTiming.updates.at(-1);
      const fired = window.__valueReads.filter((t) => t < u.at - u.renderMs).at(-1);
      return { chars: u.chars, fireToHighlightsMs: u.at - fired, checkMs: u.checkMs, pageRenderMs: u.renderMs, keystrokeMinusDebounceMs: u.afterDebounceMs };
    }));
  }
  assert.ok(keystrokes.every((k) => k.chars >= 20_000));
  const pick = (xs, k) => Math.round(median(xs.map((x) => x[k])) * 10) / 10;
  return {
    loadToFirstResult: { medianMs: pick(loads.slice(1), 'firstResultMs'), coldMs: Math.round(loads[0].firstResultMs), firstPaintMs: pick(loads.slice(1), 'paint'), draftChars: seed.length },
    keystrokeToHighlights20k: {
      medianFireToHighlightsMs: pick(keystrokes.slice(1), 'fireToHighlightsMs'),
      medianCheckMs: pick(keystrokes.slice(1), 'checkMs'),
      medianPageRenderMs: pick(keystrokes.slice(1), 'pageRenderMs'),
      medianKeystrokeMinusDebounceMs: pick(keystrokes.slice(1), 'keystrokeMinusDebounceMs'),
      chars: keystrokes.at(-1).chars,
    },
  };
}
