"""Builds corpus/rt3-pdf-cell-rows/input.pdf (round 3; first made as rt10-09-cell-rows).

pdf-lib: principles 1-3 only; each answer a row of bordered table cells "Answer: | Yes | [ ] | No | [ ]", the
labels in wide cells, the boxes narrow cells: an X typed in a box cell, or a drawn box; box cells square (14pt)
or taller than wide (20pt rows); label-first and box-first rows, one with an N/A cell."""
from pdfspec import option_doc, row

CASE = 'rt3-pdf-cell-rows'
ORG = dict(name='Lowther Fold Borough Council', scope='Town centre and leisure centre CCTV (53 cameras)',
           sro='Sebastian Oduya-Fairclough', position='Head of Regulatory Services', date='12/03/2025')


def cells(spec, h=14, x0=300, label_w=60, box_w=14):
    """spec: ('L', text) label cell | ('X',) X typed in a box cell | ('E',) empty box cell | ('B', state) drawn 9pt
    box in a box cell; every cell a stroked rectangle."""
    parts, x = [dict(x=60, text='Answer:'), dict(x=60, cellrect=dict(w=x0 - 60, h=h))], x0
    for c in spec:
        w = label_w if c[0] == 'L' else box_w
        parts.append(dict(x=x, cellrect=dict(w=w, h=h)))
        if c[0] == 'L':
            parts.append(dict(x=x + 4, text=c[1], bold=True))
        elif c[0] == 'X':
            parts.append(dict(x=x + (w - 6.7) / 2, text='X'))
        elif c[0] == 'B':
            parts.append(dict(x=x + (w - 9) / 2, box=dict(state=c[1])))
        x += w
    return [row(parts)]


ROWS = {
    'P1.4': cells([('L', 'Yes'), ('X',), ('L', 'No'), ('E',)]),
    'P2.1': cells([('E',), ('L', 'Yes'), ('X',), ('L', 'No')]),
    'P2.2': cells([('L', 'Yes'), ('X',), ('L', 'No'), ('E',)], h=20),
    'P2.3': cells([('E',), ('L', 'Yes'), ('X',), ('L', 'No')], h=20),
    'P2.4': cells([('L', 'Yes'), ('B', 'cross'), ('L', 'No'), ('E',)], h=20),
    'P2.6': cells([('L', 'Yes'), ('B', 'cross'), ('L', 'No'), ('B', 'empty')], h=20),
    'P3.1': cells([('B', 'empty'), ('L', 'Yes'), ('B', 'cross'), ('L', 'No')], h=20),
    'P3.2': cells([('L', 'Yes'), ('X',), ('L', 'No'), ('E',), ('L', 'N/A'), ('E',)], h=20),
    'P3.3': cells([('L', 'Yes'), ('E',), ('L', 'No'), ('X',)], h=20),
}


def build():
    option_doc(CASE, ORG, ROWS, principles=(1, 2, 3))


if __name__ == '__main__':
    build()
