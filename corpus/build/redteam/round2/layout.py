"""A template-like DOCX body: one table per principle, question | options, open answers in a full-width cell."""
from pdfdocs import (P, R, TABLE, CELL, PRINCIPLES, questions, qlabel, printed_question, answer_items, plan_items,
                    items_paras, title_table, DPIA_NOTE, options_for, LABEL)

INTRO = [
    "How well does your organisation comply with the 12 guiding principles of the Surveillance Camera Code of Practice? "
    "Complete this easy to use self assessment tool to find out if you do.",
]


def body(doc, options_cell, grid=(6800, 2612), heading_runs=None, after_principle_heading=None,
         action_label='Action Plan', intro=True, question_cell=None, page_break_principles=()):
    """options_cell(q) -> list of paragraph xml for the options cell."""
    o = doc['org']
    out = [P(R(doc.get('doc_title', 'Surveillance Camera Code of Practice - Self Assessment Tool'), b=True, sz=32, color='1F3864'))]
    if intro:
        out += [P(t) for t in INTRO]
    out.append(title_table(doc))
    out.append(P(''))
    qs = questions(doc)
    for p in doc.get('principles', list(range(1, 13))):
        hdr = [R(f'Principle {p}', b=True, sz=26, color='1F3864')]
        out.append(P(*hdr, keep_next=True, before=240, page_break_before=p in page_break_principles))
        out.append(P(R(PRINCIPLES[p], i=True), keep_next=True))
        if after_principle_heading:
            out += after_principle_heading(p)
        rows = []
        for q in [x for x in qs if x['principle'] == p]:
            num = qlabel(doc, q)
            qtext = (num + ' ' if num else '') + printed_question(doc, q)
            qcell = question_cell(q, qtext) if question_cell else [P(R(qtext, b=False))]
            if q['type'] == 'open' and not q['action']:
                rows.append([CELL(qcell, sum(grid), span=2, shade='F2F2F2')])
                items = answer_items(doc, q)
                rows.append([CELL(items_paras(items) or [P('')], sum(grid), span=2)])
            elif q['type'] == 'open':  # P1.5: answered by the plan
                rows.append([CELL(qcell, sum(grid), span=2, shade='F2F2F2')])
            else:
                rows.append([CELL(qcell, grid[0], shade='F2F2F2'), CELL(options_cell(q), grid[1])])
                items = answer_items(doc, q)
                if items:
                    rows.append([CELL(items_paras(items), sum(grid), span=2)])
                if q['id'] == 'P2.3':
                    rows.append([CELL([P(R(DPIA_NOTE, i=True, sz=18))], sum(grid), span=2)])
        out.append(TABLE(rows, list(grid)))
        out.append(P(R(action_label, b=True), before=120, keep_next=True))
        plan = plan_items(doc, p)
        out.append(TABLE([[CELL(items_paras(plan) or [P('')], sum(grid))]], [sum(grid)]))
        out.append(P(''))
    return out


def glyph_options(marks):
    """An options_cell for body(): a ☒ or ☐ (MS Gothic) before each label, ☒ where marks[question id] is that
    option or 'both'."""
    def options_cell(q):
        mark = marks.get(q['id'], 'none')
        runs = []
        for i, v in enumerate(options_for(q)):
            if i:
                runs.append(R('    '))
            on = mark == v or mark == 'both'
            runs += [R('\u2612' if on else '\u2610', font='MS Gothic'), R(' ' + LABEL[v])]
        return [P(*runs)]
    return options_cell
