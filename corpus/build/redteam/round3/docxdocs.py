"""DOCX pieces for the round 3 cases printed to PDF by LibreOffice: runs and paragraphs of raw run XML, w:sym and
MS Gothic glyphs, Word-style tables (per-cell shading, alignment, spans), the template's title block and principle
headings, and printing with a throw-away LibreOffice profile. The DOCX writer is round 1's ../ooxml.py, called with
the DrawingML/VML namespaces declared (ns=NS_DRAWING), as Word writes its parts."""
import os
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape
from common import HERE, PRINCIPLES, case_input

sys.path.insert(0, os.path.dirname(HERE))
import ooxml  # noqa: E402  (../ooxml.py, read only)
from ooxml import P, R, CELL, TABLE, PAGEBREAK, NS_DRAWING  # noqa: E402,F401


# ------------------------------------------------------------------ runs and paragraphs

def RUN(text, b=False, i=False, font=None, sz=None):
    x = ''
    if font:
        x += f'<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    if b: x += '<w:b/><w:bCs/>'
    if i: x += '<w:i/><w:iCs/>'
    if sz: x += f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>'
    rp = f'<w:rPr>{x}</w:rPr>' if x else ''
    parts = []
    for k, seg in enumerate(text.split('\t')):
        if k: parts.append('<w:tab/>')
        if seg: parts.append(f'<w:t xml:space="preserve">{escape(seg)}</w:t>')
    return f'<w:r>{rp}{"".join(parts)}</w:r>'


def SYM(font, char):
    """A symbol-font character as Word's Insert > Symbol stores it (w:sym)."""
    return f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'


def GLYPH(ch, font):
    """A typed character in a given font (as Word stores a ☒ typed in MS Gothic)."""
    return (f'<w:r><w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}" w:hint="eastAsia"/></w:rPr>'
            f'<w:t xml:space="preserve">{escape(ch)}</w:t></w:r>')


def GOTHIC(ch):
    """☒/☐ in MS Gothic as Word's checkbox symbol inserts it."""
    return (f'<w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr>'
            f'<w:t>{ch}</w:t></w:r>')


def PX(*runs, style=None, num=None, lvl=0, align=None, after=None, before=None, ind=None, tabs=None):
    """Paragraph of raw run xml (strings not starting with '<' are plain runs)."""
    ppr = ''
    if style: ppr += f'<w:pStyle w:val="{style}"/>'
    if num is not None: ppr += f'<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr>'
    if tabs: ppr += '<w:tabs>' + ''.join(f'<w:tab w:val="left" w:pos="{t}"/>' for t in tabs) + '</w:tabs>'
    if before is not None or after is not None:
        ppr += f'<w:spacing w:before="{before or 0}" w:after="{after if after is not None else 120}"/>'
    if ind: ppr += f'<w:ind w:left="{ind}"/>'
    if align: ppr += f'<w:jc w:val="{align}"/>'
    body = ''.join(r if r.startswith('<') else RUN(r) for r in runs)
    return f'<w:p>{"<w:pPr>" + ppr + "</w:pPr>" if ppr else ""}{body}</w:p>'


# ------------------------------------------------------------------ tables

def cell(content, w, align='left', shade=None, span=1, valign='center', b=False, sz=None, after=0):
    """content: text, raw run xml (starts with '<'), a list of those (one paragraph), or a list of lists (paragraphs)."""
    tcpr = f'<w:tcW w:w="{w}" w:type="dxa"/>'
    if span > 1: tcpr += f'<w:gridSpan w:val="{span}"/>'
    if shade: tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if valign: tcpr += f'<w:vAlign w:val="{valign}"/>'
    paras = content if (isinstance(content, list) and content and isinstance(content[0], list)) else [content if isinstance(content, list) else [content]]
    px = []
    for para in paras:
        runs = [r if r.startswith('<') else RUN(r, b=b, sz=sz) for r in para if r != '']
        px.append(PX(*runs, align=align, after=after, before=0))
    return f'<w:tc><w:tcPr>{tcpr}</w:tcPr>{"".join(px)}</w:tc>'


