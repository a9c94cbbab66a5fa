"""Builds corpus/rt2-docx-yes-no-columns/input.docx (round 2; first made as rt8-yesno-columns).

One long table "Question | Yes | No | Comments" (header row repeated on each page), the
answer typed as X / x / ✓ / ✔ in the Yes or No cell; some rows left empty, one row with both
cells marked; open questions answered in a cell spanning Yes, No and Comments."""
from docxdocs import *

CASE = 'rt2-docx-yes-no-columns'
ORG = dict(name='Thornbury Vale Police', scope='Force-wide overt CCTV at police stations and custody suites',
           sro='Det Supt Claire Amundsen', position='Head of Information Management', date='October 2024')
# id: (yes cell, no cell, comment, what a reader takes it to say)
ROWS = {
 'P1.4': ('', 'X', 'Only the purposes in the Overt CCTV Policy.', 'no'),
 'P2.1': ('X', '', 'Registration ZA123456. DPO: Head of Information Assurance.', 'yes'),
 'P2.2': ('', '', 'N/A', None),
 'P2.3': ('X', '', 'DPIA signed off by the DPO on 3 May 2024.', 'yes'),
 'P2.4': ('X', '', '', 'yes'),
 'P2.6': ('', 'x', '', 'no'),
 'P3.1': ('\u2713', '', 'Consultation through the Police and Crime Commissioner\'s survey 2023.', 'yes'),
 'P3.2': ('\u2713', '', '', 'yes'),
 'P3.3': ('', '\u2713', 'Signs at three stations do not yet show a contact number.', 'no'),
 'P3.4': ('', '', 'No BWV within the scope of this assessment', None),
 'P3.6': ('\u2713', '', 'See action plan.', 'yes'),
 'P4.2': ('X', '', 'The Head of Information Management is the SRO.', 'yes'),
 'P4.3': ('X', '', '', 'yes'),
 'P4.4': ('X', 'X', 'Custody staff yes; front counter staff still to be briefed.', 'both'),
 'P4.6': ('', '', 'N/A - not jointly operated', None),
 'P4.7': ('', 'X', '', 'no'),
 'P5.1': ('\u2714', '', 'Overt CCTV Policy v3 and Custody CCTV SOP.', 'yes'),
 'P5.2': ('\u2714', '', '', 'yes'),
 'P5.4': ('\u2714', '', 'No. of custody detention officers holding the NOS-based custody CCTV award: 23', 'yes'),
 'P5.6': ('X', '', 'No. of contracted custody staff who monitor cameras and hold an SIA licence: 6. Police staff are exempt.', 'yes'),
 'P5.9': ('', '', 'N/A', 'na'),
 'P5.10': ('', '\u2714', '', 'no'),
 'P6.3': ('X', '', 'Reviewed every 6 months under MoPI.', 'yes'),
 'P6.4': ('', '', 'Yes', 'yes'),
 'P6.5': ('X', '', '', 'yes'),
 'P6.6': ('', 'X', '', 'no'),
 'P7.2': ('X', '', 'Disclosure procedure IM-014.', 'yes'),
 'P7.5': ('', 'X', 'Redaction software procured; go-live Jan 2025.', 'no'),
 'P7.7': ('X', '', 'See action plan.', 'yes'),
 'P8.3': ('', 'X', '', 'no'),
 'P8.4': ('', 'X', '', 'no'),
 'P9.2': ('X', '', '', 'yes'),
 'P9.7': ('', 'X', '', 'no'),
 'P10.2': ('', '', '', None),
 'P10.3': ('', 'X', 'No formal evaluation carried out.', 'no'),
 'P10.5': ('', 'X', '', 'no'),
 'P11.1': ('X', '', '', 'yes'),
 'P11.3': ('X', '', 'Full audit trail in the video management system.', 'yes'),
 'P11.4': ('X', '', '', 'yes'),
 'P11.5': ('X', '', '', 'yes'),
 'P11.6': ('', 'X', '', 'no'),
 'P12.3': ('', '', 'N/A', None),
 'P12.5': ('X', '', '', 'yes'),
 'P12.6': ('', 'X', '', 'no'),
}
OPEN = {
 'P1.1': "Overt CCTV at 14 police stations and 3 custody suites protects staff, detainees and visitors, secures police buildings and provides evidence of what happens in custody. The objectives are in the Overt CCTV Policy (section 2).",
 'P1.2': "Part 3 of the Data Protection Act 2018 for law enforcement processing, and the common law duty of the police to protect life and property; the Police and Criminal Evidence Act 1984 Code C for custody.",
 'P1.3': "Custody recording is required by the Detention and Custody APP. Other cameras cover entrances, yards and public counters only; the DPIA records why each is needed.",
 'P1.5': "None identified",
 'P2.5': "Not applicable",
 'P3.5': "Complaints are handled by Professional Standards under the Police (Complaints and Misconduct) Regulations 2020.",
 'P4.1': "The Information Assurance Board, chaired by the Deputy Chief Constable, oversees CCTV; the Estates CCTV Manager runs the system day to day.",
 'P4.5': "Through the Overt CCTV Policy, annual audit by Information Assurance, and supervision in custody.",
 'P5.3': "Annual mandatory e-learning; custody staff receive practical training on the recording system on appointment.",
 'P5.5': "None",
 'P5.7': "Training on the video management system by the supplier and the force e-learning on data protection.",
 'P5.8': "Not applicable to this assessment - BWV is covered by a separate self assessment.",
 'P6.1': "Custody footage is kept for 6 months in line with the Detention and Custody APP; other footage for 31 days.",
 'P6.2': "The video management system deletes footage automatically at the end of its retention period.",
 'P7.1': "Access is role-based and approved by the Estates CCTV Manager; custody sergeants can view but not export.",
 'P7.3': "Exports are encrypted and transferred through the digital evidence management system.",
 'P7.4': "SARs are handled by the Data Protection Office within one month.",
 'P7.6': "Disclosures are recorded in the disclosure log and checked monthly by the Information Assurance team.",
 'P8.1': "BS EN 62676 series; the custody recording system meets Home Office CAST guidance.",
 'P8.2': "Commissioning tests signed off by Estates, with annual maintenance inspections.",
 'P9.1': "Recorders are in locked comms rooms; exports are hashed and logged.",
 'P9.3': "The system sits on a segregated network with annual IT Health Check.",
 'P9.4': "Overt CCTV Policy and Custody CCTV SOP.",
 'P9.5': "Not applicable",
 'P9.6': "Not applicable",
 'P10.1': "Annual review by the Information Assurance Board.",
 'P10.4': "Maintenance contract with 8 hour response for custody cameras.",
 'P11.2': "Custody camera positions were agreed with the CPS and the Independent Custody Visitors scheme.",
 'P12.1': "None",
 'P12.2': "Not applicable",
 'P12.4': "Not applicable",
}
PLANS = {3: 'Add a contact telephone number to the signs at Aldwick, Carrow and Denby stations by March 2025.',
         7: 'Introduce redaction software so that third parties can be masked in SAR footage (January 2025).'}
