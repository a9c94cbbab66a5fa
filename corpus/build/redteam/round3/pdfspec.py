"""Specs for pdfgen.mjs (pdf-lib): title block, principle headings, questions, answers and option rows."""
import json
import os
import shutil
import subprocess
import tempfile
from common import HERE, PRINCIPLES, TEXT, case_input, qs


def title(org):
    b = [dict(k='p', text='Surveillance Camera Code of Practice', size=16, bold=True),
         dict(k='p', text='Self Assessment Tool', size=13, bold=True, after=12)]
    for lab, key in [('Name of organisation', 'name'), ('Scope of surveillance camera system', 'scope'),
                     ('Senior Responsible Officer', 'sro'), ('Position within organisation', 'position'), ('Date of sign off', 'date')]:
        b.append(dict(k='row', parts=[dict(x=60, text=lab, bold=True), dict(x=260, text=org[key])], after=4))
    b.append(dict(k='page'))
    return b


def principle(p):
    return [dict(k='p', text=f'Principle {p}', size=12, bold=True, after=2), dict(k='p', text=PRINCIPLES[p], size=9, after=8)]


def question(q):
    num = f"{q['n']}. " if q['n'] else ''
    return dict(k='p', text=num + q['text'], bold=True, after=3)


def answer(q, org_name):
    t = TEXT.get(q['id'])
    return [dict(k='p', text=t.format(org=org_name), after=8)] if t else []


def action_plan():
    return [dict(k='p', text='Action Plan', bold=True, after=2), dict(k='p', text='None identified.', after=10)]


def row(parts, after=10):
    return dict(k='row', parts=parts, after=after)


def write(blocks, path):
    work = tempfile.mkdtemp(prefix='rt3-')
    try:
        js = os.path.join(work, 'spec.json')
        with open(js, 'w') as f:
            json.dump({'blocks': blocks}, f)
        subprocess.run(['node', os.path.join(HERE, 'pdfgen.mjs'), js, path], check=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def option_doc(case, org, rows, principles):
    """Title block, then each principle's questions; a question in rows gets its blocks (rows[qid], option rows),
    the other open questions (not the principle's last) their stock answer; each principle ends with its Action
    Plan, 'None identified.'. Written to corpus/<case>/input.pdf."""
    blocks = title(org)
    for p in principles:
        blocks += principle(p)
        for q in qs(p):
            blocks.append(question(q))
            if q['id'] in rows:
                blocks += rows[q['id']]
            elif q['type'] == 'open' and q['i'] != len(qs(p)):
                blocks += answer(q, org['name'])
        blocks += action_plan()
    write(blocks, case_input(case, 'pdf'))