def table(rows, grid, header_rows=0):
    """rows: lists of cell xml; every border single; fixed layout; header rows repeated on each page."""
    sides = ('top', 'left', 'bottom', 'right', 'insideH', 'insideV')
    b = '<w:tblBorders>' + ''.join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="auto"/>' for s in sides) + '</w:tblBorders>'
    tblpr = (f'<w:tblPr><w:tblW w:w="{sum(grid)}" w:type="dxa"/>{b}<w:tblLayout w:type="fixed"/>'
             f'<w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0"/></w:tblPr>')
    g = '<w:tblGrid>' + ''.join(f'<w:gridCol w:w="{w}"/>' for w in grid) + '</w:tblGrid>'
    out = []
    for k, r in enumerate(rows):
        trpr = ('<w:tblHeader/>' if k < header_rows else '') + '<w:cantSplit/>'
        out.append(f'<w:tr><w:trPr>{trpr}</w:trPr>{"".join(r)}</w:tr>')
    return f'<w:tbl>{tblpr}{g}{"".join(out)}</w:tbl>'


# ------------------------------------------------------------------ template pieces

TITLE_FIELDS = [('Name of organisation', 'name'), ('Scope of surveillance camera system', 'scope'),
                ('Senior Responsible Officer', 'sro'), ('Position within organisation', 'position'), ('Date of sign off', 'date')]
INTRO = ('How well does your organisation comply with the 12 guiding principles of the Surveillance Camera Code of Practice? '
         'Complete this easy to use self assessment tool to find out if you do.')


def intro():
    return [P('Surveillance Camera Code of Practice', style='Title'), P(R('Self Assessment Tool', b=True, sz=28)), P(INTRO)]


def title_block(org, widths=(3400, 6012)):
    """The template's title table, with its (blank) Signature row."""
    rows = []
    for label, key in TITLE_FIELDS[:4] + [('Signature', None)] + TITLE_FIELDS[4:]:
        rows.append([CELL(P(R(label, b=True)), widths[0], shade='D9E2F3'), CELL(P(org.get(key, '') if key else ''), widths[1])])
    return TABLE(rows, list(widths))


def front_page(org):
    """Title, intro and a title table without the Signature row, then a page break."""
    rows = [[cell(label, 3400, shade='D9E2F3', b=True, after=60), cell(org[key], 6012, after=60)] for label, key in TITLE_FIELDS]
    return intro() + [table(rows, [3400, 6012]), P(PAGEBREAK())]


def principle_head(p):
    return [P(f'Principle {p}', style='Heading1'), PX(RUN(PRINCIPLES[p], i=True))]


# ------------------------------------------------------------------ printing

def print_pdf(case, body, numbering=None, **kw):
    """Write body as a DOCX (kw: ooxml.write_docx options; numbering: a numbering.xml template with {ns}, instead of
    round 1's) and print it with LibreOffice (a throw-away profile) to corpus/<case>/input.pdf."""
    profile = tempfile.mkdtemp(prefix='rt3-profile-')
    work = tempfile.mkdtemp(prefix='rt3-w-')
    saved = ooxml.NUMBERING
    try:
        if numbering:
            ooxml.NUMBERING = numbering
        src = os.path.join(work, 'doc.docx')
        ooxml.write_docx(src, body, ns=NS_DRAWING, **kw)
        subprocess.run(['soffice', f'-env:UserInstallation=file://{profile}', '--headless', '--norestore',
                        '--convert-to', 'pdf', '--outdir', work, src], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out = case_input(case, 'pdf')
        shutil.copy(os.path.join(work, 'doc.pdf'), out)
        return out
    finally:
        ooxml.NUMBERING = saved
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(profile, ignore_errors=True)
