"""
Builds corpus/rt2-pdf-yes-no-columns/input.pdf (round 2; first made as rt7-03-columns).

rt7-03-columns: a police force's ANPR assessment laid out as one table per principle with columns
"Ref | Question | Yes | No" (principles 1-6) or "Ref | Question | Yes | No | Comments / evidence" (principles 7-12),
heading row repeated at the top of every page the table runs onto; the answer is a tick typed in the
chosen column's cell (✓ U+2713, a few ✔ or a typed "X"); open questions span the Yes/No columns.
"""
from pdfdocs import (case_input, TEXTS, POLICE_MARKS, merged, P, R, CELL, TABLE, print_docx, questions, qlabel, printed_question, answer_items, plan_items, items_paras, title_table, PRINCIPLES)

CASE = 'rt2-pdf-yes-no-columns'
DOC = dict(
    name='rt7-03-columns',
    org=dict(name='Marchshire Police', scope='Automatic Number Plate Recognition (ANPR): 212 fixed cameras, 38 mobile units and the Back Office Facility',
             sro='Detective Chief Superintendent Owen Brierley', position='Head of Intelligence and Tasking', date='19 December 2025'),
    numbering='ref',
    texts=merged(TEXTS['EASTWOLD'], **{
        'P1.1': ["ANPR is used to detect, deter and disrupt criminality at a local, force, regional and national level, including tackling travelling criminals, organised crime groups and terrorists.",
                 "Objectives are set out in the Force ANPR Strategy 2024-2027."],
        'P1.4': ["ANPR data is also used to locate vulnerable missing persons, which is within the purposes of the Force ANPR Strategy."],
        'P5.1': ["Force ANPR Policy, ANPR Standard Operating Procedures and the National ANPR Standards for Policing and Law Enforcement (NASPLE)."],
        'P10.3': ["A review in 2023 compared ANPR with roads policing patrols on the A48 corridor."],
    }),
    marks=merged(POLICE_MARKS, **{'P1.4': 'yes', 'P3.4': 'none', 'P5.9': 'none', 'P12.3': 'yes', 'P8.3': 'no',
                                 'P6.4': 'both', 'P9.2': 'yes', 'P11.2': 'none', 'P10.3': 'yes', 'P7.5': 'none',
                                 'P12.5': 'yes', 'P11.6': 'no'}),
    plans={1: ["None identified"], 2: ["None identified"], 3: ["Publish the ANPR camera site list on the force website (Q2 2026)."],
           4: ["None identified"], 5: ["None identified"], 6: ["None identified"], 7: ["None identified"],
           8: ["Seek third party certification against the Code for the ANPR system (2026/27)."],
           9: ["None identified"], 10: ["None identified"], 11: ["None identified"], 12: ["None identified"]},
)
TICK = {'P2.3': '✔', 'P3.1': '✔', 'P4.4': 'X', 'P5.2': 'X', 'P6.5': 'X', 'P7.2': 'X', 'P9.2': 'X', 'P10.5': 'X',
        'P12.5': 'X', 'P11.1': '✔'}
W4 = [700, 6100, 1000, 1000]          # Ref | Question | Yes | No
W5 = [700, 4300, 800, 800, 2812]      # Ref | Question | Yes | No | Comments


def build():
    out = [P(R('Marchshire Police', b=True, sz=36, color='1F3864')),
           P(R('Surveillance Camera Code of Practice - Self Assessment (ANPR)', b=True, sz=28, color='1F3864')),
           title_table(DOC), P('')]
    qs = questions(DOC)
    for p in range(1, 13):
        out.append(P(R(f'Principle {p}', b=True, sz=26, color='1F3864'), keep_next=True, before=240))
        out.append(P(R(PRINCIPLES[p], i=True), keep_next=True))
        wide = p >= 7
        grid = W5 if wide else W4
        head = [CELL([P(R('Ref', b=True))], grid[0], shade='1F3864'), CELL([P(R('Question', b=True))], grid[1], shade='1F3864'),
                CELL([P(R('Yes', b=True), align='center')], grid[2], shade='1F3864'), CELL([P(R('No', b=True), align='center')], grid[3], shade='1F3864')]
        # white heading text on the dark band
        head = [h.replace('<w:b/><w:bCs/>', '<w:b/><w:bCs/><w:color w:val="FFFFFF"/>') for h in head]
        if wide:
            head.append(CELL([P(R('Comments / evidence', b=True))], grid[4], shade='1F3864').replace('<w:b/><w:bCs/>', '<w:b/><w:bCs/><w:color w:val="FFFFFF"/>'))
        rows = [head]
        for q in [x for x in qs if x['principle'] == p]:
            ref = qlabel(DOC, q)
            qt = printed_question(DOC, q)
            items = answer_items(DOC, q) if not q['action'] else []
            if q['type'] == 'open':
                if q['action']:
                    continue
                if wide:
                    rows.append([CELL([P(ref)], grid[0]), CELL([P(qt)], grid[1]), CELL([P('')], grid[2] + grid[3], span=2, shade='D9D9D9'),
                                 CELL(items_paras(items) or [P('')], grid[4])])
                else:
                    rows.append([CELL([P(ref)], grid[0], vmerge='restart'), CELL([P(qt)], grid[1]), CELL([P('')], grid[2] + grid[3], span=2, shade='D9D9D9')])
                    rows.append([CELL([P('')], grid[0], vmerge='cont'), CELL(items_paras(items) or [P('')], sum(grid[1:]), span=3)])
                continue
            mark = DOC['marks'].get(q['id'], 'none')
            t = TICK.get(q['id'], '✓')
            cells = [CELL([P(ref)], grid[0]), CELL([P(qt)], grid[1])]
            for v in ('yes', 'no'):
                on = mark == v or mark == 'both'
                cells.append(CELL([P(R(t, b=t == 'X', font='Segoe UI Symbol' if t != 'X' else None, sz=24), align='center')] if on else [P('')], grid[2], valign='center'))
            if q['type'] == 'yesno-na-text':
                pass
            if wide:
                cells.append(CELL(items_paras(items) or [P('')], grid[4]))
                rows.append(cells)
            else:
                rows.append(cells)
                if items:
                    rows.append([CELL([P('')], grid[0]), CELL(items_paras(items), sum(grid[1:]), span=3)])
        out.append(TABLE(rows, grid, header_rows=1))
        out.append(P(R('Action Plan', b=True), before=120, keep_next=True))
        out.append(TABLE([[CELL(items_paras(plan_items(DOC, p)) or [P('')], sum(grid))]], [sum(grid)]))
    return out


def main():
    print_docx(case_input(CASE, 'pdf'), build(), header=[P(R('OFFICIAL', b=True), align='center')],
               footer=[P(R('Marchshire Police ANPR - SCC Self Assessment 2025', sz=16))], author='Marchshire Police')


if __name__ == '__main__':
    main()
