"""
The red-team cases as data. Each case says, per question, what the published
document shows: the organisation's wording of the question, which box is ticked
('yes', 'no', 'na', 'none', 'both', or 'omit' = no options printed at all), the
written answer, and whether the question was deleted. The renderers in
build.py print exactly that; expected() in build.py applies the brief's rules.
"""
from bank import COUNCIL, COUNCIL_MARKS, POLICE_BWV, POLICE_BWV_MARKS


def merged(base, **over):
    d = dict(base)
    d.update(over)
    return d


CASES = []

# --------------------------------------------------------------------------- A
CASES.append(dict(
    name='rt-pdf-council-template-table',
    what='Word table layout as the SCC template (principle table, question row with typed ☒/☐ in their own cells, '
         'answer row, Action Plan row); template intro text; OFFICIAL header and "Page X of Y | CCTV Self Assessment v2" '
         'footer; date "9th January 2026"; one both-ticked, unticked drone answered only N/A; "Yes - review signage" plan; '
         'long answers crossing pages; guidance notes kept.',
    render='docx-table', pdf=True, boxes='glyph', numbering='template', numfmt='{n}.',
    intro=True, header=['OFFICIAL'], footer='Page {PAGE} of {NUMPAGES} | CCTV Self Assessment v2',
    org=dict(name='Harbourside District Council',
             scope='Public space CCTV: town centre, Harbour Road and Station Road car parks and the bus station',
             seniorResponsibleOfficer='Andrew Pennington', position='Head of Community Safety and Licensing',
             raw_date='9th January 2026', signOffDate='2026-01-09'),
    title='table', subs={'org': 'Harbourside District Council'},
    texts=merged(COUNCIL, **{
        'P6.1': COUNCIL['P6.1'] + [
            "Retention is set out in the Council's Records Retention Schedule (section 14, Community Safety) and is reviewed every year by the CCTV Steering Group.",
            "Where the police ask for footage to be kept beyond 31 days, the request is logged on the evidence request form with the crime reference, the name of the officer and the date by which the footage must be collected. Uncollected footage is destroyed after a further 31 days and the destruction is recorded in the register.",
        ],
        'P4.5': COUNCIL['P4.5'] + [
            "Any breach of the procedures is reported to the CCTV Manager and recorded on the Council's information incident log. Breaches are investigated and, where appropriate, dealt with under the Council's disciplinary procedure.",
            "The contractor who maintains the system works under a written contract that sets out its responsibilities, and its engineers are escorted in the control room at all times.",
        ],
        'P7.4': COUNCIL['P7.4'] + [
            "Requests can be made online, by email or in writing. The CCTV page of the website explains how to make a request and what information is needed to find the footage.",
            "Where the footage cannot be blurred to protect third parties, the requester is offered a viewing or a written description instead, and the reasons are recorded.",
        ],
    }),
    marks=merged(COUNCIL_MARKS, **{'P2.2': 'none', 'P3.4': 'both', 'P12.3': 'none', 'P3.6': 'none',
                                  'P5.10': 'yes', 'P5.9': 'none', 'P4.7': 'no'}),
    wording={}, deleted=set(),
    plans={1: ["None identified"], 2: ["None identified"], 3: ["Yes - review signage by March 2026"], 4: [],
           5: ["Refresh the Control Room Operational Procedures Manual by June 2026.",
               "Book Level 2 refresher training for the two operators recruited in 2025.",
               "Publish the updated CCTV Code of Practice on the Council website."],
           6: ["None identified"], 7: ["None identified"],
           8: ["None identified", "Note:", "Third party certification will be considered when the maintenance contract is renewed in 2027."],
           9: ["None identified"], 10: ["None identified"], 11: ["None identified"], 12: ["N/A"]},
))

# --------------------------------------------------------------------------- B
CASES.append(dict(
    name='rt-pdf-police-bwv-shifted',
    what='Police BWV, paragraph layout; title block "Organisation: X" one per line with short labels; date "Jan 2026"; '
         'Principle 1 numbered 1-5 then 6-75; ✓ typed beside the chosen option (options on their own lines); '
         'questions shortened; three questions deleted; drone Yes/No/N/A unticked then "N/A"; ✓ beside both; '
         '"Yes - complete the review..." plan; OFFICIAL header, custom footer.',
    render='docx-para', pdf=True, boxes='tick-after', numbering='shifted', numfmt='{n}.',
    header=['OFFICIAL'], footer='Northshire Police | BWV Self Assessment 2025/26 | Page {PAGE} of {NUMPAGES}',
    org=dict(name='Northshire Police', scope='Body Worn Video (BWV) used by frontline officers and PCSOs',
             seniorResponsibleOfficer='ACC Rebecca Lowther', position='Assistant Chief Constable (Operational Support)',
             raw_date='Jan 2026', signOffDate='2026-01'),
    title='colon-short', doc_title='Surveillance Camera Code of Practice - Self Assessment 2025/26',
    subs={'org': 'Northshire Police'},
    texts=merged(POLICE_BWV),
    marks=merged(POLICE_BWV_MARKS, **{'P8.3': 'none', 'P9.7': 'none', 'P4.7': 'yes', 'P2.4': 'both', 'P5.9': 'none'}),
    wording={
        'P2.1': "Has the force paid its ICO registration fee and notified the ICO of its Data Protection Officer (DPO)?",
        'P3.4': "Do officers tell people present that images and sound are being recorded when a body worn camera is switched on?",
        'P5.8': "What are your written instructions on when officers should and should not activate BWV recording?",
        'P6.1': "How long do you routinely retain footage, and why is this period proportionate?",
        'P9.6': "If a body worn camera is lost or stolen, how do you stop the data being viewed or exported?",
        'P10.3': "Have you evaluated alternatives to BWV? (If so, give brief details)",
    },
    deleted={'P9.5', 'P12.2', 'P12.4'},
    plans={1: ["No actions required."], 2: ["Nil"], 3: ["None identified"],
           4: ["Publish the BWV Board terms of reference on the force website.",
               "Add BWV responsibilities to the supervisors' development programme (due September 2026)."],
           5: ["None identified"], 6: [], 7: ["None identified"], 8: ["None identified"],
           9: ["Yes - complete the review of BWV docking station security by March 2026."],
           10: ["None identified"], 11: ["None identified"], 12: ["Not applicable - BWV does not use a reference database."]},
))

