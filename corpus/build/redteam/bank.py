"""
Written answers for the red-team cases, in the voice of the organisations
that publish these assessments. A list item that starts with '* ' is a bullet
(printed as a list item; expected text drops the marker), '** ' a second-level
bullet. Other strings are paragraphs.
"""

# A district / borough council's public space CCTV control room.
COUNCIL = {
    'P1.1': [
        "{org} operates a public space CCTV system of 86 cameras covering the town centre, the two main car parks and the bus station, monitored from a control room staffed 24 hours a day.",
        "The purposes of the system are set out in the CCTV Code of Practice:",
        "* to reduce crime, disorder and anti-social behaviour",
        "* to reduce the fear of crime and reassure residents, visitors and businesses",
        "* to assist the police in the detection of crime and the prosecution of offenders.",
        "The objectives are reviewed each year by the Community Safety Partnership and are recorded in the Operational Requirement (last reviewed October 2025).",
    ],
    'P1.2': [
        "Article 6(1)(e) UK GDPR: processing is necessary for the performance of a task carried out in the public interest.",
        "Section 17 of the Crime and Disorder Act 1998 and section 163 of the Criminal Justice and Public Order Act 1994 give the Council the power to provide CCTV. Where the police process footage for law enforcement purposes, Part 3 of the Data Protection Act 2018 applies.",
    ],
    'P1.3': [
        "Each camera location is justified by crime and anti-social behaviour data supplied by the police and by the Council's own incident logs.",
        "A Data Protection Impact Assessment considers the intrusion into privacy at each location, and privacy zones mask the windows of residential properties. Cameras are only added where other measures (lighting, patrols, design changes) have been considered first.",
    ],
    'P1.4': ["The system is not used for any purpose other than those set out in the Code of Practice."],
    'P2.5': ["Not applicable - a DPIA has been completed for the system and was reviewed in 2025."],
    'P3.5': [
        "Complaints are dealt with under the Council's corporate complaints procedure, which is published on the Council website.",
        "Concerns about CCTV can also be raised directly with the CCTV Manager by email or telephone; these are logged and acknowledged within 5 working days.",
    ],
    'P4.1': [
        "The CCTV service sits within the Community Safety team and reports to the Head of Community Safety.",
        "A CCTV Steering Group (Council, police and the town centre BID) meets quarterly to review performance, complaints and requests for new cameras. The Senior Information Risk Owner and the Data Protection Officer receive an annual report on compliance with the Code.",
    ],
    'P4.3': ["The CCTV Manager is the single point of contact. The role and contact details are published on the CCTV page of the Council website and on all signage."],
    'P4.5': [
        "Roles and responsibilities are set out in the CCTV Code of Practice and the control room procedures manual.",
        "Operators sign to confirm they have read the procedures, and supervisors dip sample the incident log and the viewing and disclosure registers every month.",
    ],
    'P5.1': [
        "* CCTV Code of Practice (revised 2024)",
        "* Control Room Operational Procedures Manual",
        "* Disclosure of Images Procedure",
        "* Data Protection Policy and Records Retention Schedule",
    ],
    'P5.3': [
        "All operators complete refresher training every year covering data protection, the Surveillance Camera Code and control room procedures.",
        "Performance is reviewed at one-to-ones, and any change to procedures is briefed at team meetings and signed for.",
    ],
    'P5.5': ["All 9 control room operators hold the Level 2 Award for Working as a CCTV Operator (Public Space Surveillance)."],
    'P5.7': ["Not applicable - all operators hold an SIA Public Space Surveillance (CCTV) licence."],
    'P5.8': ["The Council does not use body worn cameras as part of this system."],
    'P5.9': ["N/A"],
    'P6.1': [
        "Recorded images are retained for 31 days and are then automatically overwritten.",
        "31 days allows enough time for incidents to be reported and for the police and other agencies to request footage, without keeping images longer than is needed. This period is in line with the retention periods used by neighbouring authorities and was agreed with the police.",
        "Footage that has been requested for an investigation is exported and kept until the case is concluded, and is then destroyed.",
    ],
    'P6.2': ["The recording system overwrites automatically on a rolling 31 day cycle. No manual intervention is needed."],
    'P7.1': [
        "Access to the control room and the recording system is restricted to the CCTV Manager, supervisors and licensed operators.",
        "Each user has an individual password-protected account on the video management system, and access levels are set by the CCTV Manager.",
    ],
    'P7.3': ["Footage is only released on encrypted media or through the police digital evidence management system. Email is never used to send footage."],
    'P7.4': [
        "Subject access requests are handled by the Information Governance team under the Council's SAR procedure.",
        "The requester is asked for a photograph and the date, time and location; the CCTV team locates the footage and third parties are blurred before release within one month.",
    ],
    'P7.6': [
        "Every request from a third party is recorded on a disclosure request form, which records the lawful basis, the footage requested and the decision.",
        "The CCTV Manager approves each disclosure and the register is audited quarterly by the Information Governance team.",
    ],
    'P8.1': ["The system was designed to BS EN 62676-4 and the control room operates to BS 7958:2015 (Closed circuit television - management and operation - code of practice)."],
    'P8.2': ["The maintenance contractor is NSI Gold accredited and carries out two preventative maintenance visits a year, with image quality checks recorded against the Operational Requirement."],
    'P9.1': [
        "The recording servers are in a locked equipment room inside the control room, which has swipe card access and is staffed 24 hours a day.",
        "Exported footage carries a watermark and a hash value, and an audit trail is kept of every review and export.",
    ],
    'P9.3': ["The CCTV network is physically separate from the corporate network. Firmware is kept up to date by the maintenance contractor, default passwords are changed on installation and ICT carry out an annual penetration test."],
    'P9.4': ["CCTV Code of Practice, Control Room Operational Procedures Manual and the Disclosure of Images Procedure."],
    'P9.5': ["Not applicable - the Council does not operate drones."],
    'P9.6': ["Not applicable - no body worn cameras are used."],
    'P10.1': ["Every camera is reviewed each year against crime and incident data, and the results are reported to the CCTV Steering Group. The annual report is published on the Council website."],
    'P10.3': ["No formal evaluation has been carried out. Alternatives such as improved street lighting are considered whenever a new camera is requested."],
    'P10.4': ["A maintenance contract is in place with a 4 hour response for critical faults. Operators carry out a daily camera check and report faults through the contractor's portal."],
    'P11.2': [
        "The Operational Requirement was produced with the police and follows the Home Office CCTV Operational Requirements Manual.",
        "Export formats were agreed with the police Digital Forensics Unit so that footage can be played without proprietary software.",
    ],
    'P12.1': ["None. The system does not use ANPR or facial recognition."],
    'P12.2': ["Not applicable."],
    'P12.4': ["Not applicable - no reference database is used."],
}

