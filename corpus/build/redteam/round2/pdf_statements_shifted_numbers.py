"""
Builds corpus/rt2-pdf-statements-shifted-numbers/input.pdf (round 2; first made as rt7-09-statements).

rt7-09-statements: a police force's public order/BWV assessment in the template tables with ☒/☐ box glyphs,
numbered 1-5 in Principle 1 and 6-75 after it (the force numbered every question straight through). Some
boxes were left blank and the force explains choices in its own words in the Action Plans, e.g. "'No' has been
selected as the answer for question 12" (its question 12 = template question 7, P3.1) and "In 2023 'Yes' was
selected for question 50 in error" (its 50 = template 45, P8.3, whose boxes are blank this year).
"""
from pdfdocs import case_input, TEXTS, POLICE_MARKS, merged, P, R, print_docx
from layout import body, glyph_options

CASE = 'rt2-pdf-statements-shifted-numbers'
DOC = dict(
    name='rt7-09-statements',
    numbering='shifted',
    org=dict(name='Cumbervale Constabulary', scope='Body worn video and the public order evidence gathering (EG) cameras',
             sro='T/ACC Joanne Featherstone', position='Assistant Chief Constable, Operations', date='11.02.2026'),
    texts=merged(TEXTS['POLICE_BWV'], **{
        'P1.1': ["BWV and hand-held evidence gathering cameras are used to capture best evidence at incidents and public order events, and to improve public confidence in policing.",
                 "The statement of need is in the Force Overt Recording Policy (2025)."],
        'P10.3': ["No - no formal evaluation of alternatives has been carried out since BWV was introduced in 2016."],
        'P4.3': ["Yes - the Digital Evidence Manager; contact details are on the force website."],
    }),
    marks=merged(POLICE_MARKS, **{'P3.1': 'no', 'P3.6': 'none', 'P8.3': 'none', 'P8.4': 'yes', 'P10.3': 'none',
                                 'P4.3': 'none', 'P2.2': 'none', 'P5.9': 'none', 'P12.3': 'none', 'P6.6': 'no'}),
    plans={1: ["None identified"], 2: ["None identified"],
           3: ["Although 'No' has been selected as the answer for question 12, the force consulted the Police and Crime Panel and the Independent Advisory Group before BWV was extended to PCSOs; a wider public consultation will run in summer 2026."],
           4: ["None identified"], 5: ["None identified"], 6: ["None identified"], 7: ["None identified"],
           8: ["In 2023 'Yes' was selected for question 50 in error: the force has never held third party certification. Certification against the Code will be sought in 2026/27."],
           9: ["None identified"], 10: ["None identified"], 11: ["None identified"], 12: ["N/A - BWV is not linked to any reference database."]},
)


def main():
    print_docx(case_input(CASE, 'pdf'), body(DOC, glyph_options(DOC['marks'])), header=[P(R('OFFICIAL', b=True), align='center')],
               footer=[P(R('Cumbervale Constabulary - Overt Recording - SCC Self Assessment', sz=16))], author='Cumbervale Constabulary')


if __name__ == '__main__':
    main()
