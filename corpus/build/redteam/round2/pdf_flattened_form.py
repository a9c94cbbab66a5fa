"""
Builds corpus/rt2-pdf-flattened-form/input.pdf (round 2; first made as rt7-06-flattened-form).

rt7-06-flattened-form: a fire and rescue service's (vehicle and station CCTV) assessment made as a fillable PDF
form: checkbox fields before "Yes"/"No" for principles 1-6 and 10-12, radio buttons for principles 7-9; filled in
and then flattened (form.flatten()), so the boxes, ticks and radio dots are drawn into the page content.
"""
import os
import shutil
import tempfile
from pdfdocs import (case_input, TEXTS, COUNCIL_MARKS, merged, P, R, print_docx, options_for, LABEL, label_groups, questions, overlay)
from layout import body

CASE = 'rt2-pdf-flattened-form'
DOC = dict(
    name='rt7-06-flattened-form',
    org=dict(name='Severn Vale Fire and Rescue Service', scope='Forward facing and 360 degree cameras on 64 fire appliances, and CCTV at 22 fire stations',
             sro='Area Manager Rhys Pemberton', position='Head of Operational Assurance', date='5 February 2026'),
    texts=merged(TEXTS['COUNCIL'], **{
        'P1.1': ["Vehicle cameras record the road ahead and around fire appliances to provide evidence after collisions and attacks on crews; station CCTV protects premises that are often unstaffed.",
                 "The purposes are set out in the Service's CCTV and Vehicle Camera Policy (2024)."],
        'P1.2': ["Article 6(1)(e) UK GDPR (public task) under the Fire and Rescue Services Act 2004."],
        'P5.5': ["None - there is no occupational standard for vehicle camera users."],
        'P12.1': ["None."],
    }),
    marks=merged(COUNCIL_MARKS, **{'P2.2': 'no', 'P3.4': 'no', 'P5.6': 'no', 'P5.9': 'none', 'P7.5': 'no',
                                  'P7.7': 'both', 'P8.3': 'none', 'P12.3': 'none', 'P9.7': 'yes', 'P11.3': 'both',
                                  'P10.2': 'none'}),
    plans={1: ["None identified"], 2: ["None identified"], 3: ["None identified"], 4: ["None identified"],
           5: ["None identified"], 6: ["None identified"], 7: ["None identified"], 8: ["None identified"],
           9: ["Replace the station recorders that still use default passwords (12 sites) by June 2026."],
           10: ["None identified"], 11: ["None identified"], 12: ["N/A"]},
)
RADIO = {7, 8, 9}
SPACE = '\u2003\u2002'


def options_cell(q):
    runs = []
    for i, v in enumerate(options_for(q)):
        runs.append(R((SPACE if i == 0 else '      ' + SPACE) + LABEL[v]))
    return [P(*runs)]


def main():
    work = tempfile.mkdtemp(prefix='rt2-')
    try:
        base = os.path.join(work, DOC['name'] + '.base.pdf')
        print_docx(base, body(DOC, options_cell), footer=[P(R('Severn Vale FRS | Surveillance Camera Code self assessment', sz=16))],
                   author='Severn Vale Fire and Rescue Service')
        yn = [q for q in questions(DOC) if q['type'] != 'open']
        groups = label_groups(base)
        assert len(groups) == len(yn), (len(groups), len(yn))
        ops = []
        for q, g in zip(yn, groups):
            mark = DOC['marks'].get(q['id'], 'none')
            s = 10
            if q['principle'] in RADIO:
                opts = []
                for t, x0, y0, x1, y1 in g['words']:
                    v = {'Yes': 'yes', 'No': 'no', 'N/A': 'na'}[t]
                    opts.append(dict(value=v, x=x0 - s - 3, y=(y0 + y1) / 2 - s / 2, size=s))
                sel = mark if mark in ('yes', 'no', 'na') else None
                if mark == 'both':  # a radio group cannot hold two: the form kept the last one clicked (No)
                    sel = 'no'
                ops.append(dict(page=g['page'], kind='radio', name=q['id'].replace('.', '_'), options=opts, selected=sel))
            else:
                for t, x0, y0, x1, y1 in g['words']:
                    v = {'Yes': 'yes', 'No': 'no', 'N/A': 'na'}[t]
                    ops.append(dict(page=g['page'], kind='checkbox', name=f"{q['id'].replace('.', '_')}_{v}", x=x0 - s - 3,
                                    y=(y0 + y1) / 2 - s / 2, size=s, checked=mark == v or mark == 'both'))
        overlay(base, ops, case_input(CASE, 'pdf'))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
