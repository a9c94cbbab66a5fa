"""
corpus/bad/not-an-assessment-cctv-policy.pdf: a council CCTV policy that
quotes the 12 guiding principles and mentions the self assessment tool, but is
not a self-assessment; the tool must report it as `not-self-assessment`
(test/cli.test.ts checks it).
"""
import os
import shutil
import tempfile

from ooxml import P, R, TABLE, CELL, FIELD, write_docx

TARGET = os.path.join('bad', 'not-an-assessment-cctv-policy.pdf')

PRINCIPLES = [
    'Use of a surveillance camera system must always be for a specified purpose which is in pursuit of a legitimate aim and necessary to meet an identified pressing need.',
    'The use of a surveillance camera system must take into account its effect on individuals and their privacy, with regular reviews to ensure its use remains justified.',
    'There must be as much transparency in the use of a surveillance camera system as possible, including a published contact point for access to information and complaints.',
    'There must be clear responsibility and accountability for all surveillance camera system activities including images and information collected, held and used.',
    'Clear rules, policies and procedures must be in place before a surveillance camera system is used, and these must be communicated to all who need to comply with them.',
    'No more images and information should be stored than that which is strictly required for the stated purpose of a surveillance camera system, and such images and information should be deleted once their purposes have been discharged.',
    'Access to retained images and information should be restricted and there must be clearly defined rules on who can gain access and for what purpose such access is granted; the disclosure of images and information should only take place when it is necessary for such a purpose or for law enforcement purposes.',
    'Surveillance camera system operators should consider any approved operational, technical and competency standards relevant to a system and its purpose and work to meet and maintain those standards.',
    'Surveillance camera system images and information should be subject to appropriate security measures to safeguard against unauthorised access and use.',
    'There should be effective review and audit mechanisms to ensure legal requirements, policies and standards are complied with in practice, and regular reports should be published.',
    'When the use of a surveillance camera system is in pursuit of a legitimate aim, and there is a pressing need for its use, it should then be used in the most effective way to support public safety and law enforcement with the aim of processing images and information of evidential value.',
    'Any information used to support a surveillance camera system which compares against a reference database for matching purposes should be accurate and kept up to date.',
]


def body():
    b = [P('Harbourside District Council', style='Title'), P(R('Closed Circuit Television (CCTV) Policy', b=True, sz=32))]
    rows = [('Document owner', 'Head of Community Safety and Licensing'), ('Version', '3.1'),
            ('Approved by', 'Cabinet, 14 May 2025'), ('Next review', 'May 2027')]
    b.append(TABLE([[CELL(P(R(k, b=True)), 3000, shade='DEEAF6'), CELL(P(v), 6412)] for k, v in rows], [3000, 6412]))
    b.append(P())
    sec = lambda t: b.append(P(t, style='Heading1'))
    para = lambda t: b.append(P(t))
    sec('1. Introduction')
    para('Harbourside District Council operates a public space CCTV system in the town centre, its car parks and the bus '
         'station. This policy sets out how the system is managed so that it is used lawfully, fairly and only for the '
         'purposes described below.')
    para('As a relevant authority under section 33 of the Protection of Freedoms Act 2012, the Council must have regard '
         'to the Surveillance Camera Code of Practice issued by the Home Secretary.')
    sec('2. Purpose of the system')
    for t in ['to reduce crime, disorder and anti-social behaviour', 'to reduce the fear of crime',
              'to assist the police in the detection of crime and the prosecution of offenders',
              'to support the Council in its civil and regulatory functions, including licensing enforcement']:
        b.append(P(t, style='ListParagraph', num=1))
    sec('3. The guiding principles')
    para('The Council will operate its CCTV system in accordance with the 12 guiding principles of the Surveillance '
         'Camera Code of Practice:')
    for t in PRINCIPLES:
        b.append(P(t, style='ListParagraph', num=2))
    sec('4. Responsibilities')
    para('The Head of Community Safety and Licensing is the Senior Responsible Officer for the system. The CCTV Manager '
         'is the single point of contact for the public and is responsible for the day to day operation of the control '
         'room. Operators must hold an SIA Public Space Surveillance (CCTV) licence.')
    sec('5. Retention')
    para('Recorded images are kept for 31 days and then overwritten automatically, unless they have been requested for '
         'an investigation or legal proceedings.')
    sec('6. Access and disclosure')
    para('Access to recorded images is restricted to authorised staff. Requests from the police and other agencies are '
         'recorded on a disclosure request form and approved by the CCTV Manager. Subject access requests are handled '
         'by the Information Governance team within one month.')
    sec('7. Review and compliance')
    para('The Council completes the Surveillance Camera Commissioner\'s self assessment tool every year and publishes '
         'the completed assessment on its website, together with an annual report on the operation of the system. '
         'A data protection impact assessment is kept under review and updated whenever cameras are added or moved.')
    para('Complaints about the CCTV system are dealt with under the Council\'s corporate complaints procedure.')
    return b


def build(office, corpus):
    out = os.path.join(corpus, TARGET)
    work = tempfile.mkdtemp(prefix='rt-policy-')
    try:
        src = os.path.join(work, 'input.docx')
        ftr = [P(R('CCTV Policy v3.1 | Page '), FIELD('PAGE', '1'), style='Footer', align='center')]
        write_docx(src, body(), footer=ftr, title='CCTV Policy', author='Harbourside District Council')
        office.convert(src, 'pdf', work)
        shutil.copy(os.path.join(work, 'input.pdf'), out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(out)