COUNCIL_MARKS = {
    'P1.4': 'no', 'P2.1': 'yes', 'P2.2': 'no', 'P2.3': 'yes', 'P2.4': 'yes', 'P2.6': 'no',
    'P3.1': 'yes', 'P3.2': 'yes', 'P3.3': 'yes', 'P3.4': 'no', 'P3.6': 'no',
    'P4.2': 'yes', 'P4.3': 'yes', 'P4.4': 'yes', 'P4.6': 'yes', 'P4.7': 'no',
    'P5.1': 'yes', 'P5.2': 'yes', 'P5.4': 'yes', 'P5.6': 'yes', 'P5.9': 'none', 'P5.10': 'no',
    'P6.3': 'yes', 'P6.4': 'yes', 'P6.5': 'yes', 'P6.6': 'no',
    'P7.2': 'yes', 'P7.5': 'yes', 'P7.7': 'no',
    'P8.3': 'no', 'P8.4': 'no',
    'P9.2': 'yes', 'P9.7': 'no',
    'P10.2': 'no', 'P10.3': 'no', 'P10.5': 'no',
    'P11.1': 'yes', 'P11.3': 'yes', 'P11.4': 'yes', 'P11.5': 'yes', 'P11.6': 'no',
    'P12.3': 'no', 'P12.5': 'yes', 'P12.6': 'no',
}