W = [5200, 800, 800, 2612]

def build():
    body = intro() + [title_block(ORG), P(PAGEBREAK())]
    hdr = [CELL(PX(RUN(h, b=True, color='FFFFFF')), w, shade='1F3864') for h, w in zip(['Question', 'Yes', 'No', 'Comments / evidence'], W)]
    rows = [hdr]
    for p in range(1, 13):
        rows.append([CELL([PX(RUN(f'Principle {p}', b=True)), PX(RUN(PRINCIPLES[p], i=True, sz=18))], sum(W), span=4, shade='D9E2F3')])
        for q in qs(p):
            label = (f"{q['n']}. " if q['n'] else '') + q['text']
            if q['type'] == 'open':
                t = OPEN.get(q['id'])
                rows.append([CELL(PX(RUN(label)), W[0]), CELL(PX(RUN(t or '')), sum(W[1:]), span=3)])
                continue
            y, n, c, tv = ROWS[q['id']]
            if q['id'] in OPEN:
                c = (c + ' ' if c else '') + OPEN[q['id']]
            rows.append([CELL(PX(RUN(label)), W[0]), CELL(PX(RUN(y), align='center'), W[1], valign='center'),
                         CELL(PX(RUN(n), align='center'), W[2], valign='center'), CELL(PX(RUN(c)), W[3])])
        rows.append([CELL(PX(RUN('Action Plan', b=True)), W[0], shade='F2F2F2'), CELL(PX(RUN(PLANS.get(p, 'None identified'))), sum(W[1:]), span=3)])
    body.append(TABLE(rows, W, header_rows=1))
    write_docx(case_input(CASE, 'docx'), body, header=[P('OFFICIAL', style='Header', align='center')],
               footer=[P('Thornbury Vale Police – Overt CCTV self assessment', style='Footer')], title='Overt CCTV SAT',
               ns=NS_DRAWING)

if __name__ == '__main__':
    build()
