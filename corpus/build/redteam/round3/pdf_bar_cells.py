"""Builds corpus/rt3-pdf-bar-cells/input.pdf (round 3; first made as rt11-05-bar-cells).

pdf-lib, as a case-management system's PDF export: each answer a one-row table whose borders are thin filled bars
(0.75pt), "Answer: | box | Yes | box | No | status". The form is box-first (a box cell before each label); the
first box cell is wider than the second (24pt, 16pt); the last narrow cell is shaded with a RAG colour (light
green or amber, no text). Every third row keeps the form's drawn boxes (one crossed); in the others an X is typed
in one box cell and the other left empty."""
from common import QUESTIONS
from pdfspec import option_doc, row

CASE = 'rt3-pdf-bar-cells'
ORG = dict(name='Saltmarsh Ports Authority', scope='Port estate CCTV (77 cameras) and ANPR at 3 gates',
           sro='Captain Ifeoma Rasmussen-Hale', position='Harbour Master and Head of Port Security', date='14/01/2026')
GREEN, AMBER = [0.78, 0.94, 0.8], [1.0, 0.9, 0.6]
W1, WL, W2, WR = 24, 44, 16, 16


def bar_row(spec, h=18, x0=150):
    """spec: ('L', text, w) label | ('X', w) typed X | ('E', w) empty cell | ('D', state, w) drawn 9pt box |
    ('R', colour, w) shaded cell."""
    parts, x = [dict(x=60, text='Answer:', bold=True)], x0
    xs = [x]
    for c in spec:
        w = c[-1]
        if c[0] == 'L':
            parts.append(dict(x=x + 5, text=c[1], bold=True))
        elif c[0] == 'X':
            parts.append(dict(x=x + (w - 6.7) / 2, text='X'))
        elif c[0] == 'D':
            parts.append(dict(x=x + (w - 9) / 2, box=dict(state=c[1], w=9)))
        elif c[0] == 'R':
            parts.append(dict(x=x, fillrect=dict(w=w, h=h, color=c[1])))
        x += w
        xs.append(x)
    for bx in xs:
        parts.append(dict(x=bx, vbar=dict(h=h)))
    parts.append(dict(x=x0, hbar=dict(h0=h, w=x - x0, dy=h)))
    parts.append(dict(x=x0, hbar=dict(h0=h, w=x - x0, dy=0)))
    return [row(parts)]


def typed(c, rag):
    return [('X', W1) if c == 'yes' else ('E', W1), ('L', 'Yes', WL), ('X', W2) if c == 'no' else ('E', W2), ('L', 'No', WL), ('R', rag, WR)]


def drawn(c, rag):
    return [('D', 'cross' if c == 'yes' else 'empty', W1), ('L', 'Yes', WL), ('D', 'cross' if c == 'no' else 'empty', W2), ('L', 'No', WL), ('R', rag, WR)]


def rows():
    """Yes and No in turn over the Yes/No questions; every third (from the second) with drawn boxes."""
    out = {}
    k = 0
    for q in QUESTIONS:
        if q['type'] == 'open':
            continue
        c = 'no' if k % 2 else 'yes'
        rag = GREEN if c == 'yes' else AMBER
        out[q['id']] = bar_row(drawn(c, rag) if k % 3 == 1 else typed(c, rag))
        k += 1
    return out


def build():
    option_doc(CASE, ORG, rows(), principles=tuple(range(1, 13)))


if __name__ == '__main__':
    build()
