"""Builds corpus/rt3-pdf-x-under-labels/input.pdf (round 3; first made as rt12-07-x-under-labels).

pdf-lib: each Yes/No question followed by the form's printed option labels "Yes   No" ("Yes   No   N/A" for the
drone question) on a line of their own; the organisation typed an X on the next line under its choice: alone,
after an "Answer:" prompt, or after the prompt and followed by a short comment ("see note 4")."""
from common import QUESTIONS
from pdfspec import option_doc, row

CASE = 'rt3-pdf-x-under-labels'
ORG = dict(name='Lowther Bay Town Council', scope='Seafront and market square CCTV (14 cameras)',
           sro='Gareth Pennington-Rowe', position='Town Clerk', date='2 March 2026')
YX, NX, AX = 360, 410, 460


def rows_for(k, q):
    """The k-th Yes/No question: No, Yes, No, Yes in turn; X alone (twice), after 'Answer:', then with a comment."""
    labels = [dict(x=YX, text='Yes'), dict(x=NX, text='No')] + ([dict(x=AX, text='N/A')] if q['type'] == 'yesno-na-text' else [])
    mode = k % 4
    xpos = YX + 4 if mode in (1, 3) else NX + 2
    if mode in (0, 1):
        xrow = [dict(x=xpos, text='X')]
    elif mode == 2:
        xrow = [dict(x=60, text='Answer:'), dict(x=xpos, text='X')]
    else:
        xrow = [dict(x=60, text='Answer:'), dict(x=xpos, text='X'), dict(x=AX + 30, text='see note 4')]
    return [row(labels, after=2), row(xrow)]


def rows():
    yesno = [q for q in QUESTIONS if q['type'] != 'open']
    return {q['id']: rows_for(k, q) for k, q in enumerate(yesno)}


def build():
    option_doc(CASE, ORG, rows(), principles=tuple(range(1, 13)))


if __name__ == '__main__':
    build()
