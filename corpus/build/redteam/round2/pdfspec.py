"""Helpers building pdfgen.mjs specs: title block, principle headings, questions, option rows."""
import json
import os
import shutil
import subprocess
import tempfile
from catalogue import PRINCIPLES, qs
from bank8 import TEXT

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

def question(q, numbered=True):
    num = f"{q['n']}. " if (numbered and q['n']) else ''
    return dict(k='p', text=num + q['text'], bold=True, after=3)

def answer(q, org_name):
    t = TEXT.get(q['id'])
    return [dict(k='p', text=t.format(org=org_name), after=8)] if t else []

def write(spec_blocks, path):
    work = tempfile.mkdtemp(prefix='rt2-')
    try:
        js = os.path.join(work, 'spec.json')
        json.dump({'blocks': spec_blocks}, open(js, 'w'))
        subprocess.run(['node', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'pdfgen.mjs'), js, path], check=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
