#!/usr/bin/python3
"""
Builds the corpus/rt-* red-team cases: realistic published self-assessments
in the layouts councils and police forces actually use, each with the
expected.json that follows the rules in the brief (see cases.py for the data).

    /usr/bin/python3 corpus/build/redteam/build.py [case-name ...]

PDFs are printed by LibreOffice (headless, private profile) from the DOCX or
HTML written here, as an organisation "saving as PDF" would.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
sys.path.insert(0, HERE)
from ooxml import (P, R, TABLE, CELL, FIELD, FORMCHECK, CONTENTCHECK, write_docx)  # noqa: E402
from cases import CASES  # noqa: E402
import policy  # noqa: E402
from catalogue_ts import load_catalogue  # noqa: E402

PRINCIPLES, QUESTIONS = load_catalogue()

DPIA_NOTE = ("Before May 2018 the requirement was to complete a privacy impact assessment; this has been replaced by a "
             "data protection impact assessment. There is a surveillance camera specific template on the Surveillance "
             "Camera Commissioner's website:")
DPIA_LINK = 'https://www.gov.uk/government/publications/privacy-impact-assessments-for-surveillance-cameras'
SPOC_NOTE = 'Guidance on single point of contact:'
SPOC_LINK = ('https://www.gov.uk/government/publications/introducing-a-single-point-of-contact-guidance-for-local-authorities/'
             'introducing-a-single-point-of-contact')
STANDARDS_NOTE = ("(There are lists of relevant standards on the Surveillance Camera Commissioner's website: "
                  "https://www.gov.uk/guidance/recommended-standards-for-the-cctv-industry)")
INTRO = [
    ('h', 'Self Assessment Tool'),
    ('p', 'How well does your organisation comply with the 12 guiding principles of the Surveillance Camera Code of '
          'Practice? Complete this easy to use self assessment tool to find out if you do.'),
    ('h', 'Using this tool'),
    ('p', "This self assessment tool has been prepared by the Surveillance Camera Commissioner (SCC) to help you and your "
          "organisation identify if you're complying with the Surveillance Camera Code of Practice (the Code). It should be "
          "completed in conjunction with the Code, and can help to show you how well you comply with each of its 12 "
          "guiding principles."),
    ('p', 'It is possible to be largely compliant with some principles and to fall short against others. As a result you will '
          'note that at the end of the questions against each principle there is a space to include an action plan. This is '
          'so you can put actions in place over the next year to improve your compliance to that principle. These boxes can '
          'also be used to make a note of what evidence you could produce if required to show your compliance to that principle.'),
]
TITLE_LABELS = [('name', 'Name of organisation'), ('scope', 'Scope of surveillance camera system'),
                ('seniorResponsibleOfficer', 'Senior Responsible Officer'), ('position', 'Position within organisation'),
                ('signature', 'Signature'), ('date', 'Date of sign off')]


# ------------------------------------------------------------------ the case, question by question

def strip_marker(item):
    return re.sub(r'^\*+ ', '', item)


def item_level(item):
    m = re.match(r'^(\*+) ', item)
    return len(m.group(1)) if m else 0


def case_texts(case):
    out = {}
    for k, items in case['texts'].items():
        out[k] = [i.format(**case['subs']) if '{' in i else i for i in items]
    return out


def plan_of(case, p):
    return case['plans'].get(p) or []


def printed_questions(case):
    """The questions the document prints, in order, with the label it gives them."""
    out = []
    seq = 0
    for q in QUESTIONS:
        if q['id'] in case['deleted']:
            continue
        seq += 1
        scheme, fmt = case['numbering'], case['numfmt']
        if scheme == 'none':
            label = ''
        elif scheme == 'template':
            label = '' if q['number'] is None else fmt.format(n=q['number'])
        elif scheme == 'shifted':
            label = fmt.format(n=q['index'] if q['number'] is None else q['number'] + 5)
        elif scheme == 'restart':
            label = fmt.format(n=q['index'])
        elif scheme == 'sequential':
            label = fmt.format(n=seq)
        elif scheme == 'ref':
            label = fmt.format(p=q['principle'], i=q['index'])
        else:
            raise ValueError(scheme)
        wording = case['wording'].get(q['id'], q['text'])
        out.append(dict(q, label=label, wording=wording))
    return out


def guidance_after(qid):
    if qid == 'P2.3':
        return [DPIA_NOTE, DPIA_LINK]
    if qid == 'P4.3':
        return [SPOC_NOTE + ' ' + SPOC_LINK]
    return []


def options_for(q):
    return ['yes', 'no', 'na'] if q['type'] == 'yesno-na-text' else ['yes', 'no']


LABEL = {'yes': 'Yes', 'no': 'No', 'na': 'N/A'}


def ticked(mark, opt):
    return mark == opt or (mark == 'both' and opt in ('yes', 'no'))


# ------------------------------------------------------------------ expected.json (the brief's rules)

def expected(case):
    texts = case_texts(case)
    org = {k: case['org'][k] for k in ('name', 'scope', 'seniorResponsibleOfficer', 'position', 'signOffDate')}
    answers = []
    for q in QUESTIONS:
        qid = q['id']
        if qid in case['deleted']:
            answers.append(dict(id=qid, choice=None, text=None, status='missing',
                                note='Question deleted from the document.'))
            continue
        items = texts.get(qid, []) if q['type'] != 'yesno' else []
        text = '\n'.join(strip_marker(i) for i in items) or None
        plan = plan_of(case, q['principle'])
        if q['type'] == 'open':
            e = dict(id=qid, choice=None, text=text, status='answered' if text else 'missing')
            if text is None and q['action'] and plan:
                e['text'] = '\n'.join(plan)
                e['status'] = 'answered'
                e['note'] = "Principle 1's Action Plan text."
            answers.append(e)
            continue
        mark = case['marks'][qid]
        if case['boxes'] == 'response':
            answers.append(expected_response(case, q, items, plan))
            continue
        choice = mark if mark in ('yes', 'no', 'na') else None
        note = None
        if mark in ('none', 'omit'):
            m = re.match(r'^(Yes|No)\s*[-\u2013]', text or '')
            if m:
                choice = m.group(1).lower()
                note = f"No box ticked; the answer opens '{m.group(0)}'."
            elif qid == 'P5.9' and text in ('N/A', 'NA'):
                choice = 'na'
                note = "Drone question: no box ticked, answered only 'N/A'."
            elif q['action'] and plan and re.match(r'^Yes\s*[-\u2013]', plan[0]):
                choice = 'yes'
                note = f"No box ticked; the Action Plan opens '{plan[0][:20]}...'."
        if case['boxes'] == 'sole' and mark in ('yes', 'no', 'na'):
            note = 'Only this option left printed.'
        status = 'answered' if choice else ('ambiguous' if mark == 'both' else 'missing')
        e = dict(id=qid, choice=choice, text=text, status=status)
        if mark == 'both':
            e['note'] = 'Both boxes ticked.'
        if note:
            e['note'] = note
        answers.append(e)
    plans = [dict(principle=p, text='\n'.join(plan_of(case, p)) or None) for p in range(1, 13)]
    return dict(organisation=org, answers=answers, actionPlans=plans)


def response_word(case, q):
    """What the Response cell of a Yes/No question opens with, in the response-column layout."""
    mark = case['marks'][q['id']]
    if q['id'] in case.get('response', {}):
        return case['response'][q['id']]
    return {'yes': 'Yes', 'no': 'No', 'none': ''}[mark]


def expected_response(case, q, items, plan):
    word = response_word(case, q)
    expl = [strip_marker(i) for i in items]
    choice, note = None, None
    if word in ('Yes', 'No'):
        choice = word.lower()
        text = '\n'.join(expl) or None
        note = f"Response cell reads '{word}'."
    else:
        text = '\n'.join(([word] if word else []) + expl) or None
        m = re.match(r'^(Yes|No)\s*[-\u2013]', word)
        if m:
            choice = m.group(1).lower()
            note = f"Response opens '{m.group(0)}'."
        elif q['id'] == 'P5.9' and text in ('N/A', 'NA'):
            choice = 'na'
            note = "Drone question answered only 'N/A'."
        elif word == 'N/A':
            note = "'N/A' is not an option of this question: kept as text, no choice."
        elif q['action'] and plan and re.match(r'^Yes\s*[-\u2013]', plan[0]):
            choice = 'yes'
    e = dict(id=q['id'], choice=choice, text=text, status='answered' if choice else 'missing')
    if note:
        e['note'] = note
    return e


# ------------------------------------------------------------------ DOCX

def docx_answer_paras(items, after=None):
    out = []
    for it in items:
        lvl = item_level(it)
        if lvl:
            out.append(P(strip_marker(it), style='ListParagraph', num=1, lvl=lvl - 1))
        else:
            out.append(P(it, after=after))
    return out


def docx_title(case, grid=(3400, 6012)):
    org = case['org']
    rows = []
    body = []
    vals = dict(org, signature='', date=org['raw_date'])
    if case['title'] in ('table', 'table-no-sro'):
        for key, label in TITLE_LABELS:
            if case['title'] == 'table-no-sro' and key == 'seniorResponsibleOfficer':
                continue
            v = vals.get(key) or ''
            rows.append([CELL(P(R(label, b=True)), grid[0], shade='DEEAF6'), CELL(P(v), grid[1])])
        body.append(TABLE(rows, list(grid)))
        body.append(P())
    elif case['title'] == 'table-4col':
        w = [2100, 2606, 2100, 2606]
        lab = lambda t: CELL(P(R(t, b=True)), 2100, shade='DEEAF6')
        rows = [[lab('Name of organisation'), CELL(P(org['name']), w[1]), lab('Date of sign off'), CELL(P(org['raw_date']), w[3])],
                [lab('Senior Responsible Officer'), CELL(P(org['seniorResponsibleOfficer']), w[1]),
                 lab('Position within organisation'), CELL(P(org['position']), w[3])],
                [lab('Scope of surveillance camera system'), CELL(P(org['scope']), sum(w[1:]), span=3)]]
        body.append(TABLE(rows, w))
        body.append(P())
    elif case['title'] == 'colon-short':
        short = [('name', 'Organisation'), ('scope', 'Scope'), ('seniorResponsibleOfficer', 'Senior Responsible Officer'),
                 ('position', 'Position'), ('date', 'Date of sign off')]
        for key, label in short:
            body.append(P(R(label + ': ', b=True), R(vals[key]), after=60))
        body.append(P())
    else:
        raise ValueError(case['title'])
    return body


def box_run(case, on):
    if case['boxes'] == 'glyph':
        return R('\u2612' if on else '\u2610', font='MS Gothic')
    if case['boxes'] == 'formfield':
        return FORMCHECK(on)
    if case['boxes'] == 'contentcontrol':
        return CONTENTCHECK(on)
    raise ValueError(case['boxes'])


def render_docx_table(case):
    texts = case_texts(case)
    grid = [2606, 2606, 1400, 1400, 1400]
    W = sum(grid)
    body = []
    if case.get('doc_title'):
        body.append(P(case['doc_title'], style='Title'))
    if case.get('intro'):
        for kind, t in INTRO:
            body.append(P(t, style='Heading2') if kind == 'h' else P(t))
    body += docx_title(case)
    pq = printed_questions(case)
    for p in range(1, 13):
        rows = [[CELL([P(R(f'Principle {p}', b=True, sz=26)), P(PRINCIPLES[p])], W, span=5, shade='DEEAF6')]]
        if p == 8 and case.get('guidance', True):
            rows.append([CELL(P(R(STANDARDS_NOTE, i=True, sz=18)), W, span=5)])
        for q in [x for x in pq if x['principle'] == p]:
            qtext = (q['label'] + ' ' if q['label'] else '') + q['wording']
            items = texts.get(q['id'], []) if q['type'] != 'yesno' else []
            if q['type'] == 'open':
                rows.append([CELL(P(qtext), W, span=5, shade='F2F2F2')])
                if not q['action']:
                    rows.append([CELL(docx_answer_paras(items), W, span=5)])
            else:
                mark = case['marks'][q['id']]
                opts = options_for(q)
                qspan = 5 - len(opts)
                cells = [CELL(P(qtext), sum(grid[:qspan]), span=qspan, shade='F2F2F2', valign='center')]
                for o in opts:
                    cells.append(CELL(P(box_run(case, ticked(mark, o)), R(' ' + LABEL[o]), align='center'), 1400, valign='center'))
                rows.append(cells)
                if case.get('guidance', True):
                    for g in guidance_after(q['id']):
                        rows.append([CELL(P(R(g, i=True, sz=18)), W, span=5)])
                if not q['action'] and (q['type'] != 'yesno' or items):
                    rows.append([CELL(docx_answer_paras(items), W, span=5)])
            if q['action']:
                plan = plan_of(case, p)
                rows.append([CELL(P(R('Action Plan', b=True)), grid[0], shade='DEEAF6'),
                             CELL([P(t) for t in plan] or [P()], W - grid[0], span=4)])
        body.append(TABLE(rows, grid))
        body.append(P())
    return body


def render_docx_para(case):
    texts = case_texts(case)
    body = []
    body.append(P(case.get('doc_title') or 'Surveillance Camera Code of Practice Self Assessment', style='Title'))
    body += docx_title(case)
    pq = printed_questions(case)
    for p in range(1, 13):
        body.append(P(f'Principle {p}', style='Heading1'))
        body.append(P(R(PRINCIPLES[p], i=True)))
        if p == 8 and case.get('guidance', True):
            body.append(P(R(STANDARDS_NOTE, i=True, sz=18)))
        for q in [x for x in pq if x['principle'] == p]:
            qtext = (q['label'] + ' ' if q['label'] else '') + q['wording']
            items = texts.get(q['id'], []) if q['type'] != 'yesno' else []
            body.append(P(R(qtext, b=True), keep_next=True, before=160))
            if q['type'] != 'open':
                mark = case['marks'][q['id']]
                opts = options_for(q)
                b = case['boxes']
                if b == 'tick-after':
                    for o in opts:
                        body.append(P(LABEL[o] + (' \u2713' if ticked(mark, o) else ''), after=40, ind=360))
                elif b == 'sole':
                    if mark in opts:
                        body.append(P(LABEL[mark], ind=360))
                    elif mark == 'none':
                        for o in opts:
                            body.append(P(LABEL[o], after=40, ind=360))
                    elif mark != 'omit':
                        raise ValueError((q['id'], mark))
                elif b == 'contentcontrol':
                    runs = []
                    for o in opts:
                        runs += [CONTENTCHECK(ticked(mark, o)), R(' ' + LABEL[o] + '\t')]
                    body.append(P(*runs, ind=360))
                else:
                    raise ValueError(b)
            if case.get('guidance', True):
                for g in guidance_after(q['id']):
                    body.append(P(R(g, i=True, sz=18)))
            if not q['action']:
                body += docx_answer_paras(items)
            else:
                plan = plan_of(case, p)
                body.append(P(R('Action Plan', b=True), keep_next=True, before=120))
                body.append(TABLE([[CELL([P(t) for t in plan] or [P()], 9400)]], [9400]))
                body.append(P())
    return body


def render_docx_response(case):
    texts = case_texts(case)
    grid = [800, 4900, 3712]
    W = sum(grid)
    body = [P(case['doc_title'], style='Title')]
    body += docx_title(case)
    pq = printed_questions(case)
    head = [CELL(P(R(t, b=True, color='FFFFFF')), w, shade='1F3864') for t, w in zip(('Ref', 'Question', 'Response'), grid)]
    for p in range(1, 13):
        rows = [head, [CELL([P(R(f'Principle {p}', b=True)), P(R(PRINCIPLES[p], i=True))], W, span=3, shade='DEEAF6')]]
        if p == 8:
            rows.append([CELL(P(R(STANDARDS_NOTE, i=True, sz=18)), W, span=3)])
        for q in [x for x in pq if x['principle'] == p]:
            items = texts.get(q['id'], []) if q['type'] != 'yesno' else []
            cell = []
            if q['type'] != 'open':
                word = response_word(case, q)
                if word:
                    cell.append(P(word))
            if not (q['type'] == 'open' and q['action']):
                cell += docx_answer_paras(items)
            rows.append([CELL(P(q['label']), grid[0]), CELL(P(q['wording']), grid[1]), CELL(cell, grid[2])])
            for g in guidance_after(q['id']):
                rows.append([CELL(P(R(g, i=True, sz=18)), W, span=3)])
            if q['action']:
                plan = plan_of(case, p)
                first = [P(R('Action Plan: ', b=True), R(plan[0] if plan else ''))]
                rows.append([CELL(first + [P(t) for t in plan[1:]], W, span=3)])
        body.append(TABLE(rows, grid, header_rows=1))
        body.append(P())
    return body


def header_footer(case):
    hdr = [P(R(t, b=True), style='Header', align='center') for t in case.get('header') or []] or None
    ftr = None
    if case.get('footer'):
        parts = re.split(r'(\{PAGE\}|\{NUMPAGES\})', case['footer'])
        runs = []
        for part in parts:
            if part == '{PAGE}':
                runs.append(FIELD('PAGE', '1'))
            elif part == '{NUMPAGES}':
                runs.append(FIELD('NUMPAGES', '1'))
            elif part:
                runs.append(R(part, sz=18))
        ftr = [P(*runs, style='Footer', align='center')]
    return hdr, ftr


# ------------------------------------------------------------------ HTML (printed by Writer)

def h(s):
    return html.escape(s, quote=False)


def html_items(items):
    out, in_list = [], False
    for it in items:
        if item_level(it):
            if not in_list:
                out.append('<ul>')
                in_list = True
            out.append(f'<li>{h(strip_marker(it))}</li>')
        else:
            if in_list:
                out.append('</ul>')
                in_list = False
            out.append(f'<p>{h(it)}</p>')
    if in_list:
        out.append('</ul>')
    return out


def render_html(case):
    texts = case_texts(case)
    org = case['org']
    o = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>CCTV Self Assessment</title>',
         '<style>body{font-family:Arial;font-size:11pt} h1{font-size:18pt;color:#1F3864} h2{font-size:14pt;color:#1F3864}'
         ' p{margin-top:0;margin-bottom:6pt} .g{font-style:italic;font-size:9pt} td{font-family:Arial;font-size:11pt}</style></head><body>']
    o.append(f'<h1>{h(org["name"])}<br>Surveillance Camera Code of Practice - Self Assessment</h1>')
    vals = dict(org, signature='', date=org['raw_date'])
    for key, label in TITLE_LABELS:
        o.append(f'<p><b>{h(label)}</b></p>')
        v = vals.get(key)
        if v:
            o.append(f'<p>{h(v)}</p>')
        else:
            o.append('<p></p>')
    pq = printed_questions(case)
    for p in range(1, 13):
        o.append(f'<h2>Principle {p}</h2><p><i>{h(PRINCIPLES[p])}</i></p>')
        if p == 8:
            o.append(f'<p class="g">{h(STANDARDS_NOTE)}</p>')
        for q in [x for x in pq if x['principle'] == p]:
            qtext = (q['label'] + ' ' if q['label'] else '') + q['wording']
            items = texts.get(q['id'], []) if q['type'] != 'yesno' else []
            o.append(f'<p style="margin-top:10pt"><b>{h(qtext)}</b></p>')
            if q['type'] != 'open':
                mark = case['marks'][q['id']]
                opts = options_for(q)
                o.append('<p>' + '&nbsp;&nbsp;&nbsp;&nbsp;'.join(
                    f'[{"X" if ticked(mark, x) else "&nbsp;"}] {LABEL[x]}' for x in opts) + '</p>')
            for g in guidance_after(q['id']):
                o.append(f'<p class="g">{h(g)}</p>')
            if not q['action']:
                o += html_items(items)
            else:
                plan = plan_of(case, p)
                cell = ''.join(f'<p>{h(t)}</p>' for t in plan) or '<p>&nbsp;</p>'
                o.append('<p><b>Action Plan</b></p><table border="1" cellpadding="6" cellspacing="0" width="100%">'
                         f'<tr><td>{cell}</td></tr></table><p></p>')
    o.append('</body></html>')
    return '\n'.join(o)


# ------------------------------------------------------------------ text (as pdftotext -layout leaves a PDF)

def render_text_layout(case):
    texts = case_texts(case)
    org = case['org']
    W = 92
    lines = []

    def para(t, indent=0, hang=0):
        w = textwrap.wrap(t, W - indent, subsequent_indent=' ' * hang)
        lines.extend(' ' * indent + x for x in w)

    lines += ['', '                         Surveillance Camera Code of Practice', '                               Self Assessment Tool', '']
    vals = dict(org, signature='', date=org['raw_date'])
    for key, label in TITLE_LABELS:
        v = vals.get(key) or ''
        w = textwrap.wrap(v, W - 42) or ['']
        lines.append(f'  {label:<40}{w[0]}'.rstrip())
        for x in w[1:]:
            lines.append(' ' * 42 + x)
        lines.append('')
    pq = printed_questions(case)
    for p in range(1, 13):
        lines += ['', f'Principle {p}']
        para(PRINCIPLES[p])
        if p == 8:
            para(STANDARDS_NOTE)
        lines.append('')
        for q in [x for x in pq if x['principle'] == p]:
            qtext = (q['label'] + ' ' if q['label'] else '') + q['wording']
            items = texts.get(q['id'], []) if q['type'] != 'yesno' else []
            para(qtext, 0, 4 if q['label'] else 0)
            if q['type'] != 'open':
                mark = case['marks'][q['id']]
                lines.append('          ' + '        '.join(
                    f'{LABEL[x]} [{"X" if ticked(mark, x) else " "}]' for x in options_for(q)))
            for g in guidance_after(q['id']):
                para(g, 4)
            if not q['action']:
                for it in items:
                    lvl = item_level(it)
                    if lvl:
                        para('\u2022   ' + strip_marker(it), 4 + 4 * (lvl - 1), 4)
                    else:
                        para(it, 4)
            else:
                lines.append('')
                lines.append('    Action Plan')
                for t in plan_of(case, p):
                    para(t, 4)
            lines.append('')
    # paginate
    per = 56
    pages = [lines[i:i + per] for i in range(0, len(lines), per)]
    n = len(pages)
    out = []
    for k, pg in enumerate(pages, 1):
        block = ['                                            OFFICIAL', ''] + pg
        block += [''] * (per - len(pg))
        block += ['', f'                                 Page {k} of {n} | CCTV Self Assessment v2', '']
        out.append('\n'.join(block))
    return '\f'.join(out)


# ------------------------------------------------------------------ Markdown

def render_markdown(case):
    texts = case_texts(case)
    org = case['org']
    o = [f'# {org["name"]}: Surveillance Camera Code of Practice Self Assessment', '',
         'This self assessment is published in line with the Surveillance Camera Commissioner\'s advice that completed '
         'assessments should be made public.', '',
         '| | |', '|---|---|']
    vals = dict(org, signature='', date=org['raw_date'])
    for key, label in TITLE_LABELS:
        if key == 'signature':
            continue
        o.append(f'| **{label}** | {vals.get(key) or ""} |')
    o.append('')
    pq = printed_questions(case)
    for p in range(1, 13):
        o += [f'## Principle {p}', '', f'*{PRINCIPLES[p]}*', '']
        if p == 8:
            o += ['> ' + STANDARDS_NOTE, '']
        for q in [x for x in pq if x['principle'] == p]:
            items = texts.get(q['id'], []) if q['type'] != 'yesno' else []
            o += [f'**{q["label"]}** {q["wording"]}' if q['label'] else f'**{q["wording"]}**', '']
            if q['type'] != 'open':
                mark = case['marks'][q['id']]
                for x in options_for(q):
                    o.append(f'- [{"x" if ticked(mark, x) else " "}] {LABEL[x]}')
                o.append('')
            g = guidance_after(q['id'])
            if g:
                o += ['> ' + ' '.join(g), '']
            if not q['action']:
                prev_list = False
                for it in items:
                    lvl = item_level(it)
                    if lvl:
                        o.append('  ' * (lvl - 1) + '- ' + strip_marker(it))
                        prev_list = True
                    else:
                        if prev_list:
                            o.append('')
                        o += [it, '']
                        prev_list = False
                if prev_list:
                    o.append('')
            else:
                o += ['**Action Plan**', '']
                for t in plan_of(case, p):
                    o += [t, '']
        o += ['---', '']
    return '\n'.join(o)


# ------------------------------------------------------------------ driver

class Office:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix='rt-profile-')

    def convert(self, src, fmt, outdir, infilter=None):
        cmd = ['soffice', f'-env:UserInstallation=file://{self.profile}', '--headless', '--norestore']
        if infilter:
            cmd.append(f'--infilter={infilter}')
        cmd += ['--convert-to', fmt, '--outdir', outdir, src]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def close(self):
        shutil.rmtree(self.profile, ignore_errors=True)


def build(case, office, corpus):
    out = os.path.join(corpus, case['name'])
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp(prefix='rt-build-')
    try:
        r = case['render']
        if r in ('docx-table', 'docx-para', 'docx-response'):
            body = {'docx-table': render_docx_table, 'docx-para': render_docx_para,
                    'docx-response': render_docx_response}[r](case)
            hdr, ftr = header_footer(case)
            src = os.path.join(work, 'input.docx')
            write_docx(src, body, header=hdr, footer=ftr, title='CCTV Self Assessment', author=case['org']['name'])
            if case['pdf']:
                office.convert(src, 'pdf', work)
                shutil.copy(os.path.join(work, 'input.pdf'), os.path.join(out, 'input.pdf'))
            else:
                shutil.copy(src, os.path.join(out, 'input.docx'))
        elif r == 'html':
            src = os.path.join(work, 'input.html')
            open(src, 'w', encoding='utf-8').write(render_html(case))
            office.convert(src, 'pdf', work, infilter='HTML (StarWriter)')
            shutil.copy(os.path.join(work, 'input.pdf'), os.path.join(out, 'input.pdf'))
        elif r == 'text-layout':
            open(os.path.join(out, 'input.txt'), 'w', encoding='utf-8').write(render_text_layout(case))
        elif r == 'markdown':
            open(os.path.join(out, 'input.md'), 'w', encoding='utf-8').write(render_markdown(case))
        else:
            raise ValueError(r)
        with open(os.path.join(out, 'expected.json'), 'w', encoding='utf-8') as f:
            json.dump(expected(case), f, indent=2, ensure_ascii=False)
            f.write('\n')
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(out)


def main():
    corpus = os.path.join(ROOT, 'corpus')
    names = sys.argv[1:]
    office = Office()
    try:
        for case in CASES:
            if names and case['name'] not in names:
                continue
            build(case, office, corpus)
        if not names or 'policy' in names:
            policy.build(office, corpus)
    finally:
        office.close()


if __name__ == '__main__':
    main()