# --------------------------------------------------------------------------- C
HOUSING = merged(COUNCIL, **{
    'P1.1': [
        "The Trust uses CCTV on 14 housing estates, at 3 sheltered housing schemes and in the head office car park.",
        "The written statement of need (CCTV Policy, section 2) sets these objectives:",
        "* to protect residents, staff and visitors",
        "* to reduce anti-social behaviour, fly-tipping and damage to Trust property",
        "* to provide evidence to the police and to the Trust's tenancy enforcement team.",
    ],
    'P1.2': ["Article 6(1)(f) UK GDPR (legitimate interests), supported by a legitimate interests assessment. Where footage is provided to the police, it is shared under Schedule 2, paragraph 2 of the Data Protection Act 2018."],
    'P1.3': [
        "Cameras are only installed after a site assessment that records the problem, the alternatives considered and the views of residents.",
        "Cameras are not pointed into homes or private gardens, and every scheme has been consulted before installation.",
    ],
    'P2.5': ["Nil"],
    'P3.5': ["Concerns and complaints go through the Trust's complaints policy, which follows the Housing Ombudsman Complaint Handling Code. The CCTV Officer responds to any CCTV-specific concern within 10 working days."],
    'P4.1': ["The CCTV Officer reports to the Head of Neighbourhoods. The Data Protection Officer reviews the CCTV register every six months and reports to the Audit and Risk Committee."],
    'P4.3': ["The CCTV Officer is the single point of contact. Contact details are on every sign and on the Trust website."],
    'P5.1': ["CCTV Policy (2024) and the CCTV Operating Procedure, both approved by the Board."],
    'P5.5': ["None. Staff are not dedicated CCTV operators; footage is only reviewed after an incident is reported."],
    'P5.7': [
        "Only the CCTV Officer and two trained Neighbourhood Officers can review or download footage. They have completed:",
        "* the Trust's data protection e-learning (annually)",
        "* supplier training on the recording system",
        "* a half-day course on disclosure to the police and to residents.",
    ],
    'P5.8': ["Housing officers do not use body worn cameras."],
    'P6.1': [
        "Footage is kept for 30 days and then overwritten. 30 days allows residents to report incidents, which are often reported late on estates, while limiting the amount of footage held.",
        "Downloaded footage is kept until the related case (tenancy enforcement or police investigation) is closed.",
    ],
    'P6.2': ["The recorders at each site overwrite automatically after 30 days."],
    'P7.1': ["Access is limited to the CCTV Officer and two named Neighbourhood Officers. Recorders at each site are in locked cabinets and need a password."],
    'P8.1': ["The cameras were installed to BS EN 62676-4 by an NSI-approved installer."],
    'P8.2': ["The installer provides an annual service and health check of each recorder. The CCTV Officer checks each site's recording every month and keeps a log."],
    'P9.1': ["Recorders are in locked cabinets; downloads are encrypted and logged on the CCTV register."],
    'P9.3': ["Recorders are not connected to the internet. Remote viewing has been disabled."],
    'P9.4': ["The CCTV Operating Procedure."],
    'P10.1': ["Each camera location is reviewed every two years, or sooner if residents raise concerns. Cameras no longer needed are removed."],
    'P10.3': ["Alternatives (lighting, door entry systems, estate patrols) are considered as part of every site assessment."],
    'P10.4': ["Annual service by the installer, with faults reported to the installer and repaired within 5 working days."],
    'P11.2': ["The police Designing Out Crime Officer was consulted on camera positions at the larger estates."],
    'P12.1': ["None."],
    'P12.2': ["Nil"],
    'P12.4': ["Nil"],
    'P4.5': ["The CCTV Operating Procedure says who may review and download footage. Every review and download is recorded on the CCTV register, which the Data Protection Officer checks every six months."],
    'P5.3': ["Staff who use the system repeat the data protection e-learning every year, and the CCTV Officer briefs them on any change to the Operating Procedure."],
    'P7.3': ["Footage is only given to the police on an encrypted USB stick or through the police evidence upload portal. It is never sent by email."],
    'P7.4': ["Requests are handled by the Data Protection Officer under the Trust's subject access procedure. Other people in the footage are blurred before it is released, within one month."],
    'P7.6': ["Every disclosure is recorded on the CCTV register with the requester, the reason and the lawful basis, and is approved by the Head of Neighbourhoods."],
})
CASES.append(dict(
    name='rt-pdf-housing-bold-labels',
    what='Housing trust, HTML authored and printed by Writer; title block as bold labels with the value on the next line, '
         'Position left blank (null); date "09.01.26"; "Question 1 -" numbering; "[X] Yes [ ] No" options; Nil answers; '
         'bullets in answers; drone questions deleted (and a Note in the Principle 5 Action Plan).',
    render='html', pdf=True, boxes='brackets', numbering='template', numfmt='Question {n} -',
    org=dict(name='Kelmscott Housing Trust',
             scope='CCTV at 14 housing estates, 3 sheltered housing schemes and the head office car park',
             seniorResponsibleOfficer='Marcus Adeyemi', position=None,
             raw_date='09.01.26', signOffDate='2026-01-09'),
    title='bold-next-line', subs={'org': 'Kelmscott Housing Trust'},
    texts=HOUSING,
    marks=merged(COUNCIL_MARKS, **{'P7.5': 'both', 'P6.4': 'none', 'P5.6': 'no', 'P3.6': 'yes', 'P4.6': 'none',
                                  'P11.1': 'yes', 'P12.3': 'none'}),
    wording={
        'P2.1': "Has the Trust paid its registration fee to the ICO and told the ICO who its Data Protection Officer is?",
        'P5.6': "Do you and your system users need Security Industry Authority (SIA) licences?",
        'P7.1': "How do you decide who can access the images and information your CCTV keeps?",
    },
    deleted={'P5.9', 'P9.5'},
    plans={1: ["None identified"], 2: [], 3: ["Install additional signage at Orchard Court and Millfield (by June 2026).",
                                            "Add the CCTV privacy notice to the tenants' handbook."],
           4: ["None identified"],
           5: ["None identified", "Note: Question 28 (drones) has been removed as the Trust does not operate drones."],
           6: ["None identified"], 7: ["None identified"], 8: ["None identified"], 9: [], 10: ["None identified"],
           11: ["None identified"], 12: ["N/A"]},
))

