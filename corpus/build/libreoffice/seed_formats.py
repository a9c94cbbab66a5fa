#!/usr/bin/env python3
"""Re-renders the two real published seed assessments as DOCX and PDF.

The Markdown seed becomes HTML (headings, paragraphs, lists, bold), the text
seed stays text; LibreOffice converts each to .docx and .pdf. The words and
their order are the published ones, so the hand-checked expected.json of the
seed applies unchanged: these cases test the DOCX and PDF paths on real
answers (long paragraphs, bullets, guidance notes, "Yes No" labels without
boxes) rather than on generated ones.

    /usr/bin/python3 corpus/build/libreoffice/seed_formats.py
"""
import html
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "corpus"


def inline(text: str) -> str:
    text = html.escape(text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"&lt;(https?://[^&]+)&gt;", r"\1", text)
    return text.replace("\t", "&emsp;&emsp;")


def markdown_to_html(source: str) -> str:
    out, items = [], None
    for line in source.splitlines():
        if not line.strip():
            continue
        if m := re.match(r"^(#{1,6}) (.*)$", line):
            level = len(m.group(1))
            out.append(f"<h{level}>{inline(m.group(2))}</h{level}>")
        elif m := re.match(r"^- (.*)$", line):
            out.append(f"<ul><li>{inline(m.group(1))}</li></ul>")
        elif line.strip() == "---":
            out.append("<hr/>")
        else:
            out.append(f"<p>{inline(line)}</p>")
    return "<html><head><meta charset='utf-8'></head><body>" + "\n".join(out) + "</body></html>"


FILTERS = {"docx": "docx:MS Word 2007 XML", "pdf": "pdf:writer_pdf_Export"}


def convert(source: Path, target: Path, fmt: str, work: Path) -> None:
    # HTML would otherwise open in Writer/Web, which has no Word export.
    infilter = ["--infilter=HTML (StarWriter)"] if source.suffix == ".html" else []
    subprocess.run(["soffice", "--headless", *infilter, "--convert-to", FILTERS[fmt], "--outdir", str(work), str(source)], check=True, capture_output=True)
    shutil.move(str(work / (source.stem + "." + fmt)), target)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        leics = work / "leicestershire.html"
        leics.write_text(markdown_to_html((CORPUS / "seed-leicestershire-anpr" / "input.md").read_text()))
        cheshire = work / "cheshire.txt"
        shutil.copy(CORPUS / "seed-cheshire-anpr" / "input.txt", cheshire)
        for seed, source in (("seed-leicestershire-anpr", leics), ("seed-cheshire-anpr", cheshire)):
            for fmt in ("docx", "pdf"):
                case = CORPUS / f"{fmt}-{seed}"
                case.mkdir(exist_ok=True)
                convert(source, case / f"input.{fmt}", fmt, work)
                shutil.copy(CORPUS / seed / "expected.json", case / "expected.json")


if __name__ == "__main__":
    main()
