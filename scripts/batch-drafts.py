"""Makes a folder of drafts for measuring batch checks: variants of the test
fixtures (figures changed, paragraphs reordered), in nested folders, one in
ten saved as .docx as Word would.

    python3 scripts/batch-drafts.py OUT_DIR [COUNT]    (default 1000)
"""
import os
import random
import re
import sys
import zipfile
from xml.sax.saxutils import escape

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
fixtures = os.path.join(root, "tests", "fixtures")
bases = [open(os.path.join(fixtures, f), encoding="utf-8").read() for f in sorted(os.listdir(fixtures)) if f.endswith(".txt")]
out, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1000
rng = random.Random(18)


def variant(text):
    # Change about one figure in five, and swap two body paragraphs.
    text = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)) if rng.random() < 0.2 else m.group(), text)
    lines = text.split("\n")
    body = [i for i, l in enumerate(lines) if len(l) > 40]
    if len(body) >= 2:
        a, b = rng.sample(body, 2)
        lines[a], lines[b] = lines[b], lines[a]
    return "\n".join(lines)


def save_docx(path, text):
    paras = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(l)}</w:t></w:r></w:p>' for l in text.split("\n"))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f"<w:body>{paras}</w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml)


for i in range(count):
    folder = os.path.join(out, f"{2020 + i % 4}年", f"第{i // 100 + 1:02d}批")
    os.makedirs(folder, exist_ok=True)
    text = variant(bases[i % len(bases)])
    if i % 10 == 9:
        save_docx(os.path.join(folder, f"总结{i:04d}.docx"), text)
    else:
        with open(os.path.join(folder, f"总结{i:04d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
print(f"{count} drafts in {out}")
