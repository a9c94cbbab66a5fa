"""Answer texts of the open questions ({org} is replaced by the organisation's name): round 2's, without the
drone question's (these documents leave it unanswered). P1.5 is printed only where the template's Principle 1
table has a row for it (rt3-pdf-box-columns-bullet-glyphs)."""
import importlib.util
import os

_spec = importlib.util.spec_from_file_location('round2_bank8', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'round2', 'bank8.py'))
_bank = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_bank)

TEXT = {k: v for k, v in _bank.TEXT.items() if k != 'P5.9'}
