"""Extra WordprocessingML constructs on top of ../ooxml.py: runs with any font, w:sym, checkbox content controls
with any glyph and state, raw-run paragraphs."""
import os
import sys
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from ooxml import *  # noqa: E402,F401,F403  (../ooxml.py)

_id = [5000]
def nid():
    _id[0] += 1
    return _id[0]

def RUN(text, b=False, i=False, font=None, color=None, u=False, sz=None, deleted=False):
    x = ''
    if font:
        x += f'<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    if b: x += '<w:b/><w:bCs/>'
    if i: x += '<w:i/><w:iCs/>'
    if color: x += f'<w:color w:val="{color}"/>'
    if sz: x += f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>'
    if u: x += '<w:u w:val="single"/>'
    rp = f'<w:rPr>{x}</w:rPr>' if x else ''
    tag = 'w:delText' if deleted else 'w:t'
    parts = []
    for k, seg in enumerate(text.split('\t')):
        if k: parts.append('<w:tab/>')
        if seg: parts.append(f'<{tag} xml:space="preserve">{escape(seg)}</{tag}>')
    return f'<w:r>{rp}{"".join(parts)}</w:r>'

def SYM(font, char):
    return f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'

def CC(checked, glyph_run, cstate=('2612', 'MS Gothic'), ustate=('2610', 'MS Gothic')):
    """Checkbox content control: w14:checked = checked (0/1), display content = glyph_run (raw run xml)."""
    return (f'<w:sdt><w:sdtPr><w:id w:val="{-2000000 - nid()}"/>'
            f'<w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
            f'<w14:checkedState w14:val="{cstate[0]}" w14:font="{cstate[1]}"/>'
            f'<w14:uncheckedState w14:val="{ustate[0]}" w14:font="{ustate[1]}"/></w14:checkbox></w:sdtPr>'
            f'<w:sdtContent>{glyph_run}</w:sdtContent></w:sdt>')

def GOTHIC(ch):
    return (f'<w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr>'
            f'<w:t>{ch}</w:t></w:r>')

def PX(*runs, style=None, num=None, lvl=0, align=None, after=None, before=None, ind=None, tabs=None, keep_next=False, ppr_extra=''):
    """Paragraph of raw run xml (strings not starting with '<' are plain runs)."""
    ppr = ''
    if style: ppr += f'<w:pStyle w:val="{style}"/>'
    if keep_next: ppr += '<w:keepNext/>'
    if num is not None: ppr += f'<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr>'
    if tabs: ppr += '<w:tabs>' + ''.join(f'<w:tab w:val="left" w:pos="{t}"/>' for t in tabs) + '</w:tabs>'
    if before is not None or after is not None:
        ppr += f'<w:spacing w:before="{before or 0}" w:after="{after if after is not None else 120}"/>'
    if ind: ppr += f'<w:ind w:left="{ind}"/>'
    if align: ppr += f'<w:jc w:val="{align}"/>'
    ppr += ppr_extra
    body = ''.join(r if r.startswith('<') else RUN(r) for r in runs)
    return f'<w:p>{"<w:pPr>" + ppr + "</w:pPr>" if ppr else ""}{body}</w:p>'
