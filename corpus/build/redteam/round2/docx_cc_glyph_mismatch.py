"""Builds corpus/rt2-docx-cc-glyph-mismatch/input.docx (round 2; first made as rt8-cc-glyph-mismatch).

The official template's tables with Word checkbox content controls in three glyph styles
(MS Gothic ☒/☐, Wingdings 0xFE/0xA8, Segoe UI Symbol ☑/☐). In some controls the stored state
(w14:checked) disagrees with the glyph Word displays (w:t), as after a file is edited by a tool that
updates only one of them."""
from docxdocs import *

CASE = 'rt2-docx-cc-glyph-mismatch'
ORG = dict(name='Kingsmere Borough Council', scope='Public space CCTV: 112 cameras in Kingsmere, Eastbrook and Hollin Cross',
           sro='Andrew Pennington-Reid', position='Assistant Director, Regulatory Services', date='02/12/2024')

# glyph styles: (checked glyph run, unchecked glyph run, checkedState, uncheckedState)
def gothic(on): return GOTHIC('\u2612' if on else '\u2610')
def wing_t(on): return RUN('\uf0fe' if on else '\uf0a8', font='Wingdings')
def wing_sym(on): return SYM('Wingdings', 'F0FE' if on else 'F0A8')
def segoe(on): return RUN('\u2611' if on else '\u2610', font='Segoe UI Symbol')
STYLES = {'gothic': (gothic, ('2612', 'MS Gothic'), ('2610', 'MS Gothic')),
          'wing_t': (wing_t, ('00FE', 'Wingdings'), ('00A8', 'Wingdings')),
          'wing_sym': (wing_sym, ('00FE', 'Wingdings'), ('00A8', 'Wingdings')),
          'segoe': (segoe, ('2611', 'Segoe UI Symbol'), ('2610', 'Segoe UI Symbol'))}

# per question: human-visible choice and optional (state yes, glyph yes, state no, glyph no) override
MARKS = {'P1.4': 'no', 'P2.1': 'yes', 'P2.2': 'no', 'P2.3': 'yes', 'P2.4': 'yes', 'P2.6': 'no',
         'P3.1': 'yes', 'P3.2': 'yes', 'P3.3': 'yes', 'P3.4': 'no', 'P3.6': 'yes',
         'P4.2': 'yes', 'P4.3': 'yes', 'P4.4': 'yes', 'P4.6': 'yes', 'P4.7': 'no',
         'P5.1': 'yes', 'P5.2': 'yes', 'P5.4': 'yes', 'P5.6': 'yes', 'P5.9': 'na', 'P5.10': 'no',
         'P6.3': 'yes', 'P6.4': 'no', 'P6.5': 'yes', 'P6.6': 'no',
         'P7.2': 'yes', 'P7.5': 'yes', 'P7.7': 'no', 'P8.3': 'yes', 'P8.4': 'no',
         'P9.2': 'yes', 'P9.7': 'no', 'P10.2': 'no', 'P10.3': 'yes', 'P10.5': 'no',
         'P11.1': 'yes', 'P11.3': 'yes', 'P11.4': 'yes', 'P11.5': 'yes', 'P11.6': 'no',
         'P12.3': 'yes', 'P12.5': 'yes', 'P12.6': 'no'}
