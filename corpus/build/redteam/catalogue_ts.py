"""The template's principles and questions, read from src/catalogue.ts (read only); used by build.py and round2/."""
import os
import re

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..'))


def load_catalogue():
    src = open(os.path.join(ROOT, 'src', 'catalogue.ts'), encoding='utf-8').read()
    strings = r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
    unquote = lambda s: re.sub(r'\\(.)', r'\1', s[1:-1])
    principles = {int(n): unquote(s) for n, s in re.findall(r'\{ number: (\d+), statement: ' + strings + r' \}', src)}
    qs = []
    for p, i, n, text, typ in re.findall(r'\bq\((\d+), (\d+), (null|\d+), ' + strings + r", '([a-z-]+)'\)", src):
        qs.append(dict(id=f'P{p}.{i}', principle=int(p), index=int(i), number=None if n == 'null' else int(n),
                       text=unquote(text), type=typ))
    last = {}
    for q in qs:
        last[q['principle']] = q['index']
    for q in qs:
        q['action'] = last[q['principle']] == q['index']
    assert len(principles) == 12 and len(qs) == 75
    return principles, qs
