#!/usr/bin/python3
"""
Authors the corpus/lo-* cases in LibreOffice Writer, headless, over UNO: a
filled-in Surveillance Camera Code of Practice self-assessment typed into a
new Writer document (title block table, 12 principles, the 75 questions with
Yes/No checkboxes, answers, Action Plans), saved as "MS Word 2007 XML".

Checkboxes are real Writer controls: legacy form-field checkboxes (fieldmarks
of type vnd.oasis.opendocument.field.FORMCHECKBOX, saved as w:fldChar with
w:ffData/w:checkBox and a FORMCHECKBOX instruction) or checkbox content
controls (com.sun.star.text.ContentControl, saved as w:sdt with w14:checkbox).

expected.json is derived from the same case data (lo_cases.py) by the rules of
corpus/build/spec.ts expectedFromSpec, never from a parser.

    /usr/bin/python3 corpus/build/libreoffice/build_lo_cases.py [corpus-dir] [case-name ...]

Needs LibreOffice Writer and the Python-UNO bridge (see README.md here).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)
from lo_cases import CASES  # noqa: E402

FORMCHECKBOX = 'vnd.oasis.opendocument.field.FORMCHECKBOX'
LABELS = {'yes': 'Yes', 'no': 'No', 'na': 'N/A'}
BOLD = 150.0  # com.sun.star.awt.FontWeight.BOLD
ITALIC = uno.Enum('com.sun.star.awt.FontSlant', 'ITALIC')
CENTER = uno.Enum('com.sun.star.style.ParagraphAdjust', 'CENTER')
LEFT = uno.Enum('com.sun.star.style.ParagraphAdjust', 'LEFT')
PAGE_BEFORE = uno.Enum('com.sun.star.style.BreakType', 'PAGE_BEFORE')
NO_BREAK = uno.Enum('com.sun.star.style.BreakType', 'NONE')
SHADE_LABEL = 0xD9E2F3
SHADE_QUESTION = 0xF2F2F2


# ------------------------------------------------------------------ catalogue

def load_catalogue():
    """The principles and questions, read from src/catalogue.ts (the one source of the wording)."""
    src = open(os.path.join(ROOT, 'src', 'catalogue.ts'), encoding='utf-8').read()
    strings = r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
    unquote = lambda s: re.sub(r'\\(.)', r'\1', s[1:-1])
    principles = [
        {'number': int(n), 'statement': unquote(s)}
        for n, s in re.findall(r'\{ number: (\d+), statement: ' + strings + r' \}', src)
    ]
    questions = []
    for p, i, n, text, typ in re.findall(r'\bq\((\d+), (\d+), (null|\d+), ' + strings + r", '([a-z-]+)'\)", src):
        questions.append({
            'id': f'P{p}.{i}', 'principle': int(p), 'index': int(i),
            'number': None if n == 'null' else int(n), 'text': unquote(text), 'type': typ,
        })
    last = {}
    for q in questions:
        last[q['principle']] = q['index']
    for q in questions:
        q['action'] = last[q['principle']] == q['index']
    assert len(principles) == 12 and len(questions) == 75, (len(principles), len(questions))
    return principles, questions


PRINCIPLES, QUESTIONS = load_catalogue()


def check_case(case):
    """Every Yes/No question has a tick state, every answer box a text entry: nothing left to chance."""
    boxed = {q['id'] for q in QUESTIONS if q['type'] != 'open'}
    written = {q['id'] for q in QUESTIONS if q['type'] != 'yesno'}
    assert set(case['ticks']) == boxed, sorted(set(case['ticks']) ^ boxed)
    assert set(case['texts']) == written, sorted(set(case['texts']) ^ written)
    assert set(case['plans']) == set(range(1, 13))
    for qid, t in case['ticks'].items():
        allowed = ['yes', 'no', 'none', 'both'] + (['na'] if qid == 'P5.9' else [])
        assert t in allowed, (qid, t)


def expected(case):
    """The record a correct extractor gives (corpus/build/spec.ts expectedFromSpec, plus stated inferences)."""
    org = {k: case['organisation'][k] for k in ('name', 'scope', 'seniorResponsibleOfficer', 'position', 'signOffDate')}
    answers = []
    for q in QUESTIONS:
        raw = case['texts'].get(q['id'])
        text = raw.strip() if raw and raw.strip() else None
        if q['type'] == 'open':
            if text is None and q['action']:
                plan = case['plans'][q['principle']]
                text = plan.strip() if plan and plan.strip() else None
            answers.append({'id': q['id'], 'choice': None, 'text': text, 'status': 'answered' if text else 'missing'})
            continue
        ticked = case['ticks'][q['id']]
        choice = None if ticked in ('none', 'both') else ticked
        status = 'answered' if choice else ('ambiguous' if ticked == 'both' else 'missing')
        entry = {'id': q['id'], 'choice': choice, 'text': text, 'status': status}
        if q['id'] in case['inferred']:
            assert ticked == 'none'
            entry['choice'], entry['note'] = case['inferred'][q['id']]
            entry['status'] = 'answered'
        answers.append(entry)
    plans = [{'principle': p, 'text': (case['plans'][p] or '').strip() or None} for p in range(1, 13)]
    return {'organisation': org, 'answers': answers, 'actionPlans': plans}


# ------------------------------------------------------------------ LibreOffice

def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


class Office:
    """A private headless soffice (own profile, own pipe), ended by its own pid."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix='lo-cases-profile-')
        self.pipe = f'scc_lo_cases_{os.getpid()}'
        self.proc = subprocess.Popen(
            ['soffice', '--headless', '--invisible', '--nologo', '--norestore', '--nodefault',
             f'-env:UserInstallation=file://{self.profile}', f'--accept=pipe,name={self.pipe};urp;'],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        for _ in range(120):
            try:
                self.ctx = resolver.resolve(f'uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext')
                break
            except Exception:
                time.sleep(0.5)
        else:
            self.close()
            raise RuntimeError('soffice did not start')
        self.desktop = self.ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', self.ctx)

    def close(self):
        try:
            self.desktop.terminate()
        except Exception:
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


class Author:
    """Types one case into a new Writer document, appending at the end as a person would."""

    def __init__(self, office, case):
        self.case = case
        self.doc = office.desktop.loadComponentFromURL('private:factory/swriter', '_blank', 0, (prop('Hidden', True),))
        self.text = self.doc.Text
        self.cur = self.text.createTextCursor()
        self.fresh = True  # the paragraph at the cursor is empty and unused
        self.boxes = {'checked': 0, 'unchecked': 0}
        self.check_no = 0
        self.setup_styles()

    # -- styles and page
    def setup_styles(self):
        fam = self.doc.StyleFamilies
        para = fam.getByName('ParagraphStyles')
        for name in ('Standard', 'Heading', 'Title'):
            st = para.getByName(name)
            st.CharFontName = 'Arial'
            st.CharFontNameAsian = 'Arial'
        std = para.getByName('Standard')
        std.CharHeight = 10.0
        std.ParaBottomMargin = 150
        para.getByName('Heading 1').CharHeight = 14.0
        para.getByName('Heading 2').CharHeight = 12.0
        para.getByName('Heading 3').CharHeight = 11.0
        for name in ('Title', 'Heading 1', 'Heading 2'):
            para.getByName(name).CharColor = 0x1F3864
        tc = para.getByName('Table Contents')
        tc.ParaBottomMargin = 60
        page = fam.getByName('PageStyles').getByName('Standard')
        page.Width, page.Height = 21000, 29700
        page.LeftMargin = page.RightMargin = 2000
        page.TopMargin = page.BottomMargin = 1800
        if self.case.get('header'):
            page.HeaderIsOn = True
            ht = page.HeaderText
            c = ht.createTextCursor()
            ht.insertString(c, self.case['header'], False)
            c.gotoStart(False)
            c.gotoEnd(True)
            c.ParaAdjust = CENTER
            c.CharWeight = BOLD
        if self.case.get('footer'):
            page.FooterIsOn = True
            ft = page.FooterText
            c = ft.createTextCursor()
            ft.insertString(c, f"{self.case['organisation']['name']} \u2013 Surveillance camera self assessment \u2013 Page ", False)
            num = self.doc.createInstance('com.sun.star.text.textfield.PageNumber')
            num.NumberingType = 4  # ARABIC
            num.SubType = uno.Enum('com.sun.star.text.PageNumberType', 'CURRENT')
            c.gotoEnd(False)
            ft.insertTextContent(c, num, False)
            c.gotoStart(False)
            c.gotoEnd(True)
            c.CharHeight = 8.0

    # -- runs: (text, {'bold':…, 'italic':…}) | ('box', checked) | ('cc', checked)
    def put_runs(self, text, cur, runs):
        for r in runs:
            cur.gotoEnd(False)
            kind = r[0]
            if kind == 'box':
                self.form_checkbox(text, cur, r[1])
            elif kind == 'cc':
                self.content_control(text, cur, r[1])
            else:
                s, fmt = r[1], r[2] if len(r) > 2 else {}
                if not s:
                    continue
                text.insertString(cur, s, False)
                cur.goLeft(len(s), True)
                # Hard formatting only where asked; otherwise the paragraph style's (a heading stays bold).
                if fmt.get('bold'):
                    cur.CharWeight = BOLD
                else:
                    cur.setPropertyToDefault('CharWeight')
                if fmt.get('italic'):
                    cur.CharPosture = ITALIC
                else:
                    cur.setPropertyToDefault('CharPosture')
                cur.collapseToEnd()

    def form_checkbox(self, text, cur, checked):
        self.check_no += 1
        fm = self.doc.createInstance('com.sun.star.text.FormFieldmark')
        text.insertTextContent(cur, fm, False)
        fm.setFieldType(FORMCHECKBOX)  # only settable once attached
        fm.setName(f'Check{self.check_no}')
        fm.Checked = bool(checked)
        self.boxes['checked' if checked else 'unchecked'] += 1

    def content_control(self, text, cur, checked):
        glyph = '\u2612' if checked else '\u2610'
        text.insertString(cur, glyph, False)
        cur.goLeft(1, True)
        cur.CharFontName = 'MS Gothic'
        cur.CharFontNameAsian = 'MS Gothic'
        cur.setPropertyToDefault('CharWeight')
        cur.CharHeight = 12.0
        cc = self.doc.createInstance('com.sun.star.text.ContentControl')
        cc.Checkbox = True
        cc.Checked = bool(checked)
        cc.CheckedState = '\u2612'
        cc.UncheckedState = '\u2610'
        text.insertTextContent(cur, cc, True)
        cur.gotoEnd(False)
        self.boxes['checked' if checked else 'unchecked'] += 1

    # -- body paragraphs
    def para(self, runs, style='Standard', page_break=False, keep_next=False, bullet=False, adjust=LEFT, tabs=(), space_before=0):
        if isinstance(runs, str):
            runs = [('t', runs)]
        self.cur.gotoEnd(False)
        if not self.fresh:
            self.text.insertControlCharacter(self.cur, PARAGRAPH_BREAK, False)
        self.fresh = False
        c = self.cur
        c.ParaStyleName = style
        c.BreakType = PAGE_BEFORE if page_break else NO_BREAK
        c.ParaKeepTogether = keep_next  # Writer's 'keep with next paragraph'
        c.ParaAdjust = adjust
        c.NumberingStyleName = 'List 1' if bullet else ''
        # A new paragraph inherits the previous one's hard formatting: reset what is not asked for.
        if space_before:
            c.ParaTopMargin = space_before
        else:
            c.setPropertyToDefault('ParaTopMargin')
        if tabs:
            stops = []
            for pos in tabs:
                ts = uno.createUnoStruct('com.sun.star.style.TabStop')
                ts.Position = pos
                stops.append(ts)
            c.ParaTabStops = tuple(stops)
        else:
            c.setPropertyToDefault('ParaTabStops')
        self.put_runs(self.text, c, runs)

    def table(self, rows, seps, merges):
        """A table of len(rows) rows; seps: column separator positions out of 10000; merges: {row: [(first col, last col)]}."""
        ncols = len(seps) + 1
        t = self.doc.createInstance('com.sun.star.text.TextTable')
        t.initialize(len(rows), ncols)
        self.cur.gotoEnd(False)
        if not self.fresh:
            self.text.insertControlCharacter(self.cur, PARAGRAPH_BREAK, False)
        self.text.insertTextContent(self.cur, t, False)
        self.fresh = True
        cs = t.TableColumnSeparators
        for i, pos in enumerate(seps):
            cs[i].Position = pos
        t.TableColumnSeparators = cs
        # Merge from the right so column letters to the left stay put.
        for r, spans in merges.items():
            for a, b in sorted(spans, reverse=True):
                tc = t.createCursorByCellName(f'{chr(65 + a)}{r + 1}')
                tc.gotoCellByName(f'{chr(65 + b)}{r + 1}', True)
                tc.mergeRange()
        return t

    def fill(self, t, name, paras, shade=None, center=False, vcenter=False):
        """paras: list of run lists (one per paragraph)."""
        cell = t.getCellByName(name)
        if shade is not None:
            cell.BackColor = shade
        if vcenter:
            cell.VertOrient = 2  # com.sun.star.text.VertOrientation.CENTER
        cur = cell.createTextCursor()
        for i, runs in enumerate(paras):
            cur.gotoEnd(False)
            if i:
                cell.insertControlCharacter(cur, PARAGRAPH_BREAK, False)
            cur.ParaStyleName = 'Table Contents'
            cur.ParaAdjust = CENTER if center else LEFT
            self.put_runs(cell, cur, runs)

    # -- the form
    def box(self, checked):
        return ('cc' if self.case['boxes'] == 'content-control' else 'box', checked)

    def states(self, q):
        t = self.case['ticks'][q['id']]
        opts = ['yes', 'no', 'na'] if q['type'] == 'yesno-na-text' else ['yes', 'no']
        return [(o, t == o or (t == 'both' and o != 'na')) for o in opts]

    def question_text(self, q):
        wording = self.case['wording'].get(q['id'], q['text'])
        return (f"{q['number']}. " if q['number'] is not None else '') + wording

    def answer_paras(self, text):
        lines = [l for l in (text or '').split('\n') if l.strip()]
        return [[('t', l)] for l in lines] or [[]]

    def title_block(self):
        o = self.case['organisation']
        self.para('Surveillance Camera Code of Practice', style='Title')
        self.para([('t', 'Self Assessment Tool', {'bold': True})], style='Subtitle')
        rows = [
            ('Name of organisation', o['name']),
            ('Scope of surveillance camera system', o['scope']),
            ('Senior Responsible Officer', o['seniorResponsibleOfficer']),
            ('Position within organisation', o['position']),
            ('Signature', o.get('signature', '')),
            ('Date of sign off', o['signOffDateRaw']),
        ]
        t = self.table(rows, [3600], {})
        for i, (label, value) in enumerate(rows):
            self.fill(t, f'A{i + 1}', [[('t', label, {'bold': True})]], shade=SHADE_LABEL)
            self.fill(t, f'B{i + 1}', [[('t', value)]] if value else [[]])
        self.para('Complete the questions under each principle. Tick Yes or No where a box is given and explain your answer in the box below.', style='Standard', space_before=300)

    def render(self):
        self.title_block()
        if self.case['layout'] == 'table':
            self.table_layout()
        else:
            self.paragraph_layout()

    def table_layout(self):
        seps = [5900, 6400, 7200, 7700, 8500, 9000]  # Q | box Yes | box No | box N/A
        for i, p in enumerate(PRINCIPLES):
            self.para(f"Principle {p['number']}", style='Heading 2', page_break=(i == 0), keep_next=True)
            self.para([('t', p['statement'], {'italic': True})], keep_next=True)
            qs = [q for q in QUESTIONS if q['principle'] == p['number']]
            rows, merges = [], {}

            def full(kind, payload):
                merges[len(rows)] = [(0, 6)]
                rows.append((kind, payload))

            for q in qs:
                own = self.case['texts'].get(q['id'])
                if q['type'] == 'open':
                    full('question', q)
                    # Principle 1's action question is answered in the Action Plan box unless written here.
                    if not (q['action'] and not (own and own.strip())):
                        full('answer', own)
                    continue
                if q['type'] != 'yesno-na-text':
                    merges[len(rows)] = [(5, 6)]
                rows.append(('boxes', q))
                if q['type'] != 'yesno':
                    full('answer', own)
            full('plan-label', None)
            full('plan', self.case['plans'][p['number']])
            t = self.table(rows, seps, merges)
            for r, (kind, payload) in enumerate(rows):
                n = r + 1
                if kind == 'question':
                    self.fill(t, f'A{n}', [[('t', self.question_text(payload))]], shade=SHADE_QUESTION)
                elif kind == 'answer' or kind == 'plan':
                    self.fill(t, f'A{n}', self.answer_paras(payload))
                elif kind == 'plan-label':
                    self.fill(t, f'A{n}', [[('t', 'Action Plan', {'bold': True})]], shade=SHADE_LABEL)
                else:
                    q = payload
                    self.fill(t, f'A{n}', [[('t', self.question_text(q))]], shade=SHADE_QUESTION)
                    for k, (opt, checked) in enumerate(self.states(q)):
                        self.fill(t, f'{chr(66 + 2 * k)}{n}', [[self.box(checked)]], center=True, vcenter=True)
                        self.fill(t, f'{chr(67 + 2 * k)}{n}', [[('t', LABELS[opt])]], vcenter=True)
                    t.Rows.getByIndex(r).IsSplitAllowed = False
            self.fresh = True

    def paragraph_layout(self):
        bullets = set(self.case.get('bullets', []))
        for i, p in enumerate(PRINCIPLES):
            self.para(f"Principle {p['number']}", style='Heading 1', page_break=(i == 0), keep_next=True)
            self.para([('t', p['statement'], {'italic': True})], keep_next=True)
            for q in [q for q in QUESTIONS if q['principle'] == p['number']]:
                own = self.case['texts'].get(q['id'])
                self.para([('t', self.question_text(q), {'bold': True})], keep_next=True)
                if q['type'] != 'open':
                    runs = []
                    for k, (opt, checked) in enumerate(self.states(q)):
                        if k:
                            runs.append(('t', '\t'))
                        runs += [self.box(checked), ('t', ' ' + LABELS[opt])]
                    self.para(runs, keep_next=q['type'] != 'yesno', tabs=(3000, 6000))
                if q['type'] == 'yesno' or (q['action'] and not (own and own.strip())):
                    continue
                lines = [l for l in (own or '').split('\n') if l.strip()]
                if not lines:
                    self.para('')
                for line in lines:
                    self.para(line, bullet=q['id'] in bullets)
            self.para([('t', 'Action Plan', {'bold': True})], style='Heading 3', keep_next=True)
            plan = self.case['plans'][p['number']]
            lines = [l for l in (plan or '').split('\n') if l.strip()] or ['']
            for line in lines:
                self.para(line)

    def save(self, path):
        props = self.doc.DocumentProperties
        props.Title = 'Surveillance Camera Code of Practice self assessment'
        props.Author = self.case['organisation']['name']
        self.doc.storeToURL(uno.systemPathToFileUrl(path), (prop('FilterName', 'MS Word 2007 XML'),))
        self.doc.close(True)


def verify_docx(path, case, counts):
    """The saved DOCX carries the checkboxes as Word encodes them, with the states the case ticked."""
    xml = zipfile.ZipFile(path).read('word/document.xml').decode('utf-8')
    total = counts['checked'] + counts['unchecked']
    if case['boxes'] == 'form-field':
        found = {
            'FORMCHECKBOX instrText': len(re.findall(r'<w:instrText[^>]*> FORMCHECKBOX </w:instrText>', xml)),
            'w:ffData/w:checkBox': len(re.findall(r'<w:ffData>.*?<w:checkBox>.*?</w:checkBox>.*?</w:ffData>', xml)),
            'w:checked (on)': len(re.findall(r'<w:checked/>|<w:checked w:val="(?:1|true)"/>', xml)),
        }
        want = {'FORMCHECKBOX instrText': total, 'w:ffData/w:checkBox': total, 'w:checked (on)': counts['checked']}
    else:
        found = {
            'w:sdt w14:checkbox': len(re.findall(r'<w:sdtPr>(?:(?!</w:sdtPr>).)*<w14:checkbox>', xml)),
            'w14:checked 1': len(re.findall(r'<w14:checked w14:val="1"/>', xml)),
            'w14:checked 0': len(re.findall(r'<w14:checked w14:val="0"/>', xml)),
        }
        want = {'w:sdt w14:checkbox': total, 'w14:checked 1': counts['checked'], 'w14:checked 0': counts['unchecked']}
    print(f'  {os.path.basename(os.path.dirname(path))}: ' + ', '.join(f'{k} {found[k]}/{want[k]}' for k in want))
    if found != want:
        raise SystemExit(f'{path}: checkbox encoding check failed: {found} != {want}')


def main(argv):
    corpus = os.path.abspath(argv[0]) if argv else os.path.join(ROOT, 'corpus')
    only = set(argv[1:])
    office = Office()
    try:
        for case in CASES:
            if only and case['name'] not in only:
                continue
            check_case(case)
            out = os.path.join(corpus, case['name'])
            os.makedirs(out, exist_ok=True)
            author = Author(office, case)
            author.render()
            docx = os.path.join(out, 'input.docx')
            author.save(docx)
            verify_docx(docx, case, author.boxes)
            with open(os.path.join(out, 'expected.json'), 'w', encoding='utf-8') as f:
                f.write(json.dumps(expected(case), indent=2, ensure_ascii=False) + '\n')
            print(out)
    finally:
        office.close()


if __name__ == '__main__':
    main(sys.argv[1:])
