"""Builds corpus/rt3-pdf-glyph-bullets/input.pdf (round 3; first made as rt10-08-glyph-bullets).

DOCX printed by LibreOffice: principles 1-3 only; option rows set as bulleted list items, the bullet from Word's
bullet library (Symbol dot, Wingdings shadowed square 'q', Wingdings tick F0FC, Wingdings small square F0A7,
Wingdings 'o'), beside ☒/☐ (MS Gothic) rows: label-first with the No box missing, complete label-first and
box-first rows, and an X typed after Yes; one row without a bullet."""
from common import PRINCIPLES, TEXT, qs
from docxdocs import GOTHIC, P, PAGEBREAK, PX, RUN, intro, print_pdf, title_block

CASE = 'rt3-pdf-glyph-bullets'
ORG = dict(name='Fenwick Lees Academy Trust', scope='CCTV at 5 secondary schools (96 cameras), internal corridors and perimeters',
           sro='Ngozi Balfour-Hughes', position='Chief Operating Officer', date='26/03/2025')


def lvl(char, font):
    return (f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{char}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr></w:lvl>')


BULLETS = {1: ('\uf0b7', 'Symbol'), 2: ('\uf071', 'Wingdings'), 3: ('\uf0fc', 'Wingdings'), 4: ('\uf0a7', 'Wingdings'), 5: ('\uf06f', 'Wingdings')}
NUMBERING = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {ns}>'
             + ''.join(f'<w:abstractNum w:abstractNumId="{k}"><w:multiLevelType w:val="hybridMultilevel"/>{lvl(c, f)}</w:abstractNum>' for k, (c, f) in BULLETS.items())
             + ''.join(f'<w:num w:numId="{k}"><w:abstractNumId w:val="{k}"/></w:num>' for k in BULLETS) + '</w:numbering>')


def gl(on):
    return GOTHIC('☒' if on else '☐')


ROWS = {  # qid: (bullet numId or None, runs)
    'P1.4': (2, [RUN('Yes '), gl(True), '\t', RUN('No')]),
    'P2.1': (None, [RUN('Yes '), gl(True), '\t', RUN('No')]),
    'P2.2': (3, [RUN('Yes '), gl(False), '\t', RUN('No '), gl(True)]),
    'P2.3': (3, [gl(False), RUN(' Yes'), '\t', gl(True), RUN(' No')]),
    'P2.4': (4, [RUN('Yes '), gl(True), '\t', RUN('No')]),
    'P2.6': (1, [RUN('Yes '), gl(True), '\t', RUN('No')]),
    'P3.1': (2, [gl(False), RUN(' Yes'), '\t', gl(True), RUN(' No')]),
    'P3.2': (3, [RUN('Yes '), gl(True), '\t', RUN('No')]),
    'P3.3': (2, [RUN('Yes X'), '\t', RUN('No')]),
    'P3.4': (5, [RUN('Yes '), gl(True), '\t', RUN('No')]),
    'P3.6': (2, [RUN('Yes '), gl(False), '\t', RUN('No '), gl(True)]),
}


def build():
    body = intro() + [title_block(ORG), P(PAGEBREAK())]
    for p in (1, 2, 3):
        body.append(P(f'Principle {p}', style='Heading1'))
        body.append(PX(RUN(PRINCIPLES[p], i=True)))
        for q in qs(p):
            num = f"{q['n']}. " if q['n'] else ''
            body.append(PX(RUN(num + q['text'], b=True), after=60))
            if q['id'] in ROWS:
                n, runs = ROWS[q['id']]
                body.append(PX(*runs, num=n, tabs=[2200] if n else [1500], ind=None if n else 720))
            elif q['type'] == 'open' and q['i'] != len(qs(p)):
                body.append(PX(RUN(TEXT.get(q['id'], 'None.').format(org=ORG['name']))))
        body.append(PX(RUN('Action Plan', b=True)))
        body.append(PX(RUN('None identified.')))
    print_pdf(CASE, body, numbering=NUMBERING, title='SAT')


if __name__ == '__main__':
    build()
