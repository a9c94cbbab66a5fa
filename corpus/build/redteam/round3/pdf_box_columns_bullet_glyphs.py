"""Builds corpus/rt3-pdf-box-columns-bullet-glyphs/input.pdf (round 3; first made as rt12-01-q-columns).

DOCX printed by LibreOffice: one table per principle "Ref | Question | Yes | No | Comments" (open questions with
the answer columns shaded grey and the answer in Comments). The form's empty box is Wingdings 'q' (w:sym F071, the
shadowed square Word's bullet library also offers, so it looks like a list bullet), the organisation's answer a
☒ in MS Gothic; in every fourth Yes/No row instead a Wingdings tick (F0FC) under Yes and an MS Gothic ☐ under No.
Box cells are vertically centred and left aligned, so on rows of two or more lines the boxes sit on a PDF line of
their own, under the headings."""
from common import TEXT, qs
from docxdocs import GLYPH, PX, RUN, SYM, cell, front_page, principle_head, print_pdf, table

CASE = 'rt3-pdf-box-columns-bullet-glyphs'
ORG = dict(name='Harrowgate Vale District Council', scope='Town centre and car park CCTV (58 cameras)',
           sro='Deborah Ashworth-Kemp', position='Head of Community Safety', date='3 March 2026')
EMPTY = lambda: SYM('Wingdings', 'F071')
TICK = lambda: GLYPH('☒', 'MS Gothic')
WTICK = lambda: SYM('Wingdings', 'F0FC')
GBOX = lambda: GLYPH('☐', 'MS Gothic')
GRID = [760, 4500, 700, 700, 2940]
COMMENTS = {'P2.2': 'Reviewed by the CCTV Board in 2025.', 'P3.3': 'Signs replaced 2024.', 'P4.4': 'See policy CS-12.',
            'P6.4': 'Weekly check by supervisor.', 'P7.5': 'Audit trail on the VMS.', 'P11.3': 'Annual test.'}


def build():
    body = front_page(ORG)
    k = 0
    for p in range(1, 13):
        body += principle_head(p)
        rows = [[cell(t, w, b=True, shade='D9E2F3', valign='top') for t, w in zip(['Ref', 'Question', 'Yes', 'No', 'Comments'], GRID)]]
        for q in qs(p):
            ref = f'{p}.{q["i"]}'
            qc = cell(q['text'], GRID[1], valign='top', after=60)
            if q['type'] == 'open':
                ans = TEXT.get(q['id'], 'None.').format(org=ORG['name'])
                rows.append([cell(ref, GRID[0], valign='top'), qc, cell('', GRID[2], shade='BFBFBF'), cell('', GRID[3], shade='BFBFBF'),
                             cell(ans, GRID[4], valign='top')])
                continue
            mode = k % 4
            k += 1
            if mode in (0, 2):  # No: empty Wingdings q under Yes, ☒ under No
                y, n = EMPTY(), TICK()
            elif mode == 1:     # Yes: ☒ under Yes, empty q under No
                y, n = TICK(), EMPTY()
            else:               # Yes: Wingdings tick under Yes, MS Gothic ☐ under No
                y, n = WTICK(), GBOX()
            rows.append([cell(ref, GRID[0], valign='top'), qc, cell([y], GRID[2], valign='center'), cell([n], GRID[3], valign='center'),
                         cell(COMMENTS.get(q['id'], ''), GRID[4], valign='top')])
        body.append(table(rows, GRID, header_rows=1))
        body.append(PX(RUN('Action Plan', b=True), before=120))
        body.append(PX(RUN('None identified.')))
    print_pdf(CASE, body, font='Arial', title='Surveillance Camera Code of Practice - Self Assessment')


if __name__ == '__main__':
    build()