# A police force's body worn video.
POLICE_BWV = {
    'P1.1': [
        "Body worn video (BWV) is issued to all response, neighbourhood and roads policing officers and to PCSOs.",
        "The purposes, set out in the Force BWV Policy, are to:",
        "* capture best evidence at incidents",
        "* improve transparency and public confidence in policing",
        "* reduce complaints against officers and assaults on officers",
        "* support officer training and learning.",
    ],
    'P1.2': [
        "Part 3 of the Data Protection Act 2018 (law enforcement processing), the common law powers of the police to prevent and detect crime, and the Police and Criminal Evidence Act 1984.",
        "Recording in private dwellings is considered against Article 8 ECHR in each case.",
    ],
    'P1.3': [
        "Cameras are switched on only when an officer is exercising a police power or expects a confrontational encounter; they do not record continuously.",
        "Officers announce that recording has started, and the DPIA concludes that the intrusion is proportionate to the evidential benefit.",
    ],
    'P1.4': ["Anonymised footage is occasionally used for officer training, as permitted by section 6 of the BWV Policy."],
    'P2.5': ["N/A"],
    'P3.5': ["Complaints are handled by the Professional Standards Department under the Police (Complaints and Misconduct) Regulations 2020. How to complain is explained on the force website and on the IOPC website."],
    'P4.1': [
        "The BWV Board, chaired by the Chief Superintendent (Operational Support), meets every quarter and reports to the Force Information Assurance Board.",
        "The Digital Evidence Manager is responsible for day to day management of the system, and the Data Protection Officer attends the Board.",
    ],
    'P4.3': ["The Digital Evidence Manager is the single point of contact. Contact details are published on the force website under 'Body worn video'."],
    'P4.5': ["The BWV Policy sets out the responsibilities of officers, supervisors and the Digital Evidence team. Supervisors review a sample of their officers' recordings every month."],
    'P5.1': [
        "* Force Body Worn Video Policy and Procedure (v4.2)",
        "* Digital Evidence Management Procedure",
        "* Information Management Policy (MoPI)",
    ],
    'P5.3': [
        "Officers complete the College of Policing BWV e-learning before a camera is issued and a practical input during initial training.",
        "Changes to the policy are published on the intranet and briefed by supervisors.",
    ],
    'P5.5': ["Not applicable - there are no national occupational standards for BWV users."],
    'P5.7': ["All users are police officers or staff who are vetted and trained in the use of BWV before a camera is issued."],
    'P5.8': [
        "Officers must record whenever they use a police power (stop and search, arrest, use of force) and at any incident where they believe an evidential record is needed.",
        "Recording should not normally take place:",
        "* in places of worship",
        "* during intimate or strip searches",
        "* when speaking to victims of sexual offences, unless they consent.",
        "Officers must say that they are recording as soon as practicable.",
    ],
    'P5.9': ["N/A"],
    'P6.1': [
        "Footage that is not marked as evidential is automatically deleted after 31 days.",
        "Evidential footage is retained in line with MoPI review periods and the Criminal Procedure and Investigations Act 1996, because it may be needed for court and for disclosure.",
    ],
    'P6.2': ["The digital evidence management system deletes non-evidential footage automatically after 31 days. Deletions are logged."],
    'P7.1': ["Access is role based: officers can view their own recordings and those shared with them for a case; supervisors and the Digital Evidence team have wider access set by the system administrator."],
    'P7.3': ["Footage is shared with the CPS through the secure digital case file link. Physical media are not used."],
    'P7.4': ["SARs are processed by the Data Protection Office within one month. Third parties are blurred using the redaction tool in the evidence management system."],
    'P7.6': ["Disclosure decisions are logged on the case file and in the evidence management system audit trail. The Data Protection Office audits a sample every quarter."],
    'P8.1': [
        "The cameras and software meet the Home Office Centre for Applied Science and Technology (CAST) guidance for body worn video.",
        "The force follows the College of Policing Authorised Professional Practice for BWV.",
    ],
    'P8.2': ["New devices and firmware are tested by the Digital Evidence team before roll out, and the supplier contract requires compliance with the CAST guidance."],
    'P9.1': ["Footage cannot be deleted or edited on the camera. Uploads are encrypted, and the system keeps a full audit trail of who viewed, shared or exported each recording."],
    'P9.3': ["The evidence management system is hosted in a cloud environment assured to national policing standards. Multi-factor authentication is required and the force carries out an annual IT Health Check."],
    'P9.4': ["BWV Policy and Procedure; Digital Evidence Management Procedure; Information Security Policy."],
    'P9.5': ["N/A"],
    'P9.6': ["Recordings on the camera are encrypted and cannot be played back on the device. Lost cameras are reported to the Digital Evidence team and disabled on the system."],
    'P10.1': ["BWV use is reviewed quarterly by the BWV Board using usage, complaints and case outcome data. The DPIA is reviewed every year."],
    'P10.3': ["A 2019 evaluation compared BWV with handheld video and with no recording; BWV gave the best evidential and complaint outcomes."],
    'P10.4': ["Cameras are replaced on a 4 year cycle and faulty cameras are swapped at the station on the same day. The supplier provides software support under contract."],
    'P11.2': ["The requirement was written with the Criminal Justice Unit and the CPS so that footage can be played in court in a standard format."],
    'P12.1': ["None. BWV is not linked to ANPR or facial recognition."],
    'P12.2': ["N/A"],
    'P12.4': ["N/A"],
}

POLICE_BWV_MARKS = dict(COUNCIL_MARKS)
POLICE_BWV_MARKS.update({'P1.4': 'yes', 'P3.2': 'no', 'P3.3': 'no', 'P3.4': 'yes', 'P5.6': 'no', 'P10.3': 'yes',
                         'P12.3': 'none'})
