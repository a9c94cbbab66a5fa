"""Builds corpus/rt2-pdf-drawn-boxes/input.pdf (round 2; first made as rt9-07-pdf-drawn-boxes).

pdf-lib: option rows with drawn (vector) checkboxes, Helvetica labels. Box-first rows with one box
missing, highlighted labels beside real boxes, square tiles with the label printed inside, and a
label-first row indented behind a drawn square bullet."""
from docxdocs import case_input, qs
from pdfspec import *

CASE = 'rt2-pdf-drawn-boxes'
ORG = dict(name='Elmbridge Vale District Council', scope='Public space CCTV (31 cameras) in Elmbridge and Coldharbour',
           sro='Rhiannon Pryce-Evans', position='Head of Community Safety', date='5 March 2025')
B = lambda x, st='empty', w=None: dict(x=x, box=dict(state=st, **({'w': w} if w else {})))
T = lambda x, s, **kw: dict(x=x, text=s, **kw)
HL = lambda x, w, h=None: dict(x=x, hl=dict(w=w, **({'h': h} if h else {})))
ROWS = {
 'P1.4': ([B(60), T(72, 'Yes'), B(110, 'cross'), T(122, 'No')], 'no', 'box-first baseline'),
 'P2.1': ([T(72, 'Yes'), B(110, 'cross'), T(122, 'No')], 'no', 'box-first, Yes box missing: the only box hugs No (2.6pt) and is 20pt from Yes'),
 'P2.2': ([T(72, 'Yes'), B(112, 'tick'), T(124, 'No')], 'no', 'as P2.1 with a tick'),
 'P2.3': ([T(60, 'Yes'), B(80, 'cross'), T(120, 'No')], 'yes', 'label-first, No box missing'),
 'P2.4': ([B(60, 'empty', 22), T(62.5, 'Yes'), B(100, 'cross', 22), T(104.5, 'No')], 'no', 'square tiles with the label inside; chosen tile crossed'),
 'P2.6': ([B(60), HL(71, 20), T(72, 'Yes'), B(110, 'cross'), T(122, 'No')], 'no', 'Yes highlighted, No box crossed'),
 'P3.1': ([HL(58, 34), B(60), T(72, 'Yes'), B(110, 'cross'), T(122, 'No')], 'no', 'highlight over the Yes box and label'),
 'P3.2': ([B(60, 'cross'), T(72, 'Yes'), B(110), HL(120, 16, 14), T(122, 'No')], 'yes', 'square-ish highlight on No, Yes box crossed'),
 'P3.3': ([B(60), T(72, 'Yes'), B(110, 'cross'), T(122, 'No'), T(165, 'N/A')], 'no', 'box-first, N/A box missing'),
 'P3.4': ([B(48, 'empty', 6), T(60, 'Yes'), B(80, 'cross'), T(110, 'No'), B(126)], 'yes', 'label-first row behind a 6pt drawn square bullet'),
 'P3.6': ([B(48, 'empty', 6), T(60, 'Yes'), B(80), T(110, 'No'), B(126, 'cross')], 'no', 'same, No ticked'),
 'P4.2': ([T(60, 'Yes'), B(80, 'fill'), T(110, 'No'), B(126)], 'yes', 'label-first, filled box'),
 'P4.3': ([B(60, 'fill'), T(72, 'Yes'), T(122, 'No')], 'yes', 'box-first, No box missing'),
 'P4.4': ([T(60, 'Yes'), T(110, 'No'), B(98, 'cross')], 'no', 'label-first? box printed just before No, 20pt after Yes; no other box'),
}

def build():
    blocks = title(ORG)
    for p in (1, 2, 3, 4):
        blocks += principle(p)
        for q in qs(p):
            blocks.append(question(q))
            if q['id'] in ROWS:
                parts, t, note = ROWS[q['id']]
                blocks.append(dict(k='row', parts=parts, after=10))
            elif q['type'] == 'open' and q['i'] != len(qs(p)):
                blocks += answer(q, ORG['name'])
        blocks += [dict(k='p', text='Action Plan', bold=True, after=2), dict(k='p', text='None identified.', after=10)]
    write(blocks, case_input(CASE, 'pdf'))

if __name__ == '__main__':
    build()
