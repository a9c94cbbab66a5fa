"""
Shared pieces for the round 2 PDFs printed by LibreOffice from a DOCX: the template's questions (read from
src/catalogue.ts), answer banks (read from ../bank.py and ../cases.py), DOCX body pieces, LibreOffice
printing, word positions from pdftotext, and pdf-lib overlays (overlay.mjs).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import html as _html

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
import bank  # noqa: E402  (read only: ../bank.py)
import cases as _cases  # noqa: E402  (read only: ../cases.py)
from ooxml import P, R, TABLE, CELL, write_docx  # noqa: E402,F401  (../ooxml.py)
from catalogue_ts import load_catalogue  # noqa: E402  (../catalogue_ts.py)


def case_input(case, ext):
    """corpus/<case>/input.<ext>, the folder made if need be."""
    d = os.path.join(CORPUS, case)
    os.makedirs(d, exist_ok=True)
    return os.path.join(d, 'input.' + ext)


PRINCIPLES, QUESTIONS = load_catalogue()

TEXTS = dict(COUNCIL=bank.COUNCIL, POLICE_BWV=bank.POLICE_BWV, EASTWOLD=_cases.EASTWOLD, CUSTODY=_cases.CUSTODY)
COUNCIL_MARKS = bank.COUNCIL_MARKS
POLICE_MARKS = bank.POLICE_BWV_MARKS

DPIA_NOTE = ("Before May 2018 the requirement was to complete a privacy impact assessment; this has been replaced by a "
             "data protection impact assessment. There is a surveillance camera specific template on the Surveillance "
             "Camera Commissioner's website: https://www.gov.uk/government/publications/privacy-impact-assessments-for-surveillance-cameras")


def merged(base, **over):
    d = dict(base)
    d.update(over)
    return d


def options_for(q):
    if q['type'] == 'open':
        return []
    return ['yes', 'no', 'na'] if q['type'] == 'yesno-na-text' else ['yes', 'no']


LABEL = {'yes': 'Yes', 'no': 'No', 'na': 'N/A'}


def strip_marker(item):
    return re.sub(r'^\*+ ', '', item)


def is_bullet(item):
    return item.startswith('* ') or item.startswith('** ')


def subst(doc, s):
    return s.replace('{org}', doc['org']['name'])


def answer_items(doc, q):
    """Answer paragraphs for a question (not the action plan)."""
    if q['type'] == 'yesno':
        return []
    return [subst(doc, t) for t in doc['texts'].get(q['id'], [])]


def plan_items(doc, p):
    return [subst(doc, t) for t in doc['plans'].get(p, [])]


def printed_question(doc, q):
    return doc.get('wording', {}).get(q['id'], q['text'])


def qlabel(doc, q):
    """The number printed before the question."""
    style = doc.get('numbering', 'template')
    if style == 'template':
        return f"{q['number']}." if q['number'] else ''
    if style == 'shifted':  # Principle 1 numbered 1-5, then 6-75
        return f"{q['number'] + 5 if q['number'] else q['index']}."
    if style == 'ref':
        return f"{q['principle']}.{q['index']}"
    raise ValueError(style)


def questions(doc):
    return [q for q in QUESTIONS if q['id'] not in doc.get('deleted', set())]


# ------------------------------------------------------------------ DOCX pieces

def items_paras(items, **kw):
    out = []
    for it in items:
        if is_bullet(it):
            lvl = 1 if it.startswith('** ') else 0
            out.append(P(strip_marker(it), num=1, lvl=lvl, style='ListParagraph'))
        else:
            out.append(P(it, **kw))
    return out


def title_table(doc, grid=(3400, 6012), shade='D9E2F3'):
    o = doc['org']
    rows = []
    for label, v in [('Name of organisation', o['name']), ('Scope of surveillance camera system', o['scope']),
                     ('Senior Responsible Officer', o['sro']), ('Position within organisation', o['position']),
                     ('Signature', o.get('signature', '')), ('Date of sign off', o['date'])]:
        rows.append([CELL([P(R(label, b=True))], grid[0], shade=shade), CELL([P(v or '')], grid[1])])
    return TABLE(rows, list(grid))


# ------------------------------------------------------------------ LibreOffice

class Office:
    """soffice with a private, throw-away profile (does not touch the user's LibreOffice settings)."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix='rt2-profile-')

    def convert(self, src, fmt, outdir):
        cmd = ['soffice', f'-env:UserInstallation=file://{self.profile}', '--headless', '--norestore',
               '--convert-to', fmt, '--outdir', outdir, src]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + '.' + fmt.split(':')[0])

    def close(self):
        shutil.rmtree(self.profile, ignore_errors=True)


