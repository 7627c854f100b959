"""The server driven by a LanguageTool client no one here wrote: the PyPI
package language-tool-python, pointed at `report-check serve` with
remote_server= (it must not download LanguageTool then). Each draft's
numbers.conflict must come back at the UTF-16 offset of the second figure.

    python language_tool_python_check.py REPORT_CHECK_BINARY [SEED000]

Prints `N passed, N failed` last; exits 1 on any failure.
"""
import os
import re
import subprocess
import sys

import language_tool_python

binary = sys.argv[1]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
drafts = [os.path.join(root, "fixtures", "township_q1_with_problems.txt")]
if len(sys.argv) > 2 and os.path.exists(sys.argv[2]):
    drafts.insert(0, sys.argv[2])
else:
    print("note: seed000 not found beside the repository; checking the fixtures only")

server = subprocess.Popen(
    [binary, "serve", "--addr", "127.0.0.1:0"], stderr=subprocess.PIPE, text=True
)
passed = failed = 0


def expect(ok, what):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {what}")
    else:
        failed += 1
        print(f"FAIL {what}")


def utf16_offset(text, index):
    return len(text[:index].encode("utf-16-le")) // 2


try:
    line = server.stderr.readline()
    url = re.search(r"http://\S+", line).group(0)
    lt_home = os.path.expanduser("~/.cache/language_tool_python")
    before = os.listdir(lt_home) if os.path.isdir(lt_home) else []
    tool = language_tool_python.LanguageTool("zh-CN", remote_server=url)
    expect(tool.is_remote, "the client talks to our server (remote_server=)")
    for path in drafts:
        name = os.path.basename(path)
        text = open(path, encoding="utf-8").read()
        matches = tool.check(text)
        conflicts = [m for m in matches if m.rule_id == "numbers.conflict"]
        expect(len(conflicts) >= 1, f"{name}: numbers.conflict among {len(matches)} matches")
        for m in conflicts:
            flagged = text.encode("utf-16-le")[2 * m.offset : 2 * (m.offset + m.error_length)].decode("utf-16-le")
            expect(re.fullmatch(r"[\d.,万亿]+\S{0,2}", flagged) is not None, f"{name}: offset {m.offset} flags a figure: {flagged!r}")
            expect("相关位置" in m.message, f"{name}: the other figure is in the message: {m.message[:80]}…")
        if name == "seed000.txt":
            second = text.index("2546人")
            hit = [m for m in conflicts if m.offset == utf16_offset(text, second) and m.error_length == 5]
            expect(len(hit) == 1, "seed000: the 2544/2546 conflict at the offset of 2546人")
            expect(any("2544人" in m.message for m in hit), "seed000: the message names 2544人")
    tool.disabled_rules = {"numbers.conflict"}
    off = [m for m in tool.check(open(drafts[-1], encoding="utf-8").read()) if m.rule_id == "numbers.conflict"]
    expect(off == [], "disabledRules from the client switches the rule off")
    after = os.listdir(lt_home) if os.path.isdir(lt_home) else []
    expect(before == after, "nothing downloaded into ~/.cache/language_tool_python")
    tool.close()
except Exception as e:  # a client error is a failure with its message, not a traceback only
    failed += 1
    print(f"FAIL {type(e).__name__}: {e}")
finally:
    server.terminate()
    server.wait(timeout=10)

print(f"language-tool-python: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
