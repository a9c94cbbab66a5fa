"""
A small hand-written WordprocessingML (DOCX) writer for the red-team cases:
paragraphs, runs, tables, Word bullet lists, page headers and footers with
PAGE / NUMPAGES fields, legacy checkbox form fields, Word 2010 checkbox
content controls and typed glyphs. The XML is what Word itself writes for
these constructs, so the files read like documents saved from Word.

round2/ writes its parts with the DrawingML/VML namespaces declared too
(write_docx(ns=NS_DRAWING)), as Word does.
"""
import zipfile
from xml.sax.saxutils import escape

_NS_WORD = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
)
NS = _NS_WORD + 'mc:Ignorable="w14"'
# NS plus the DrawingML / VML namespaces Word declares on its parts (write_docx(ns=NS_DRAWING))
NS_DRAWING = (
    _NS_WORD
    + 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'mc:Ignorable="w14 wp14"'
)


def _t(text):
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def rpr(b=False, i=False, font=None, sz=None, color=None, u=False):
    x = ''
    if font:
        x += f'<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    if b:
        x += '<w:b/><w:bCs/>'
    if i:
        x += '<w:i/><w:iCs/>'
    if color:
        x += f'<w:color w:val="{color}"/>'
    if sz:
        x += f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>'
    if u:
        x += '<w:u w:val="single"/>'
    return f'<w:rPr>{x}</w:rPr>' if x else ''


def R(text, **kw):
    """A run of text; newlines become w:br, tabs w:tab."""
    parts = []
    for k, line in enumerate(text.split('\n')):
        if k:
            parts.append('<w:br/>')
        for j, seg in enumerate(line.split('\t')):
            if j:
                parts.append('<w:tab/>')
            if seg:
                parts.append(_t(seg))
    return f'<w:r>{rpr(**kw)}{"".join(parts)}</w:r>'


def PAGEBREAK():
    return '<w:r><w:br w:type="page"/></w:r>'


def FIELD(instr, shown, **kw):
    return (f'<w:r>{rpr(**kw)}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{rpr(**kw)}<w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
            f'<w:r>{rpr(**kw)}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{rpr(**kw)}{_t(shown)}</w:r>'
            f'<w:r>{rpr(**kw)}<w:fldChar w:fldCharType="end"/></w:r>')


class Counter:
    n = 0