# (state-by-option, glyph-by-option) where they disagree; expected.json follows the glyph (what Word and a reader see)
MISMATCH = {
    'P2.2': dict(state={'yes': 1, 'no': 0}, glyph={'yes': 0, 'no': 1}),          # shows No, stored Yes
    'P3.4': dict(state={'yes': 1, 'no': 0}, glyph={'yes': 0, 'no': 0}),          # shows nothing ticked, stored Yes
    'P4.6': dict(state={'yes': 0, 'no': 0}, glyph={'yes': 1, 'no': 0}),          # shows Yes, stored nothing
    'P6.4': dict(state={'yes': 1, 'no': 1}, glyph={'yes': 0, 'no': 1}),          # shows No, stored both
    'P8.3': dict(state={'yes': 0, 'no': 1}, glyph={'yes': 1, 'no': 0}),          # Wingdings: shows Yes, stored No
    'P10.2': dict(state={'yes': 1, 'no': 0}, glyph={'yes': 0, 'no': 1}),         # Segoe: shows No, stored Yes
    'P12.3': dict(state={'yes': 0, 'no': 1}, glyph={'yes': 1, 'no': 0}),         # w:sym Wingdings: shows Yes, stored No
    'P5.9': dict(state={'yes': 0, 'no': 0, 'na': 0}, glyph={'yes': 0, 'no': 0, 'na': 1}),  # shows N/A, stored nothing
}
def style_for(qid, k):
    if qid in ('P2.2', 'P3.4', 'P4.6', 'P6.4', 'P5.9'): return 'gothic'
    if qid in ('P8.3',): return 'wing_t'
    if qid in ('P10.2',): return 'segoe'
    if qid in ('P12.3',): return 'wing_sym'
    return ['gothic', 'gothic', 'wing_t', 'segoe', 'wing_sym'][k % 5]

W = [6200, 1606, 1606]

def box(qid, v, k):
    mark = MARKS.get(qid)
    mm = MISMATCH.get(qid)
    state = mm['state'][v] if mm else int(mark == v)
    glyph = mm['glyph'][v] if mm else int(mark == v)
    fn, cs, us = STYLES[style_for(qid, k)]
    return CC(state, fn(glyph), cs, us)

def build():
    body = intro() + [title_block(ORG), P(PAGEBREAK())]
    k = 0
    for p in range(1, 13):
        rows = [[CELL([PX(RUN(f'Principle {p}', b=True, sz=24)), PX(RUN(PRINCIPLES[p]))], sum(W), span=3, shade='DEEAF6')]]
        for q in qs(p):
            num = '' if p == 1 else f"{q['n']}. "
            label = f"{num}{q['text']}"
            last = q['i'] == len(qs(p))
            if q['type'] == 'open':
                rows.append([CELL(PX(RUN(label)), sum(W), span=3, shade='F2F2F2')])
                t = TEXT.get(q['id']) if not last else None
                if last:
                    rows.append([CELL(PX(RUN('Action Plan', b=True)), sum(W), span=3)])
                    t = 'Update the Statement of Need and publish it on the council website by April 2025.'
                rows.append([CELL(text_paras(t.format(org=ORG['name'])) if t else [P()], sum(W), span=3)])
                continue
            opts = ['yes', 'no'] + (['na'] if q['type'] == 'yesno-na-text' else [])
            lbl = {'yes': 'Yes', 'no': 'No', 'na': 'N/A'}
            if len(opts) == 2:
                rows.append([CELL(PX(RUN(label)), W[0], shade='F2F2F2')] +
                            [CELL(PX(box(q['id'], v, k), RUN(' ' + lbl[v])), W[1 + j]) for j, v in enumerate(opts)])
            else:
                rows.append([CELL(PX(RUN(label)), W[0], shade='F2F2F2'),
                             CELL([PX(box(q['id'], v, k), RUN(' ' + lbl[v])) for v in opts], W[1] + W[2], span=2)])
            k += 1
            t = TEXT.get(q['id'])
            if q['type'] != 'yesno' and t:
                rows.append([CELL(text_paras(t.format(org=ORG['name'])), sum(W), span=3)])
        if qs(p)[-1]['type'] != 'open':
            rows.append([CELL(PX(RUN('Action Plan', b=True)), sum(W), span=3)])
            plan = {3: 'Replace the signs at Hollin Cross precinct to show the purpose and contact details (by March 2025).',
                    10: 'Publish the annual camera review on the council website.'}.get(p, 'None identified.')
            rows.append([CELL(PX(RUN(plan)), sum(W), span=3)])
        body.append(TABLE(rows, W))
        body.append(P())
    write_docx(case_input(CASE, 'docx'), body, header=[P('Kingsmere Borough Council – Surveillance Camera Code self assessment', style='Header')],
               title='SCC self assessment', author='Kingsmere BC', ns=NS_DRAWING)

if __name__ == '__main__':
    build()