# --------------------------------------------------------------------------- D
TRAFFIC = merged(COUNCIL, **{
    'P1.1': [
        "Bus lanes and banned turns in Brackenbridge town centre were regularly ignored, delaying buses and causing collisions at the Market Street junction.",
        "The Council's Traffic Enforcement Camera Policy sets the purpose: to enforce bus lane and moving traffic restrictions under the Traffic Management Act 2004 and to improve road safety and bus journey times.",
    ],
    'P1.2': ["The Transport Act 2000 and the Traffic Management Act 2004 (Part 6), with the Bus Lane Contraventions (Approved Local Authorities) (England) Regulations 2005. Processing is a public task under Article 6(1)(e) UK GDPR."],
    'P1.3': ["Cameras are only installed at sites with a record of contraventions, and only after warning notices and signage have failed to change driver behaviour. Images are only captured when a contravention is detected."],
    'P1.4': ["Images are only used for civil enforcement of the restrictions listed in the policy."],
    'P3.5': ["Challenges to a Penalty Charge Notice follow the statutory appeals process (informal challenge, formal representation and appeal to the Traffic Penalty Tribunal). Other complaints go through the Council's corporate complaints procedure."],
    'P4.1': ["The Parking and Traffic Manager is responsible for the system and reports to the Head of Highways. Performance is reported annually to the Environment Scrutiny Committee."],
    'P4.3': ["The Parking Services Team Leader is the single point of contact; the role is named in the enforcement pages of the Council website."],
    'P4.5': ["The Traffic Enforcement Camera Procedure sets out who reviews, approves and cancels contraventions. Every PCN is reviewed by a second officer before issue."],
    'P5.1': ["Yes - see the Traffic Enforcement Camera Policy (2023), published on the Council website."],
    'P5.3': ["Reviewing officers attend annual refresher training provided by the camera supplier and the Council's data protection training."],
    'P5.5': ["Not applicable."],
    'P5.7': ["Reviewing officers are trained by the supplier and must pass an assessment before they can approve contraventions."],
    'P5.9': [],
    'P6.1': [
        "Images of vehicles that have not contravened are not retained. Evidence of a contravention is kept for 6 years after the case is closed, to match the limitation period for recovery of the debt.",
    ],
    'P6.2': ["Non-contravention captures are discarded by the camera software within 24 hours. Closed cases are deleted by a monthly automated job."],
    'P7.1': ["Only Parking Services reviewing officers and their team leader have access, through named accounts on the enforcement back office system."],
    'P7.3': ["Evidence is only disclosed through the Traffic Penalty Tribunal portal or to the registered keeper through the Council's secure online PCN viewer."],
    'P7.4': ["Registered keepers can view the images for their PCN online. Other requests are dealt with by Information Governance under the SAR procedure."],
    'P7.6': ["Requests from the police are recorded on a disclosure log and approved by the Parking and Traffic Manager."],
    'P8.1': ["The cameras are certified by the Vehicle Certification Agency as approved devices under the Civil Enforcement of Road Traffic Contraventions (Approved Devices) (England) Order 2022."],
    'P8.2': ["The supplier's maintenance contract includes the annual calibration required to keep device approval."],
    'P9.1': ["Evidence packs are digitally signed by the camera; the back office system rejects any image whose signature does not match."],
    'P9.3': ["The back office system is hosted by the supplier in an ISO 27001 certified data centre, with multi-factor authentication for Council users."],
    'P9.4': ["Traffic Enforcement Camera Procedure and the Council's Information Security Policy."],
    'P10.1': ["Contravention numbers at each site are reviewed every six months. A camera whose site is largely compliant is moved or removed."],
    'P10.3': ["No - cameras are only used where warning letters and signage have been tried first."],
    'P10.4': ["The supplier maintains the cameras under contract with next-working-day repair."],
    'P11.2': ["The evidence format follows the Department for Transport statutory guidance and the Traffic Penalty Tribunal's requirements for evidence packs."],
    'P12.1': ["The cameras use ANPR to read the number plate of vehicles that contravene. No facial recognition is used."],
    'P12.2': ["There is no hotlist. Keeper details are requested from the DVLA only for vehicles recorded contravening."],
    'P12.4': ["Keeper details are held with the case and deleted with it (6 years after closure)."],
})
CASES.append(dict(
    name='rt-docx-traffic-sole-option',
    what='County council bus lane cameras, paragraph layout, questions unnumbered; only the chosen option left printed '
         '(both left when unanswered); "Yes - see policy" and "No - ..." answers with no options printed; drone question '
         'with only "N/A" left; BWV and drone questions deleted; "Yes - review signage by March 2026" plan with both options left; '
         'title table with Signature row; date "21/11/2025".',
    render='docx-para', pdf=False, boxes='sole', numbering='none', numfmt='',
    org=dict(name='Brackenshire County Council',
             scope='Traffic enforcement cameras: 22 fixed ANPR cameras enforcing bus lanes and moving traffic contraventions',
             seniorResponsibleOfficer='Helen Okafor', position='Parking and Traffic Manager',
             raw_date='21/11/2025', signOffDate='2025-11-21'),
    title='table', doc_title='Surveillance Camera Code of Practice: Self Assessment',
    subs={'org': 'Brackenshire County Council'},
    texts=TRAFFIC,
    marks=merged(COUNCIL_MARKS, **{'P1.4': 'no', 'P5.1': 'omit', 'P10.3': 'omit', 'P5.9': 'na', 'P8.3': 'none',
                                  'P11.4': 'none', 'P3.6': 'none', 'P12.3': 'yes', 'P6.4': 'no', 'P5.6': 'no'}),
    wording={}, deleted={'P3.4', 'P5.8', 'P9.5', 'P9.6'},
    plans={1: ["None identified"], 2: ["None identified"], 3: ["Yes - review signage by March 2026"],
           4: ["None identified"], 5: ["None identified"], 6: ["Nil"], 7: ["None identified"], 8: ["None identified"],
           9: ["None identified"], 10: ["None identified"], 11: ["Agree an evidence export format with the police for the two cameras at the Market Street junction."],
           12: ["None identified"]},
))