def print_docx(out_path, body, fmt='pdf', **kw):
    """Write body as a DOCX (kw: write_docx options) and print (or save) it with LibreOffice to out_path;
    fmt e.g. 'pdf' or 'txt:Text (encoded):UTF8'."""
    office = Office()
    work = tempfile.mkdtemp(prefix='rt2-w-')
    try:
        src = os.path.join(work, 'doc.docx')
        write_docx(src, body, **kw)
        shutil.copy(office.convert(src, fmt, work), out_path)
    finally:
        office.close()
        shutil.rmtree(work, ignore_errors=True)
    return out_path


# ------------------------------------------------------------------ word positions, overlays

def all_words(pdf):
    """Per page: (w, h, [(text, x0, y0, x1, y1)]), top-left origin."""
    xml = subprocess.run(['pdftotext', '-bbox', pdf, '-'], check=True, capture_output=True, text=True).stdout
    pages = []
    for pm in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xml, re.S):
        words = [(_html.unescape(w[4]), float(w[0]), float(w[1]), float(w[2]), float(w[3])) for w in
                 re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', pm.group(3))]
        pages.append((float(pm.group(1)), float(pm.group(2)), words))
    return pages


def label_groups(pdf, labels=('Yes', 'No', 'N/A'), sequences=(('Yes', 'No'), ('Yes', 'No', 'N/A')), max_gap=90, clear=12, allow=()):
    """Option rows: label words on one line, apart by at most max_gap, with no other word within `clear` of them
    on that line. In page, top-to-bottom, left-to-right order: [{'page', 'ph', 'words': [...]}]."""
    out = []
    for pi, (pw, ph, words) in enumerate(all_words(pdf)):
        labs = [w for w in words if w[0] in labels]
        rows = []
        for w in sorted(labs, key=lambda w: (w[2], w[1])):
            row = next((r for r in rows if abs(r[0][2] - w[2]) < 1.5), None)
            (row.append(w) if row is not None else rows.append([w]))
        for r in rows:
            r.sort(key=lambda w: w[1])
            groups = [[r[0]]]
            for w in r[1:]:
                if w[1] - groups[-1][-1][3] <= max_gap:
                    groups[-1].append(w)
                else:
                    groups.append([w])
            for g in groups:
                if tuple(x[0] for x in g) not in sequences:
                    continue
                others = [w for w in words if w not in g and w[0] not in allow and abs(w[2] - g[0][2]) < 3 and w[3] > g[0][1] - clear and w[1] < g[-1][3] + clear]
                if others:
                    continue
                out.append({'page': pi, 'ph': ph, 'pw': pw, 'words': g})
    out.sort(key=lambda o: (o['page'], o['words'][0][2], o['words'][0][1]))
    return out


def overlay(base, ops, out):
    """Draw ops onto base with pdf-lib (overlay.mjs), then rewrite the file with qpdf (clean xref)."""
    work = tempfile.mkdtemp(prefix='rt2-o-')
    try:
        ops_path = os.path.join(work, 'ops.json')
        tmp = os.path.join(work, 'raw.pdf')
        json.dump(ops, open(ops_path, 'w'))
        subprocess.run(['node', os.path.join(HERE, 'overlay.mjs'), base, ops_path, tmp], check=True)
        subprocess.run(['qpdf', tmp, out], check=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
