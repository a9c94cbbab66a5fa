/**
 * The Surveillance Camera Commissioner's self-assessment template, as data.
 *
 * Identifier scheme: every question has an `id` of the form `P<principle>.<index>`
 * where `index` is its 1-based position within the principle (P1.1 … P1.5,
 * P2.1 … P2.6, …, P12.6). `number` is the number the template prints (1-70 from
 * Principle 2 on); the five Principle 1 questions are unnumbered and have `null`.
 * Ids are stable whatever numbering a published document uses.
 */

export type AnswerType =
  /** Yes/No checkboxes only. */
  | 'yesno'
  /** Open text box only. */
  | 'open'
  /** Yes/No checkboxes and a text box for the explanation the question asks for. */
  | 'yesno-text'
  /** Yes/No/N/A and a text box (the drone question, printed 28). */
  | 'yesno-na-text';

export interface Question {
  readonly id: string;
  readonly principle: number;
  readonly index: number;
  readonly number: number | null;
  readonly text: string;
  readonly type: AnswerType;
  /** The last question of a principle, answered by its Action Plan box. */
  readonly actionQuestion: boolean;
}

export interface Principle {
  readonly number: number;
  readonly statement: string;
}

export const TITLE_FIELDS = [
  { key: 'name', label: 'Name of organisation' },
  { key: 'scope', label: 'Scope of surveillance camera system' },
  { key: 'seniorResponsibleOfficer', label: 'Senior Responsible Officer' },
  { key: 'position', label: 'Position within organisation' },
  { key: 'signOffDate', label: 'Date of sign off' },
] as const;

export type TitleField = (typeof TITLE_FIELDS)[number]['key'];

export const PRINCIPLES: readonly Principle[] = [
  { number: 1, statement: 'Use of a surveillance camera system must always be for a specified purpose which is in pursuit of a legitimate aim and necessary to meet an identified pressing need.' },
  { number: 2, statement: 'The use of a surveillance camera system must take into account its effect on individuals and their privacy, with regular reviews to ensure its use remains justified.' },
  { number: 3, statement: 'There must be as much transparency in the use of a surveillance camera system as possible, including a published contact point for access to information and complaints.' },
  { number: 4, statement: 'There must be clear responsibility and accountability for all surveillance camera system activities including images and information collected, held and used.' },
  { number: 5, statement: 'Clear rules, policies and procedures must be in place before a surveillance camera system is used, and these must be communicated to all who need to comply with them.' },
  { number: 6, statement: 'No more images and information should be stored than that which is strictly required for the stated purpose of a surveillance camera system, and such images and information should be deleted once their purposes have been discharged.' },
  { number: 7, statement: 'Access to retained images and information should be restricted and there must be clearly defined rules on who can gain access and for what purpose such access is granted; the disclosure of images and information should only take place when it is necessary for such a purpose or for law enforcement purposes.' },
  { number: 8, statement: 'Surveillance camera system operators should consider any approved operational, technical and competency standards relevant to a system and its purpose and work to meet and maintain those standards.' },
  { number: 9, statement: 'Surveillance camera system images and information should be subject to appropriate security measures to safeguard against unauthorised access and use.' },
  { number: 10, statement: 'There should be effective review and audit mechanisms to ensure legal requirements, policies and standards are complied with in practice, and regular reports should be published.' },
  { number: 11, statement: 'When the use of a surveillance camera system is in pursuit of a legitimate aim, and there is a pressing need for its use, it should then be used in the most effective way to support public safety and law enforcement with the aim of processing images and information of evidential value.' },
  { number: 12, statement: 'Any information used to support a surveillance camera system which compares against a reference database for matching purposes should be accurate and kept up to date.' },
];

/**
 * Text the template itself prints between questions. It is never an answer;
 * the matcher drops blocks that reproduce it.
 */