# --------------------------------------------------------------------------- E
WYVERN = merged(COUNCIL, **{
    'P1.1': [
        "Wyvern Borough Council operates 54 fixed public space cameras and 6 re-deployable cameras used at anti-social behaviour and fly-tipping hotspots.",
        "The purpose and objectives are in the CCTV Code of Practice and in the statement of need approved by Cabinet in 2022.",
    ],
    'P5.5': ["Nil"],
    'P9.5': ["Nil"],
    'P10.3': ["Yes - a 2023 review compared CCTV with extra patrols and lighting in Market Square; CCTV was kept as the most effective option."],
    'P12.2': ["Nil"],
    'P12.4': ["Nil"],
})
CASES.append(dict(
    name='rt-docx-formfields-reworded',
    what='Real-template look: one table per principle, Word legacy checkbox form fields in their own cells; '
         'questions reworded/shortened by the council and numbered "1)" restarting in every principle; '
         'one question with both boxes checked; "Yes - ..." explanation under unticked boxes; Nil answers; '
         'a "Note:" after an Action Plan; "Yes - update..." plan with boxes unticked; date "3rd February 2025".',
    render='docx-table', pdf=False, boxes='formfield', numbering='restart', numfmt='{n})',
    intro=False,
    org=dict(name='Wyvern Borough Council', scope='Public space CCTV (54 cameras) and 6 re-deployable cameras',
             seniorResponsibleOfficer='Dr Priya Ramaswamy', position='Director of Communities',
             raw_date='3rd February 2025', signOffDate='2025-02-03'),
    title='table', doc_title='CCTV - Surveillance Camera Code of Practice Self Assessment',
    subs={'org': 'Wyvern Borough Council'},
    texts=WYVERN,
    marks=merged(COUNCIL_MARKS, **{'P4.6': 'both', 'P2.2': 'none', 'P10.3': 'none', 'P7.5': 'none', 'P7.7': 'none',
                                  'P6.6': 'yes', 'P5.9': 'none'}),
    wording={
        'P1.1': "What problem are you trying to address, and have you set out the purpose and objectives in a written statement of need?",
        'P1.3': "Why is surveillance necessary and proportionate?",
        'P1.4': "Is the system used for any purpose other than those specified? Please explain.",
        'P2.1': "Have you paid the ICO registration fee and told the ICO who your Data Protection Officer (DPO) is?",
        'P2.3': "Have you completed a data protection impact assessment (DPIA), and has your DPO signed off that privacy risks are adequately mitigated?",
        'P2.4': "Is the DPIA updated regularly and whenever the system changes significantly?",
        'P3.2': "Does your signage highlight the use of CCTV and the purpose for which images are captured?",
        'P3.5': "How do you deal with concerns or complaints?",
        'P4.1': "What governance arrangements do you have?",
        'P4.4': "Are all staff aware of their own and others' roles and responsibilities for the CCTV system?",
        'P5.3': "How do you make sure that system users remain competent (operational, technical and privacy matters, policies and procedures)?",
        'P5.6': "Do your CCTV operators need Security Industry Authority (SIA) licences?",
        'P5.9': "If you use drones, do you have Civil Aviation Authority permission, and what is your CAA SUA Operator ID?",
        'P6.1': "How long do you normally keep images and information, and why is that period proportionate?",
        'P6.2': "How are images deleted automatically?",
        'P7.4': "What is your procedure for Subject Access Requests for CCTV images?",
        'P9.3': "How do you protect the system against cyber security threats?",
        'P10.1': "How do you review whether the system is still necessary and proportionate?",
        'P10.3': "Have you compared CCTV with alternative interventions? (If so, brief details)",
        'P12.1': "Do you use ANPR, facial recognition or other integrated surveillance technology?",
    },
    deleted=set(),
    plans={1: ["None identified"], 2: [], 3: ["None identified"], 4: ["None identified"],
           5: ["None identified", "Note:", "Questions 27 and 28 do not apply: the Council does not use body worn cameras or drones."],
           6: ["Review the retention period for the re-deployable cameras (currently 31 days) with the police.",
               "Document the process for quarantining footage that the police have not collected.",
               "Target date: September 2025."],
           7: ["Yes - update the Disclosure of Images Procedure by March 2025"],
           8: ["None identified"], 9: ["None identified"], 10: ["None identified"], 11: ["None identified"],
           12: ["None identified"]},
))

