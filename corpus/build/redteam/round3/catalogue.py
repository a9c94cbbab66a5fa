"""Template questions from src/catalogue.ts (read only, parsed by ../catalogue_ts.py) with the short keys the
round 3 builders use: id, p, i, n, text, type."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from catalogue_ts import load_catalogue  # noqa: E402

PRINCIPLES, _QUESTIONS = load_catalogue()
QUESTIONS = [dict(id=q['id'], p=q['principle'], i=q['index'], n=q['number'], text=q['text'], type=q['type'])
             for q in _QUESTIONS]


def qs(p):
    return [q for q in QUESTIONS if q['p'] == p]