export const TEMPLATE_GUIDANCE: readonly string[] = [
  "Before May 2018 the requirement was to complete a privacy impact assessment; this has been replaced by a data protection impact assessment. There is a surveillance camera specific template on the Surveillance Camera Commissioner's website:",
  'https://www.gov.uk/government/publications/privacy-impact-assessments-for-surveillance-cameras',
  'Guidance on single point of contact:',
  'https://www.gov.uk/government/publications/introducing-a-single-point-of-contact-guidance-for-local-authorities/introducing-a-single-point-of-contact',
  "(There are lists of relevant standards on the Surveillance Camera Commissioner's website: https://www.gov.uk/guidance/recommended-standards-for-the-cctv-industry)",
  'https://www.gov.uk/guidance/recommended-standards-for-the-cctv-industry',
];

function q(principle: number, index: number, number: number | null, text: string, type: AnswerType): Question {
  return { id: `P${principle}.${index}`, principle, index, number, text, type, actionQuestion: false };
}

const RAW: readonly Question[] = [
  q(1, 1, null, 'What is the problem you face and have you defined a purpose in trying to solve it? Have you set objectives in a written statement of need?', 'open'),
  q(1, 2, null, 'What is the lawful basis for your use of surveillance?', 'open'),
  q(1, 3, null, 'What is your justification for surveillance being necessary and proportionate?', 'open'),
  q(1, 4, null, 'Is the system being used for any other purpose other than those specified? If so please explain.', 'yesno-text'),
  q(1, 5, null, 'Have you identified any areas where action is required to conform more fully with the requirements of Principle 1?', 'open'),
  q(2, 1, 1, "Has your organisation paid a registration fee to the Information Commissioner's Office and informed them of the appointment of a Data Protection Officer (DPO) who reports to the highest management level within the organisation?", 'yesno'),
  q(2, 2, 2, 'Are you able to document that any use of automatic facial recognition software or any other biometric characteristic recognition systems is necessary and proportionate in meeting your stated purpose?', 'yesno'),
  q(2, 3, 3, 'Have you carried out a data protection impact assessment, and were you and your DPO able to sign off that privacy risks had been mitigated adequately?', 'yesno'),
  q(2, 4, 4, 'Do you update your data protection impact assessment regularly and whenever fundamental changes are made to your system?', 'yesno'),
  q(2, 5, 5, 'How have you documented any decision that a data protection impact assessment is not necessary for your surveillance activities together with the supporting rationale?', 'open'),
  q(2, 6, 6, 'Have you identified any areas where action is required to conform more fully with the requirements of Principle 2?', 'yesno'),
  q(3, 1, 7, 'Has there been proportionate consultation and engagement with the public and partners to assess whether there is a legitimate aim and a pressing need for the system?', 'yesno'),
  q(3, 2, 8, 'Does your Privacy Notice signage highlight the use of a surveillance camera system and the purpose for which it captures images?', 'yesno'),
  q(3, 3, 9, 'Does your signage state who operates the system and include a point of contact for further information?', 'yesno'),
  q(3, 4, 10, 'If your surveillance camera systems use body worn cameras, do you inform those present that images and sound are being recorded whenever such a camera is activated?', 'yesno'),
  q(3, 5, 11, 'What are your procedures for handling any concerns or complaints?', 'open'),
  q(3, 6, 12, 'Have you identified any areas where action is required to conform more fully with the requirements of Principle 3?', 'yesno'),
  q(4, 1, 13, 'What governance arrangements are in place?', 'open'),
  q(4, 2, 14, 'Do your governance arrangements include a senior responsible officer?', 'yesno'),
  q(4, 3, 15, 'Have you appointed a single point of contact within your governance arrangements, and what steps have you taken to publicise the role and contact details?', 'yesno-text'),
  q(4, 4, 16, 'Are all staff aware of the roles and responsibilities relating to the surveillance camera system, including their own?', 'yesno'),
  q(4, 5, 17, 'How do you ensure the lines of responsibility are always followed?', 'open'),
  q(4, 6, 18, 'If the surveillance camera system is jointly owned or jointly operated, is it clear what each partner organisation is responsible for and what the individual obligations are?', 'yesno'),
  q(4, 7, 19, 'Have you identified any areas where action is required to conform more fully with the requirements of Principle 4?', 'yesno'),
  q(5, 1, 20, 'Do you have clear policies and procedures in place to support the lawful operation of your surveillance camera system? If so, please specify.', 'yesno-text'),
  q(5, 2, 21, 'Are the rules, policies and procedures part of an induction process for all staff?', 'yesno'),
  q(5, 3, 22, 'How do you ensure continued competence of system users especially relating to relevant operational, technical, privacy considerations, policies and procedures?', 'open'),
  q(5, 4, 23, 'Have you considered occupational standards relevant to the role of the system users, such as National Occupational Standard for CCTV operations or other similar?', 'yesno'),
  q(5, 5, 24, 'If so, how many of your system users have undertaken any occupational standards to date?', 'open'),
  q(5, 6, 25, 'Do you and your system users require Security Industry Authority (SIA) licences?', 'yesno'),
  q(5, 7, 26, 'If your system users do not need an SIA licence, how do you ensure they have the necessary skills and knowledge to use or manage the surveillance system?', 'open'),
  q(5, 8, 27, 'If you deploy body worn cameras, what are your written instructions as to when it is appropriate to activate BWV recording and when not?', 'open'),
  q(5, 9, 28, 'If you deploy surveillance cameras using drones, have you obtained either Standard Permission or Non-Standard Permission from the Civil Aviation Authority and what is your CAA SUA Operator ID Number?', 'yesno-na-text'),
  q(5, 10, 29, 'Have you identified any areas where action is required to conform more fully with the requirements of Principle 5?', 'yesno'),
  q(6, 1, 30, 'How long is the period for which you routinely retain images and information, and please explain why this period is proportionate to the purpose for which they were captured?', 'open'),
  q(6, 2, 31, 'What arrangements are in place for the automated deletion of images?', 'open'),
  q(6, 3, 32, 'When it is necessary to retain images for longer than your routine retention period, are those images then subject to regular review?', 'yesno'),
  q(6, 4, 33, 'Are there any time constraints in the event of a law enforcement agency not taking advantage of the opportunity to view the retained images?', 'yesno'),
  q(6, 5, 34, 'Do you quarantine all relevant information and images relating to a reported incident until such time as the incident is resolved and/or all the information and images have been passed on to the enforcement agencies?', 'yesno'),
  q(6, 6, 35, 'Have you identified any areas where action is required to conform more fully with the requirements of Principle 6?', 'yesno'),
  q(7, 1, 36, 'How do you decide who has access to the images and information retained by your surveillance camera system?', 'open'),
  q(7, 2, 37, 'Do you have a written policy on the disclosure of information to any third party?', 'yesno'),
  q(7, 3, 38, 'How do your procedures for disclosure of information guard against cyber security risks?', 'open'),
  q(7, 4, 39, 'What are your procedures for Subject Access Requests where a data subject asks for copies of any images in which they appear?', 'open'),
  q(7, 5, 40, 'Do your procedures include publication of information about how to make a Subject Access Request, and include privacy masking capability in the event that any third party is recognisable in the images which are released to your data subject?', 'yesno'),
  q(7, 6, 41, 'What procedures do you have to document decisions about the sharing of information with a third party and what checks do you have in place to ensure that the disclosure policy is followed?', 'open'),
  q(7, 7, 42, 'Have you identified any areas where action is required to conform more fully with the requirements of Principle 7?', 'yesno'),
  q(8, 1, 43, 'What approved operational, technical and competency standards relevant to a surveillance system and its purpose does your system meet?', 'open'),
  q(8, 2, 44, 'How do you ensure that these standards are met from the moment of commissioning your system and maintained appropriately?', 'open'),
  q(8, 3, 45, 'Have you gained independent third-party certification against the approved standards?', 'yesno'),
  q(8, 4, 46, 'Have you identified any areas where action is required to conform more fully with the requirements of Principle 8?', 'yesno'),
  q(9, 1, 47, 'What security safeguards exist to ensure the integrity of images and information?', 'open'),
  q(9, 2, 48, 'If the system is connected across an organisational network or intranet, do sufficient controls and safeguards exist?', 'yesno'),
  q(9, 3, 49, 'How do your security systems guard against cyber security threats?', 'open'),
  q(9, 4, 50, 'What documented procedures, instructions and/or guidelines are in place regarding the storage, use and access of surveillance camera system images and information?', 'open'),
  q(9, 5, 51, 'In the event of a drone mounted camera being lost from sight, what capability does the pilot have to reformat the memory storage or protect against cyber attack by remote activation?', 'open'),
  q(9, 6, 52, 'In the event of a body worn camera being lost or stolen, what capability exists to ensure data cannot be viewed or exported by unauthorised persons?', 'open'),
  q(9, 7, 53, 'In reviewing your responses to Principle 9, have you identified any areas where action is required to conform more fully with the requirements? If so, please list them below.', 'yesno'),
  q(10, 1, 54, 'How do you review your system to ensure it remains necessary and proportionate in meeting its stated purpose?', 'open'),
  q(10, 2, 55, 'Have you identified any camera locations or integrated surveillance technologies that do not remain justified in meeting the stated purpose(s)?', 'yesno'),
  q(10, 3, 56, 'Have you conducted an evaluation in order to compare alternative interventions to surveillance cameras? (If so please provide brief details)', 'yesno-text'),
  q(10, 4, 57, 'How do your system maintenance arrangements ensure that it remains effective in meeting its stated purpose?', 'open'),
  q(10, 5, 58, 'Have you identified any areas where action is required to conform more fully with the requirements of Principle 10?', 'yesno'),
  q(11, 1, 59, 'Are the images and information produced by your system of a suitable quality to meet requirements for use as evidence?', 'yesno'),
  q(11, 2, 60, 'During the production of the operational requirement for your system, what stakeholder engagement was carried out or guidance followed to ensure exported data would meet the quality requirements for evidential purposes?', 'open'),
  q(11, 3, 61, 'Do you have safeguards in place to ensure the forensic integrity of the images and information, including a complete audit trail?', 'yesno'),
  q(11, 4, 62, 'Is the information in a format that is easily exportable?', 'yesno'),
  q(11, 5, 63, 'Does the storage ensure the integrity and quality of the original recording and of the meta-data?', 'yesno'),
  q(11, 6, 64, 'Have you identified any areas where action is required to conform more fully with the requirements of Principle 11?', 'yesno'),
  q(12, 1, 65, 'What use do you make of integrated surveillance technology such as automatic number plate recognition or automatic facial recognition software?', 'open'),
  q(12, 2, 66, 'How do you decide when and whether a vehicle or individual should be included in a reference database?', 'open'),
  q(12, 3, 67, 'Do you have a policy in place to ensure that the information contained on your database is accurate and up to date?', 'yesno'),
  q(12, 4, 68, 'What policies are in place to determine how long information remains in the reference database?', 'open'),
  q(12, 5, 69, 'Are all staff aware of when surveillance becomes covert surveillance under the Regulation of Investigatory Powers Act (RIPA) 2000?', 'yesno'),
  q(12, 6, 70, 'Have you identified any areas where action is required to conform more fully with the requirements of Principle 12?', 'yesno'),
];

const LAST_INDEX = new Map(RAW.map((x) => [x.principle, x.index]));

export const QUESTIONS: readonly Question[] = RAW.map((x) => ({
  ...x,
  actionQuestion: LAST_INDEX.get(x.principle) === x.index,
}));

export const QUESTIONS_BY_PRINCIPLE: ReadonlyMap<number, readonly Question[]> = new Map(
  PRINCIPLES.map((p) => [p.number, QUESTIONS.filter((x) => x.principle === p.number)]),
);