# --------------------------------------------------------------------------- F
CALDER = merged(COUNCIL, **{
    'P1.1': [
        "Calderbrook Council uses 18 re-deployable CCTV cameras and 40 body worn cameras to tackle fly-tipping, anti-social behaviour and abuse of enforcement officers.",
        "Objectives (from the Neighbourhood Enforcement CCTV Statement of Need, 2024):",
        "* reduce fly-tipping at the 25 worst affected locations by 30%",
        "* provide evidence for fixed penalty notices and prosecutions",
        "* protect Civil Enforcement Officers from verbal and physical abuse.",
    ],
    'P1.2': ["Article 6(1)(e) UK GDPR (public task), supported by the Environmental Protection Act 1990, the Anti-social Behaviour, Crime and Policing Act 2014 and the Traffic Management Act 2004."],
    'P1.3': [
        "Re-deployable cameras are only placed at a location for a fixed period (normally 3 months), after a deployment assessment records the problem, the evidence and the alternatives tried.",
        "Body worn cameras are only switched on when an officer faces, or expects, a confrontation, or is issuing a penalty notice.",
    ],
    'P3.5': ["Complaints go through the Council's corporate complaints procedure (Stage 1 and Stage 2) and can be referred to the Local Government and Social Care Ombudsman."],
    'P4.1': ["The Neighbourhood Enforcement Service Manager owns the system. The CCTV and BWV Working Group (service, Information Governance and Legal) meets every two months and reports to the Information Governance Board."],
    'P4.3': ["The single point of contact is the Neighbourhood Enforcement Team Leader, named on the surveillance cameras page of the website."],
    'P5.1': [
        "* Re-deployable CCTV Procedure",
        "* Body Worn Video Procedure",
        "* Corporate Surveillance Camera Policy",
    ],
    'P5.5': ["Not applicable."],
    'P5.6': [],
    'P5.7': ["All officers complete the Council's BWV and CCTV training module and data protection training before using the equipment, with annual refreshers."],
    'P5.8': [
        "The Body Worn Video Procedure says officers must start recording:",
        "* when issuing a fixed penalty notice or PCN and the person disputes it",
        "* when they are threatened, or expect to be",
        "** verbal abuse or aggressive behaviour",
        "** a crowd gathering",
        "* when asked to by a member of the public.",
        "Officers must tell the person that recording is taking place, and must not record continuously or inside homes.",
    ],
    'P6.1': ["Re-deployable camera footage is kept for 28 days; BWV footage that is not needed as evidence is deleted after 31 days. Evidential footage is kept until the case and any appeal is concluded."],
    'P9.5': ["Not applicable."],
    'P9.6': ["The cameras encrypt recordings and cannot be played back without the docking software. A lost camera is reported to the Team Leader and blocked in the management software."],
    'P12.1': ["None."],
    'P2.5': ["Not applicable - DPIAs cover both the re-deployable cameras and BWV."],
    'P4.5': ["Each officer signs the BWV Procedure when issued a camera. Team Leaders check a sample of recordings and deployment assessments every month."],
    'P6.2': ["Re-deployable cameras overwrite on a 28 day cycle. The BWV management software deletes non-evidential recordings after 31 days."],
    'P7.1': ["Only the Team Leaders and the two CCTV Technicians can view re-deployable camera footage. Officers can upload but cannot delete or edit their BWV recordings; viewing rights are set by the Team Leader."],
    'P8.1': ["The cameras meet the Home Office CAST guidance; the re-deployable units were installed to BS EN 62676-4."],
    'P9.1': ["Re-deployable cameras store footage on encrypted drives inside locked housings. BWV footage is encrypted and uploaded at docking stations in secure council depots; the software keeps a full audit trail."],
    'P9.4': ["Re-deployable CCTV Procedure, Body Worn Video Procedure and the ICT Security Policy."],
})
CASES.append(dict(
    name='rt-docx-content-controls-bullets',
    what='Metropolitan borough re-deployable CCTV and BWV; paragraph layout with Word checkbox content controls inline '
         'after the question; "Q1".."Q70" numbering; real Word bullet lists with a second level; Senior Responsible '
         'Officer row missing from the title table (null); date "April 2025"; OFFICIAL header and page footer; one '
         'question deleted; drone answered only "N/A" under three unticked controls.',
    render='docx-para', pdf=False, boxes='contentcontrol', numbering='template', numfmt='Q{n}',
    header=['OFFICIAL'], footer='Page {PAGE} of {NUMPAGES} | CCTV Self Assessment v2',
    org=dict(name='Calderbrook Metropolitan Borough Council',
             scope='Re-deployable CCTV cameras and body worn video used by Civil Enforcement and Neighbourhood Enforcement Officers',
             seniorResponsibleOfficer=None, position='Service Manager, Neighbourhood Enforcement',
             raw_date='April 2025', signOffDate='2025-04'),
    title='table-no-sro', doc_title='Surveillance Camera Code of Practice Self Assessment Tool',
    subs={'org': 'Calderbrook Metropolitan Borough Council'},
    texts=CALDER,
    marks=merged(COUNCIL_MARKS, **{'P11.4': 'both', 'P6.4': 'none', 'P3.4': 'yes', 'P5.6': 'no', 'P5.9': 'none',
                                  'P1.4': 'no', 'P10.2': 'yes'}),
    wording={'P10.2': "Have you identified any camera locations or integrated surveillance technologies that no longer remain justified for the stated purpose(s)?"},
    deleted={'P11.2'},
    plans={1: ["Publish the Statement of Need on the Council website.", "Complete a deployment assessment for the 6 cameras installed before 2024."],
           2: ["None identified"], 3: ["None identified"], 4: ["None identified"], 5: ["None identified"],
           6: ["None identified"], 7: ["None identified"], 8: ["None identified"], 9: ["None identified"],
           10: [], 11: ["None identified"], 12: ["N/A"]},
))

