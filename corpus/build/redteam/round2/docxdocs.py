"""Shared pieces for the round 2 DOCX and text builders (../ooxml.py + xparts writer, catalogue, answer bank)."""
import sys

sys.dont_write_bytecode = True
from xparts import *  # noqa: E402,F401,F403
from catalogue import QUESTIONS, PRINCIPLES, BYID, qs  # noqa: E402,F401
from bank8 import TEXT  # noqa: E402,F401
from pdfdocs import case_input  # noqa: E402,F401


def title_block(org, widths=(3400, 6012)):
    rows = []
    for label, key in [('Name of organisation', 'name'), ('Scope of surveillance camera system', 'scope'),
                       ('Senior Responsible Officer', 'sro'), ('Position within organisation', 'position'),
                       ('Signature', None), ('Date of sign off', 'date')]:
        rows.append([CELL(P(R(label, b=True)), widths[0], shade='D9E2F3'), CELL(P(org.get(key, '') if key else ''), widths[1])])
    return TABLE(rows, list(widths))


def intro(title='Surveillance Camera Code of Practice', sub='Self Assessment Tool'):
    return [P(title, style='Title'), P(R(sub, b=True, sz=28)),
            P('How well does your organisation comply with the 12 guiding principles of the Surveillance Camera Code of Practice? '
              'Complete this easy to use self assessment tool to find out if you do.')]


def text_paras(t, **kw):
    return [PX(RUN(line), **kw) for line in t.split('\n')]
