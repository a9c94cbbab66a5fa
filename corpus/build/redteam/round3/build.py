#!/usr/bin/python3
"""
Rebuilds the inputs of the round 3 red-team cases, corpus/rt3-*/input.pdf  (maintainer only; see README.md).

    /usr/bin/python3 corpus/build/redteam/round3/build.py [case-name ...]

Writes only input files; each case's expected.json is hand-checked and kept as committed.
"""
import importlib
import os
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

BUILDERS = {
    'rt3-pdf-cell-rows': 'pdf_cell_rows',
    'rt3-pdf-ref-heading-comments': 'pdf_ref_heading_comments',
    'rt3-pdf-bar-cells': 'pdf_bar_cells',
    'rt3-pdf-box-columns-bullet-glyphs': 'pdf_box_columns_bullet_glyphs',
    'rt3-pdf-x-under-labels': 'pdf_x_under_labels',
    'rt3-pdf-glyph-bullets': 'pdf_glyph_bullets',
}


def main(names):
    for name in names or BUILDERS:
        if name not in BUILDERS:
            sys.exit(f'unknown case {name!r}; known: {", ".join(BUILDERS)}')
        importlib.import_module(BUILDERS[name]).build()
        print('built', name)


if __name__ == '__main__':
    main(sys.argv[1:])
