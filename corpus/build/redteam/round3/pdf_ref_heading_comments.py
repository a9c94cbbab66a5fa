"""Builds corpus/rt3-pdf-ref-heading-comments/input.pdf (round 3; first made as rt11-01-heading-comments).

DOCX printed by LibreOffice: principles 2-4 only, one table per principle "Ref | Question | Yes | No | Comments"
(white on dark blue heading row, repeated on a new page), refs printed "<principle>.<question number>" ("3.10"
wraps in its narrow cell); an X typed in the Yes or No column; the Comments cell often opens with a word that is
also an option label ("No changes since...", "Yes - ...", "N/A to...") that the X contradicts. Open questions
span the answer columns, their answer in italics under the question."""
from common import TEXT, qs
from docxdocs import PX, RUN, cell, front_page, principle_head, print_pdf, table

CASE = 'rt3-pdf-ref-heading-comments'
ORG = dict(name='Castlebrook Metropolitan Borough Council', scope='Public space CCTV (112 cameras), car parks and civic centre',
           sro='Adaeze Whitcombe-Lund', position='Head of Community Safety', date='18 February 2026')
# qid -> (column with the X, comment)
ANS = {
    'P2.1': ('yes', 'No changes since the 2025 renewal; certificate ZA104477.'),
    'P2.2': ('no', 'Yes - we will document this if AFR is ever proposed; none in use.'),
    'P2.3': ('yes', 'No issues were raised by the DPO.'),
    'P2.4': ('yes', 'No fundamental changes this year; reviewed annually in April.'),
    'P2.6': ('no', ''),
    'P3.1': ('yes', 'Not all ward panels responded; further engagement planned.'),
    'P3.2': ('no', 'Yes, on some signs only - replacement programme under way.'),
    'P3.3': ('yes', 'No point of contact on car park signs yet (see plan).'),
    'P3.4': ('yes', 'N/A to static cameras; BWV used by enforcement officers.'),
    'P3.6': ('yes', 'See action plan.'),
    'P4.2': ('yes', 'No deputy SRO appointed.'),
    'P4.3': ('yes', 'CCTV Manager (single point of contact).'),
    'P4.4': ('no', 'Yes for control room staff; no for wider council staff.'),
    'P4.6': ('yes', 'No joint arrangements other than police access.'),
    'P4.7': ('no', ''),
}
HDR = '1F3864'
GRID = [560, 4552, 620, 620, 3060]


def build():
    body = front_page(ORG)
    for p in (2, 3, 4):
        body += principle_head(p)
        head = [cell(t, w, align='center' if t in ('Yes', 'No') else 'left', shade=HDR, b=True, after=40)
                for t, w in zip(['Ref', 'Question', 'Yes', 'No', 'Comments'], GRID)]
        rows = [[c.replace('<w:rPr><w:b/>', '<w:rPr><w:b/><w:color w:val="FFFFFF"/>') for c in head]]
        for q in qs(p):
            ref = f"{p}.{q['n']}"
            if q['id'] in ANS:
                col, com = ANS[q['id']]
                rows.append([cell(ref, GRID[0], after=40), cell(q['text'], GRID[1], after=40),
                             cell('X' if col == 'yes' else '', GRID[2], align='center', after=40),
                             cell('X' if col == 'no' else '', GRID[3], align='center', after=40),
                             cell(com, GRID[4], after=40)])
            else:
                ans = RUN(TEXT.get(q['id'], 'None.').format(org=ORG['name']), i=True)
                rows.append([cell(ref, GRID[0], after=40), cell([[q['text']], [ans]], sum(GRID[1:]), span=4, after=40)])
        body.append(table(rows, GRID, header_rows=1))
        body.append(PX(RUN('Action Plan', b=True), before=200))
        body.append(PX(RUN('See comments above.')))
    print_pdf(CASE, body, font='Arial', title='Surveillance Camera Code of Practice - Self Assessment')


if __name__ == '__main__':
    build()