# --------------------------------------------------------------------------- G
EASTWOLD = merged(POLICE_BWV, **{
    'P1.1': [
        "Eastwold Constabulary uses overt surveillance cameras to prevent and detect crime, protect life and support public safety operations. This assessment covers three systems:",
        "* ANPR (fixed sites and in-vehicle)",
        "* the Drone Unit (remotely piloted aircraft systems)",
        "* body worn video.",
        "Each system has a written statement of need agreed by the Overt Surveillance Board.",
    ],
    'P1.4': ["Drone footage is occasionally used for search and rescue at the request of the Fire and Rescue Service, which is covered by the Drone Unit's statement of need."],
    'P5.9': ["The Drone Unit holds an Operational Authorisation from the Civil Aviation Authority.", "CAA SUA Operator ID: GBR-OP-4TX8KQ21ZR7M"],
    'P9.5': ["Drone imagery is recorded to an encrypted memory card; nothing is transmitted except the live feed, which is encrypted. If an aircraft is lost, the pilot can disable the aircraft's link, and the memory card cannot be read without the key."],
    'P12.1': ["ANPR is used at 64 fixed sites and in 40 vehicles, connected to the National ANPR Service. Facial recognition is not used."],
    'P12.2': ["Vehicles are added to hotlists in line with the National ANPR Standards for Policing and Law Enforcement (NASPLE); every local hotlist entry has an owner, a reason and an expiry date."],
    'P12.4': ["Local hotlist entries expire after 28 days unless renewed by the owner. PNC-derived lists are refreshed daily."],
    'P6.1': ["ANPR data is kept for 12 months in line with NASPLE. Drone and BWV footage that is not evidential is deleted after 31 days. Evidential material is kept under MoPI and CPIA rules, because it may be needed for court."],
    'P10.3': ["No formal evaluation. Alternatives are considered before each new fixed ANPR site or drone deployment is approved."],
})
CASES.append(dict(
    name='rt-txt-layout-police-overt',
    what='Text as pdftotext -layout leaves it: pages separated by form feeds, "OFFICIAL" header and '
         '"Page 3 of 16 | CCTV Self Assessment v2" footer on every page, answers wrapped at ~90 columns; title block in '
         'aligned columns; "Q1." numbering; "Yes [X]   No [ ]" boxes after labels; drone Yes ticked with operator ID; '
         'date "12.12.24".',
    render='text-layout', pdf=False, boxes='bracket-after', numbering='template', numfmt='Q{n}.',
    org=dict(name='Eastwold Constabulary', scope='Overt surveillance: ANPR, drones (RPAS) and body worn video',
             seniorResponsibleOfficer='Ch Supt Mark Ellery', position='Head of Operational Support',
             raw_date='12.12.24', signOffDate='2024-12-12'),
    title='layout', subs={'org': 'Eastwold Constabulary'},
    texts=EASTWOLD,
    marks=merged(POLICE_BWV_MARKS, **{'P5.9': 'yes', 'P1.4': 'yes', 'P12.3': 'yes', 'P5.6': 'no', 'P9.2': 'none',
                                     'P11.5': 'both', 'P8.4': 'yes', 'P10.3': 'no'}),
    wording={}, deleted=set(),
    plans={1: ["None identified"], 2: ["None identified"], 3: ["None identified"], 4: ["None identified"],
           5: ["None identified"], 6: ["None identified"], 7: ["None identified"],
           8: ["Seek third party certification for the ANPR system against the Code (target: end of 2025/26)."],
           9: ["None identified"], 10: ["None identified"], 11: [], 12: ["None identified"]},
))

