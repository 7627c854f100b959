// Bad and awkward input gets a clear result: a binary file is refused with a
// reason, a GB18030 .txt is read, lone surrogates are checked without a crash,
// and a draft with hundreds of findings lists the first 300 until asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterCheck, editorState, load, report, skip, usePage } from './page-helpers.mjs';

const shared = usePage({ seed: false });

test('a binary file is refused with a reason and the draft is left alone', { skip }, async () => {
  const { page } = shared;
  await load(page, '青山镇2023年工作总结\n');
  await page.setInputFiles('#file', { name: '照片.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]) });
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('不是文本文件'));
  assert.equal((await editorState(page)).value, '青山镇2023年工作总结\n');
});

test('a .txt saved in GB18030 is read as Chinese', { skip }, async () => {
  const { page } = shared;
  // 青山镇 工作总结 in GB18030.
  const gb = Buffer.from([0xc7, 0xe0, 0xc9, 0xbd, 0xd5, 0xf2, 0xb9, 0xa4, 0xd7, 0xf7, 0xd7, 0xdc, 0xbd, 0xe1]);
  await afterCheck(page, () => page.setInputFiles('#file', { name: '总结.txt', mimeType: 'text/plain', buffer: gb }));
  assert.equal((await editorState(page)).value, '青山镇工作总结');
});

test('lone surrogates: checked, highlighted where the report says, no error', { skip }, async () => {
  const { page, ctx } = shared;
  const text = '青山镇2023年工作总结\n一、工作成效\n\uD800本季度共召开会议XX次，\uDC00完成\uD83D\uDE00任务。\n';
  await load(page, text);
  const r = await report(page);
  const placeholder = r.diagnostics.find((d) => d.rule === 'data.placeholder');
  assert.equal(text.slice(placeholder.span.start, placeholder.span.end), 'XX');
  assert.equal((await editorState(page)).value, text);
  assert.deepEqual(ctx.errors, []);
});

test('hundreds of findings: the first 300 are listed, the rest on request; the verdict counts them all', { skip }, async () => {
  const { page } = shared;
  const lines = Array.from({ length: 320 }, (_, i) => `${i + 1}.本季度在第${i + 1}村召开会议XX次。`);
  await load(page, `青山镇2023年一季度工作总结\n一、工作成效\n${lines.join('\n')}\n`);
  const r = await report(page);
  const placeholders = r.diagnostics.filter((d) => d.rule === 'data.placeholder').length;
  assert.ok(r.diagnostics.length > 300 && placeholders >= 320, `${r.diagnostics.length} findings`);
  assert.equal(await page.locator('.item').count(), 300);
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  assert.equal(await page.locator('#verdict .headline').textContent(), `有 ${errors} 处错误需要修改`);
  await page.locator('.list-all').click();
  assert.equal(await page.locator('.item').count(), r.diagnostics.length);
});
