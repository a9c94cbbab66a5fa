"""
Builds corpus/rt2-pdf-box-font-no-tounicode/input.pdf (round 2; first made as rt7-12-no-tounicode).

rt7-12-no-tounicode: a police force's custody CCTV assessment in template tables with ☒/☐ glyph boxes, where the
font that draws the box glyphs (a DejaVu Sans subset) has had its /ToUnicode map stripped (as some PDF
optimisers and print drivers do): the page looks normal, but the boxes' text is not recoverable as ☒/☐.
"""
import os
import re
import shutil
import subprocess
import tempfile
from pdfdocs import case_input, TEXTS, POLICE_MARKS, merged, P, R, print_docx
from layout import body, glyph_options

CASE = 'rt2-pdf-box-font-no-tounicode'
DOC = dict(
    name='rt7-12-no-tounicode',
    org=dict(name='Dunmere Police', scope='Custody suite CCTV at Dunmere Central, Port Alwyn and Kestle custody suites',
             sro='Chief Superintendent Graham Okonjo', position='Head of Custody and Criminal Justice', date='03/03/2026'),
    texts=TEXTS['CUSTODY'],
    marks=merged(POLICE_MARKS, **{'P1.4': 'no', 'P3.2': 'yes', 'P3.3': 'yes', 'P3.4': 'none', 'P5.6': 'no', 'P5.1': 'yes',
                                 'P10.3': 'no', 'P12.3': 'none', 'P5.9': 'none', 'P8.3': 'no', 'P7.2': 'yes', 'P11.4': 'no'}),
    plans={1: ["None identified"], 2: ["None identified"], 3: ["None identified"], 4: ["None identified"],
           5: ["None identified"], 6: ["None identified"], 7: ["None identified"],
           8: ["Seek third party certification for the custody system (2026/27)."], 9: ["None identified"],
           10: ["None identified"], 11: ["None identified"], 12: ["N/A"]},
)


def strip_tounicode(src, dst):
    """Drop /ToUnicode from the fonts that carry the box glyphs (those whose ToUnicode maps to U+2610/U+2612)."""
    work = tempfile.mkdtemp(prefix='rt2-q-')
    try:
        qdf = os.path.join(work, 'a.qdf')
        subprocess.run(['qpdf', '--qdf', '--object-streams=disable', src, qdf], check=True)
        data = open(qdf, 'rb').read()
        objs = {int(m.group(1)): m.group(2) for m in re.finditer(rb'\n(\d+) 0 obj\n(.*?)\nendobj', data, re.S)}
        cmaps = {n for n, body in objs.items() if b'beginbfchar' in body or b'beginbfrange' in body}
        box_cmaps = {n for n in cmaps if re.search(rb'<2610>|<2612>', objs[n], re.I)}
        assert box_cmaps, 'no ToUnicode map with box glyphs found'
        for n in box_cmaps:
            data = re.sub(rb'/ToUnicode %d 0 R' % n, b'', data)
        open(qdf, 'wb').write(data)
        fixed = os.path.join(work, 'b.qdf')
        subprocess.run(['fix-qdf'], stdin=open(qdf, 'rb'), stdout=open(fixed, 'wb'), check=True)
        subprocess.run(['qpdf', fixed, dst], check=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    work = tempfile.mkdtemp(prefix='rt2-')
    try:
        base = os.path.join(work, DOC['name'] + '.base.pdf')
        print_docx(base, body(DOC, glyph_options(DOC['marks'])), header=[P(R('OFFICIAL', b=True), align='center')],
                   footer=[P(R('Dunmere Police - Custody CCTV - SCC Self Assessment', sz=16))], author='Dunmere Police')
        strip_tounicode(base, case_input(CASE, 'pdf'))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
