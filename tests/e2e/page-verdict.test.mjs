// The verdict and the section checklist, as a clerk deciding "can I submit
// this?" reads them: seed000 (a half-year summary with errors and no sign-off)
// and a clean summary with every part and a sign-off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { draft, ROOT } from './helpers.mjs';
import { afterCheck, editorState, load, report, skip, usePage } from './page-helpers.mjs';

const clean = fs.readFileSync(path.join(ROOT, 'tests/e2e/fixtures/clean-summary.txt'), 'utf8');
const shared = usePage({ seed: false });

const checklist = (page) => page.$$eval('#checklist li', (lis) => lis.map((li) => ({ id: li.dataset.id, state: li.className, text: li.textContent })));

test('seed000: the verdict counts the errors apart from the warnings; the missing sign-off is marked', { skip }, async () => {
  const { page } = shared;
  const text = draft('seed000.txt', 'www/sample.txt');
  await load(page, text);
  const r = await report(page);
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = r.diagnostics.length - errors;
  assert.ok(errors > 0, 'seed000 has errors');
  assert.equal(await page.locator('#verdict .headline').textContent(), `有 ${errors} 处错误需要修改`);
  assert.match(await page.locator('#verdict .detail').textContent(), new RegExp(`另有 ${warnings} 处提醒`));
  assert.equal(await page.locator('#verdict').getAttribute('role'), 'status');

  const items = await checklist(page);
  assert.deepEqual(items.map((i) => i.id), ['results', 'methods', 'problems', 'plans', 'signature', 'date']);
  const byId = Object.fromEntries(items.map((i) => [i.id, i]));
  for (const id of ['results', 'methods', 'problems', 'plans']) assert.equal(byId[id].state, 'found', `${id}: ${byId[id].text}`);
  if (r.diagnostics.some((d) => d.rule === 'structure.signature' && d.message.includes('落款') && d.message.includes('成文日期'))) {
    assert.equal(byId.signature.state, 'missing');
    assert.equal(byId.date.state, 'missing');
    assert.match(byId.date.text, /缺少/);
  }
  // The preset the title calls for is named; the picker stays.
  assert.match(await page.locator('#template-used').textContent(), /半年工作总结/);
  assert.equal(await page.locator('#template').inputValue(), '');
});

test('a checklist tick jumps to its heading', { skip }, async () => {
  const { page, text } = shared;
  const r = await report(page);
  const problems = r.outline.sections.find((s) => s.kind === 'problems');
  await page.locator('#checklist li[data-id="problems"] button').click();
  const ed = await editorState(page);
  assert.deepEqual([ed.start, ed.end, ed.focused], [problems.span.start, problems.span.end, true]);
  assert.equal(ed.value.slice(ed.start, ed.end), problems.text);
});

test('choosing a template by hand is named and re-checks', { skip }, async () => {
  const { page } = shared;
  await afterCheck(page, () => page.selectOption('#template', 'annual'));
  assert.match(await page.locator('#template-used').textContent(), /按“年度工作总结”检查/);
  await afterCheck(page, () => page.selectOption('#template', ''));
});

test('a clean summary with every part and a sign-off: 可以提交, all six ticked with links', { skip }, async () => {
  const { page, ctx } = shared;
  await load(page, clean);
  assert.equal(await page.locator('#verdict .headline').textContent(), '可以提交');
  assert.match(await page.locator('#verdict').getAttribute('class'), /\bok\b/);
  const items = await checklist(page);
  assert.ok(items.every((i) => i.state === 'found'), JSON.stringify(items));
  // The sign-off is found too, and its tick selects the date line.
  await page.locator('#checklist li[data-id="date"] button').click();
  const ed = await editorState(page);
  assert.equal(ed.value.slice(ed.start, ed.end), '2023年7月10日');
  assert.match(await page.locator('#template-used').textContent(), /半年工作总结/);
  assert.deepEqual(ctx.errors, []);
});

test('a draft without its problems part: the checklist marks it missing and the verdict is not 可以提交', { skip }, async () => {
  const { page } = shared;
  const cut = clean.replace(/三、存在问题\n\n一是[^\n]*\n\n/, '').replace('四、下半年', '三、下半年');
  assert.notEqual(cut, clean);
  await load(page, cut);
  const problems = (await checklist(page)).find((i) => i.id === 'problems');
  assert.equal(problems.state, 'missing');
  const r = await report(page);
  const missing = r.diagnostics.find((d) => d.rule.startsWith('structure.') && d.message.includes('问题'));
  assert.ok(missing, 'the core reports the missing part');
  assert.notEqual(await page.locator('#verdict .headline').textContent(), '可以提交');
});
