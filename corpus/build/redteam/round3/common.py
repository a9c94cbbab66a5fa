"""Shared by the round 3 builders: where a case's input goes, the catalogue and the answer texts."""
import os
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
sys.path.insert(0, HERE)
from catalogue import QUESTIONS, PRINCIPLES, qs  # noqa: E402,F401
from texts import TEXT  # noqa: E402,F401


def case_input(case, ext):
    """corpus/<case>/input.<ext>, the folder made if need be."""
    d = os.path.join(CORPUS, case)
    os.makedirs(d, exist_ok=True)
    return os.path.join(d, 'input.' + ext)