# --------------------------------------------------------------------------- H
FENMOOR = merged(COUNCIL, **{
    'P1.1': [
        "Fenmoor Town Council has 12 cameras in the town centre and 4 at the Recreation Ground, installed after repeated vandalism of the pavilion and play area.",
        "The objectives, agreed by Full Council in 2021, are:",
        "* to deter vandalism and anti-social behaviour",
        "* to help the police identify offenders.",
    ],
    'P1.2': ["Public task (Article 6(1)(e) UK GDPR), using the Council's powers under section 31 of the Local Government and Rating Act 1997."],
    'P1.3': ["The cameras only cover public areas where incidents have been recorded. Full Council reviews the need for each camera every year."],
    'P2.5': ["A DPIA was completed in 2021 and reviewed in 2024."],
    'P3.5': ["Through the Council's complaints procedure, on the website and available from the Town Clerk."],
    'P4.1': ["The Town Clerk is responsible for the system and reports to the Finance and General Purposes Committee."],
    'P4.3': ["The Town Clerk is the single point of contact; contact details are on the signs and the Council website."],
    'P4.5': ["Only the Town Clerk and the Deputy Clerk can access the recorder, and every access is written in the CCTV log."],
    'P5.1': ["CCTV Policy (adopted 2021, reviewed 2024)."],
    'P5.3': ["The Clerk and Deputy Clerk attend the county association's data protection training every year."],
    'P5.5': ["None."],
    'P5.7': ["The two members of staff who use the system have been trained by the installer and have completed data protection training."],
    'P6.1': ["Footage is kept for 21 days, which is long enough for incidents to be reported to the Council or the police."],
    'P6.2': ["The recorder overwrites automatically after 21 days."],
    'P7.1': ["Only the Town Clerk and Deputy Clerk have access. The recorder is in a locked cupboard in the Council office."],
    'P7.3': ["Footage is only given to the police, on an encrypted USB stick, against a signed request form."],
    'P7.4': ["Requests are dealt with by the Town Clerk under the Council's data protection policy, within one month."],
    'P7.6': ["All disclosures are recorded in the CCTV log and reported to the next Finance and General Purposes Committee."],
    'P8.1': ["None formally. The installer is a member of the Security Systems and Alarms Inspection Board (SSAIB)."],
    'P8.2': ["The installer services the system every year."],
    'P9.1': ["The recorder is password protected and kept in a locked cupboard."],
    'P9.3': ["The recorder has no internet connection."],
    'P9.4': ["The CCTV Policy."],
    'P10.1': ["Full Council reviews the CCTV Policy and the need for each camera every year in April."],
    'P10.3': ["Additional lighting at the Recreation Ground was installed in 2022 alongside the cameras."],
    'P10.4': ["Annual service by the installer."],
    'P11.2': ["The local Police Community Support Officer advised on camera positions."],
    'P12.1': ["None."],
})
CASES.append(dict(
    name='rt-md-town-council-tasklist',
    what='Markdown as a small town council publishes it on its website: title block as a Markdown table; task-list '
         'options "- [x] Yes" / "- [ ] No"; answers with ordinary "-" bullet lists; guidance notes as block quotes; '
         'eight irrelevant questions deleted and the rest renumbered "Question 1 -".."Question 67 -"; date "2nd April 2025".',
    render='markdown', pdf=False, boxes='tasklist', numbering='sequential', numfmt='Question {n} -',
    org=dict(name='Fenmoor Town Council', scope='Town centre CCTV (12 cameras) and the Recreation Ground cameras',
             seniorResponsibleOfficer='Sarah Whitlock', position='Town Clerk',
             raw_date='2nd April 2025', signOffDate='2025-04-02'),
    title='md-table', subs={'org': 'Fenmoor Town Council'},
    texts=FENMOOR,
    marks=merged(COUNCIL_MARKS, **{'P5.6': 'no', 'P8.3': 'no', 'P10.3': 'yes', 'P4.6': 'none', 'P11.4': 'none',
                                  'P6.5': 'both', 'P2.6': 'yes'}),
    wording={},
    deleted={'P2.2', 'P3.4', 'P5.8', 'P5.9', 'P9.5', 'P9.6', 'P12.2', 'P12.4'},
    plans={1: ["None identified"], 2: ["Review the DPIA when the Recreation Ground cameras are replaced (2025/26)."],
           3: ["None identified"], 4: ["None identified"], 5: ["None identified"], 6: ["None identified"],
           7: ["None identified"], 8: ["None identified"], 9: ["None identified"], 10: ["None identified"],
           11: ["None identified"], 12: ["Not applicable"]},
))

