#!/usr/bin/python3
"""
Rebuilds the inputs of the round 2 red-team cases, corpus/rt2-*/input.*  (maintainer only; see README.md).

    /usr/bin/python3 corpus/build/redteam/round2/build.py [case-name ...]

Writes only input files; each case's expected.json is hand-checked and kept as committed.
"""
import importlib
import os
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

BUILDERS = {
    'rt2-pdf-yes-no-columns': ('pdf_yes_no_columns', 'main'),
    'rt2-pdf-flattened-form': ('pdf_flattened_form', 'main'),
    'rt2-pdf-statements-shifted-numbers': ('pdf_statements_shifted_numbers', 'main'),
    'rt2-pdf-box-font-no-tounicode': ('pdf_box_font_no_tounicode', 'main'),
    'rt2-pdf-drawn-boxes': ('pdf_drawn_boxes', 'build'),
    'rt2-docx-yes-no-columns': ('docx_yes_no_columns', 'build'),
    'rt2-docx-cc-glyph-mismatch': ('docx_cc_glyph_mismatch', 'build'),
    'rt2-txt-label-then-box-saveas': ('txt_label_then_box_saveas', 'build'),
}


def main(names):
    for name in names or BUILDERS:
        if name not in BUILDERS:
            sys.exit(f'unknown case {name!r}; known: {", ".join(BUILDERS)}')
        module, fn = BUILDERS[name]
        getattr(importlib.import_module(module), fn)()
        print('built', name)


if __name__ == '__main__':
    main(sys.argv[1:])