def FORMCHECK(checked):
    """A legacy checkbox form field, as Word writes it once a user has ticked (or not) the box."""
    Counter.n += 1
    n = Counter.n
    state = '<w:checked/>' if checked else ''
    return (f'<w:bookmarkStart w:id="{n}" w:name="Check{n}"/>'
            f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check{n}"/><w:enabled/>'
            f'<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="0"/>{state}</w:checkBox>'
            f'</w:ffData></w:fldChar></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            f'<w:bookmarkEnd w:id="{n}"/>')


def CONTENTCHECK(checked):
    """A Word 2010+ checkbox content control (MS Gothic box glyphs)."""
    Counter.n += 1
    glyph = '\u2612' if checked else '\u2610'
    return (f'<w:sdt><w:sdtPr><w:id w:val="{-1000000 - Counter.n}"/>'
            f'<w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
            f'<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            f'<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
            f'<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr>'
            f'{_t(glyph)}</w:r></w:sdtContent></w:sdt>')


def P(*runs, style=None, align=None, num=None, lvl=0, before=None, after=None, keep_next=False,
      page_break_before=False, shade=None, ind=None):
    ppr = ''
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        ppr += '<w:keepNext/>'
    if page_break_before:
        ppr += '<w:pageBreakBefore/>'
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr>'
    if shade:
        ppr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if before is not None or after is not None:
        ppr += f'<w:spacing w:before="{before or 0}" w:after="{after if after is not None else 120}"/>'
    if ind:
        ppr += f'<w:ind w:left="{ind}"/>'
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    body = ''.join(r if r.startswith('<') else R(r) for r in runs)
    return f'<w:p>{"<w:pPr>" + ppr + "</w:pPr>" if ppr else ""}{body}</w:p>'


def CELL(paras, width, span=1, shade=None, valign=None, vmerge=None, borders=None):
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge:
        tcpr += '<w:vMerge w:val="restart"/>' if vmerge == 'restart' else '<w:vMerge/>'
    if borders == 'none':
        tcpr += ('<w:tcBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
                 '<w:right w:val="nil"/></w:tcBorders>')
    if shade:
        tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if valign:
        tcpr += f'<w:vAlign w:val="{valign}"/>'
    if isinstance(paras, str):
        paras = [paras]
    if not paras:
        paras = [P()]
    return f'<w:tc><w:tcPr>{tcpr}</w:tcPr>{"".join(paras)}</w:tc>'


def TABLE(rows, grid, borders=True, header_rows=0, cant_split=False):
    """rows: list of lists of CELL xml. grid: column widths (dxa)."""
    b = ''
    if borders:
        b = ('<w:tblBorders>' + ''.join(
            f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            for s in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV')) + '</w:tblBorders>')
    else:
        b = ('<w:tblBorders>' + ''.join(f'<w:{s} w:val="nil"/>'
             for s in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV')) + '</w:tblBorders>')
    tblpr = (f'<w:tblPr><w:tblW w:w="{sum(grid)}" w:type="dxa"/>{b}<w:tblLayout w:type="fixed"/>'
             f'<w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
             f'<w:tblLook w:val="04A0"/></w:tblPr>')
    g = '<w:tblGrid>' + ''.join(f'<w:gridCol w:w="{w}"/>' for w in grid) + '</w:tblGrid>'
    out = []
    for k, row in enumerate(rows):
        trpr = ''
        if k < header_rows:
            trpr += '<w:tblHeader/>'
        if cant_split:
            trpr += '<w:cantSplit/>'
        out.append(f'<w:tr>{"<w:trPr>" + trpr + "</w:trPr>" if trpr else ""}{"".join(row)}</w:tr>')
    return f'<w:tbl>{tblpr}{g}{"".join(out)}</w:tbl>'


STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {ns}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/><w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:color w:val="{accent}"/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="{accent}"/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="{accent}"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>"""

NUMBERING = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {ns}>
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New" w:hint="default"/></w:rPr></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""

SETTINGS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings {ns}><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"""


def write_docx(path, body, header=None, footer=None, font='Arial', sz=21, accent='1F3864', title='', author='', ns=NS):
    """body: list of block xml (P / TABLE). header/footer: list of P xml or None. ns: namespace declarations of
    every part (NS or NS_DRAWING)."""
    rels = [('rIdStyles', 'styles', 'styles.xml'), ('rIdNumbering', 'numbering', 'numbering.xml'),
            ('rIdSettings', 'settings', 'settings.xml')]
    overrides = [('/word/document.xml', 'document.main'), ('/word/styles.xml', 'styles'),
                 ('/word/numbering.xml', 'numbering'), ('/word/settings.xml', 'settings')]
    refs = ''
    if header:
        rels.append(('rIdHeader1', 'header', 'header1.xml'))
        overrides.append(('/word/header1.xml', 'header'))
        refs += '<w:headerReference w:type="default" r:id="rIdHeader1"/>'
    if footer:
        rels.append(('rIdFooter1', 'footer', 'footer1.xml'))
        overrides.append(('/word/footer1.xml', 'footer'))
        refs += '<w:footerReference w:type="default" r:id="rIdFooter1"/>'
    sect = (f'<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1440" w:right="1247" w:bottom="1440" w:left="1247" w:header="709" w:footer="567" w:gutter="0"/>'
            '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>')
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {ns}><w:body>'
           + ''.join(body) + sect + '</w:body></w:document>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          + ''.join(f'<Override PartName="{p}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{t}+xml"/>'
                    for p, t in overrides)
          + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '</Types>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                 '</Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                + ''.join(f'<Relationship Id="{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{t}" Target="{f}"/>'
                          for i, t, f in rels)
                + '</Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{escape(title)}</dc:title><dc:creator>{escape(author)}</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-01T09:00:00Z</dcterms:created></cp:coreProperties>')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        # fixed timestamps: rebuilding gives identical bytes
        def put(name, data):
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
        put('[Content_Types].xml', ct)
        put('_rels/.rels', root_rels)
        put('docProps/core.xml', core)
        put('word/_rels/document.xml.rels', doc_rels)
        put('word/document.xml', doc)
        put('word/styles.xml', STYLES.format(ns=ns, font=font, sz=sz, accent=accent))
        put('word/numbering.xml', NUMBERING.format(ns=ns))
        put('word/settings.xml', SETTINGS.format(ns=ns))
        if header:
            put('word/header1.xml', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {ns}>{"".join(header)}</w:hdr>')
        if footer:
            put('word/footer1.xml', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {ns}>{"".join(footer)}</w:ftr>')