# --------------------------------------------------------------------------- I
CUSTODY = merged(POLICE_BWV, **{
    'P1.1': [
        "CCTV with audio is installed in all cells, corridors, the booking-in area and the charge room at the force's four custody suites.",
        "Its purposes are set out in the Custody CCTV Standard Operating Procedure (SOP): the safety and welfare of detained persons, the protection of staff from false allegations, and the recording of evidence of offences committed in custody.",
    ],
    'P1.2': ["PACE Code C, the College of Policing Authorised Professional Practice on Detention and Custody, and Part 3 of the Data Protection Act 2018."],
    'P1.3': [
        "Deaths and serious injuries in custody are rare but have grave consequences. Continuous recording is the only reliable way to show how a detained person was treated.",
        "Toilet areas in cells are pixelated, and recordings are only viewed when there is a reason to do so.",
    ],
    'P1.4': [],
    'P2.5': ["N/A"],
    'P3.5': ["Through the force complaints procedure, run by Professional Standards. Detained persons are told how to complain in the notice of rights and entitlements."],
    'P4.1': ["The Head of Custody is responsible for custody CCTV. The Custody CCTV User Group meets quarterly and reports to the Information Assurance Board."],
    'P4.3': ["The Custody Inspector (Standards) is the single point of contact. Contact details are on the force website."],
    'P4.5': ["Custody sergeants are responsible for CCTV in their suite during their shift, and faults are logged on the custody record. The Custody Inspector (Standards) audits compliance monthly."],
    'P5.1': [],
    'P5.3': ["Custody staff complete the custody CCTV module in their initial custody training and an annual refresher."],
    'P5.5': ["N/A"],
    'P5.7': ["Custody staff are trained on the system in the custody course and are vetted to the force standard."],
    'P5.8': ["N/A - body worn video is covered by a separate self assessment."],
    'P5.9': ["N/A"],
    'P6.1': ["Recordings are kept for 90 days, which covers the period within which most complaints and incidents are reported. Recordings connected to an incident, complaint or death or serious injury are kept under MoPI."],
    'P6.2': ["The recorders overwrite automatically after 90 days."],
    'P7.1': ["Viewing is restricted to custody sergeants and inspectors, Professional Standards and investigators with a documented need, approved by the Custody Inspector (Standards)."],
    'P7.3': ["Exports are made only on the standalone export terminal in each suite, on encrypted media."],
    'P7.4': ["Handled by the Information Rights Unit within one month, with other detained persons and staff blurred where required."],
    'P7.6': ["Every export is logged on the custody CCTV export register with the requester, reason and approving officer. The register is audited monthly."],
    'P8.1': ["The system was installed to the Home Office Custody CCTV specification and BS EN 62676-4."],
    'P8.2': ["Commissioning tests were witnessed by the Estates team, and the maintenance contract includes quarterly image quality checks."],
    'P9.1': ["Recorders are in locked racks within each custody suite. Exports are watermarked and the system logs every view and export."],
    'P9.3': ["The custody CCTV network is separate from the force network and has no internet connection."],
    'P9.4': ["Custody CCTV SOP and the Information Security Policy."],
    'P9.5': ["N/A"],
    'P9.6': ["N/A"],
    'P10.1': ["The Custody CCTV User Group reviews coverage every year, and after any death or serious injury in custody."],
    'P10.3': [],
    'P10.4': ["A maintenance contract with an 8 hour fix time for cell cameras. Custody sergeants check every cell camera at the start of each shift."],
    'P11.2': ["The specification was agreed with the Crown Prosecution Service and the IOPC so that exports play in standard players with audio in sync."],
    'P12.1': ["None."],
    'P12.2': ["N/A"],
    'P12.4': ["N/A"],
})
CASES.append(dict(
    name='rt-pdf-police-custody-response-column',
    what='Police custody CCTV; one table per principle with Ref | Question | Response columns and refs "2.3" '
         '(principle.index); the answer to every Yes/No question is a word typed in the Response cell ("Yes", "No", '
         '"Yes - see ...", "N/A", blank), explanations after it; title block as a four-column table (two label/value pairs '
         'per row); Action Plan as "Action Plan: ..." in one merged cell; OFFICIAL - PUBLIC header; date "28/02/2025".',
    render='docx-response', pdf=True, boxes='response', numbering='ref', numfmt='{p}.{i}',
    header=['OFFICIAL - PUBLIC'], footer='Westmarch Police - Custody CCTV Self Assessment v1.0 - Page {PAGE}',
    org=dict(name='Westmarch Police', scope='Custody CCTV at the four custody suites (Aldgate, Brinton, Carrow and Dunmore)',
             seniorResponsibleOfficer='Chief Superintendent Lisa Harcourt', position='Head of Criminal Justice and Custody',
             raw_date='28/02/2025', signOffDate='2025-02-28'),
    title='table-4col', doc_title='Custody CCTV - Surveillance Camera Code of Practice Self Assessment',
    subs={'org': 'Westmarch Police'},
    texts=CUSTODY,
    # response words: what the Response cell opens with (see build.py render_docx_response)
    marks=merged(POLICE_BWV_MARKS, **{'P1.4': 'no', 'P3.2': 'yes', 'P3.3': 'yes', 'P3.4': 'none', 'P5.6': 'no',
                                     'P5.1': 'yes', 'P10.3': 'no', 'P12.3': 'none', 'P5.9': 'none', 'P8.3': 'none',
                                     'P7.2': 'yes', 'P11.4': 'no'}),
    response={  # the exact words typed in the Response cell, where they are not simply "Yes"/"No"
        'P3.4': 'N/A',
        'P5.1': 'Yes - Custody CCTV Standard Operating Procedure (2024), available on request.',
        'P7.2': 'Yes - see section 7 of the Custody CCTV SOP.',
        'P10.3': 'No - there is no alternative to CCTV in custody; it is a requirement of the custody estate specification.',
        'P8.3': '',
        'P12.3': 'N/A',
    },
    wording={},
    deleted=set(),
    plans={1: ["None identified"], 2: ["None identified"], 3: ["None identified"],
           4: ["None identified"], 5: ["None identified"], 6: ["None identified"],
           7: ["None identified"], 8: ["Seek third party certification for the custody system (2025/26)."],
           9: ["None identified"], 10: ["None identified"], 11: ["None identified"], 12: ["N/A"]},
))
