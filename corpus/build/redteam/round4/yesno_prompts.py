"""
Builds the inputs of `corpus/rt13-docx-yesno-prompts` and
`corpus/rt13-pdf-lo-yesno-prompts`: a Word table "No. | Question | Response |
Comments / evidence" whose Response cells hold the form's "Yes/No" or
"Yes / No" prompt answered by deleting, striking through (Word's
strikethrough) or highlighting (Word's highlighter) one option, or left as
printed; the other Yes/No questions are answered with a typed "Yes" or "No".
The PDF is LibreOffice's print of the DOCX. `expected.json` is committed by
hand, not written here.

    /usr/bin/python3 corpus/build/redteam/round4/yesno_prompts.py
"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from catalogue_ts import load_catalogue  # noqa: E402
from ooxml import CELL, P, TABLE, _t, write_docx  # noqa: E402

ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..', '..'))
PRINCIPLES, QUESTIONS = load_catalogue()
TITLE = [
    ('Name of organisation', 'Wyford Borough Council'),
    ('Scope of surveillance camera system', 'Public space CCTV'),
    ('Senior Responsible Officer', 'Sam Patel'),
    ('Position within organisation', 'Head of Community Safety'),
    ('Date of sign off', '12/03/2024'),
]


def run(text, strike=False, bold=False, highlight=None):
    props = ('<w:b/>' if bold else '') + ('<w:strike/>' if strike else '') + (f'<w:highlight w:val="{highlight}"/>' if highlight else '')
    return f'<w:r>{"<w:rPr>" + props + "</w:rPr>" if props else ""}{_t(text)}</w:r>'


# The prompts, each with its comment, given in turn to the Yes/No questions that are not a principle's last.
PROMPTS = [
    ([run('Yes/No')], 'Still being considered.'),
    ([run('Yes / No')], 'Under review.'),
    ([run('Yes')], 'Approved by cabinet.'),
    ([run('No')], 'No budget this year.'),
    ([run('Yes/'), run('No', strike=True)], 'Reviewed yearly.'),
    ([run('Yes', strike=True), run('/No')], 'Not in place.'),
    ([run('Yes', highlight='yellow'), run(' / No')], 'Published on the website.'),
    ([run('Yes / '), run('No', highlight='yellow')], 'Not published.'),
    ([run('Yes/No')], ''),
]


def build(out_dir):
    yes_no = [q for q in QUESTIONS if q['type'] in ('yesno', 'yesno-text') and not q['action']]
    prompted = {q['id']: PROMPTS[k] for k, q in enumerate(yes_no[: len(PROMPTS)])}
    body = [P(run('Surveillance Camera Code of Practice – Self Assessment'))]
    body += [P(run(f'{label}: {value}')) for label, value in TITLE]
    flip = 0
    for p in range(1, 13):
        body.append(P(run(f'Principle {p} – {PRINCIPLES[p]}', bold=True)))
        rows = [[CELL(P(run(t, bold=True)), w) for t, w in [('No.', 700), ('Question', 4300), ('Response', 1800), ('Comments / evidence', 3000)]]]
        for q in [q for q in QUESTIONS if q['principle'] == p]:
            number = str(q['number']) if q['number'] else ''
            if q['action']:
                response, comment = ([], 'None identified.') if p == 1 else ([run('No')], '')
            elif q['id'] in prompted:
                response, comment = prompted[q['id']]
            elif q['type'] == 'open':
                response, comment = [], f'Details for question {number or q["id"]} are held in the CCTV policy.'
            elif q['type'] == 'yesno-na-text':
                response, comment = [run('N/A')], 'We do not operate drones.'
            else:
                response, comment = [run('Yes' if flip % 2 == 0 else 'No')], ''
                flip += 1
            rows.append([CELL(P(run(number)), 700), CELL(P(run(q['text'])), 4300), CELL(P(*response), 1800), CELL(P(run(comment)), 3000)])
        body.append(TABLE(rows, [700, 4300, 1800, 3000], header_rows=1))
    docx_dir = os.path.join(out_dir, 'rt13-docx-yesno-prompts')
    pdf_dir = os.path.join(out_dir, 'rt13-pdf-lo-yesno-prompts')
    os.makedirs(docx_dir, exist_ok=True)
    os.makedirs(pdf_dir, exist_ok=True)
    write_docx(os.path.join(docx_dir, 'input.docx'), body)
    tmp = tempfile.mkdtemp()
    try:
        shutil.copy(os.path.join(docx_dir, 'input.docx'), os.path.join(tmp, 'input.docx'))
        subprocess.run(['soffice', f'-env:UserInstallation=file://{tmp}/profile', '--headless', '--convert-to', 'pdf', '--outdir', pdf_dir, os.path.join(tmp, 'input.docx')], check=True, capture_output=True)
    finally:
        shutil.rmtree(tmp)


if __name__ == '__main__':
    build(os.path.join(ROOT, 'corpus'))
