"""Builds corpus/rt2-txt-label-then-box-saveas/input.txt (round 2; first made as rt8-label-then-box-saveas).

A council's re-typed template where each closed question's row is
[question | Yes | box | No | box] (label first, checkbox content control in the next cell), and
the same document saved as plain text by LibreOffice ("Save as Text": one table cell per line)."""
from docxdocs import *
from pdfdocs import print_docx

CASE = 'rt2-txt-label-then-box-saveas'
ORG = dict(name='Pelham Marsh District Council', scope='Public space CCTV (41 cameras) and two re-deployable cameras',
           sro='Owen Fairclough-Ndlovu', position='Head of Housing and Community Safety', date='03/03/2025')
MARKS = {'P1.4': 'no', 'P2.1': 'yes', 'P2.2': 'no', 'P2.3': 'yes', 'P2.4': 'yes', 'P2.6': 'no',
         'P3.1': 'yes', 'P3.2': 'yes', 'P3.3': 'no', 'P3.4': None, 'P3.6': 'yes',
         'P4.2': 'yes', 'P4.3': 'yes', 'P4.4': 'yes', 'P4.6': 'no', 'P4.7': 'no',
         'P7.2': 'yes', 'P7.5': 'no', 'P7.7': 'yes', 'P10.2': 'no', 'P10.3': 'yes', 'P10.5': 'no'}
PLANS = {2: 'None identified', 3: 'Replace the three signs that do not show a contact number (May 2025).', 4: 'None identified',
         7: 'Buy redaction software so third parties can be masked in SAR footage.', 10: 'None identified'}
W = [5900, 800, 550, 800, 550]

def build():
    body = intro() + [title_block(ORG), P(PAGEBREAK())]
    for p in (1, 2, 3, 4, 7, 10):
        rows = [[CELL([PX(RUN(f'Principle {p}', b=True, sz=24)), PX(RUN(PRINCIPLES[p]))], sum(W), span=5, shade='DEEAF6')]]
        for q in qs(p):
            label = (f"{q['n']}. " if q['n'] else '') + q['text']
            t = TEXT.get(q['id'], '').format(org=ORG['name']) if q['type'] != 'yesno' else ''
            if q['id'] == 'P1.5': t = 'None identified'
            if q['type'] == 'open':
                rows.append([CELL(PX(RUN(label)), sum(W), span=5, shade='F2F2F2')])
                rows.append([CELL(PX(RUN(t)), sum(W), span=5)])
                continue
            m = MARKS.get(q['id'])
            rows.append([CELL(PX(RUN(label)), W[0], shade='F2F2F2'),
                         CELL(PX(RUN('Yes'), align='right'), W[1]), CELL(PX(CC(m == 'yes', GOTHIC('\u2612' if m == 'yes' else '\u2610'))), W[2]),
                         CELL(PX(RUN('No'), align='right'), W[3]), CELL(PX(CC(m == 'no', GOTHIC('\u2612' if m == 'no' else '\u2610'))), W[4])])
            if t:
                rows.append([CELL(PX(RUN(t)), sum(W), span=5)])
        if qs(p)[-1]['type'] != 'open':
            rows.append([CELL(PX(RUN('Action Plan', b=True)), sum(W), span=5)])
            rows.append([CELL(PX(RUN(PLANS[p])), sum(W), span=5)])
        body.append(TABLE(rows, W))
        body.append(P())
    # LibreOffice "Save as Text" of the document: one table cell per line, content-control boxes as ☒ / ☐
    print_docx(case_input(CASE, 'txt'), body, 'txt:Text (encoded):UTF8',
               footer=[P('Pelham Marsh DC – CCTV self assessment', style='Footer')], title='SAT', ns=NS_DRAWING)

if __name__ == '__main__':
    build()
