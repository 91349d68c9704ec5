// Synthetic MTSamples-style operative notes for tests and benchmarks. Everything here was written for
// this project: none of it is copied from the real dataset, so a fresh clone without ../shared works.
// The names exercise what broke real downloads (spec mtsamples-procedures §1): '#', '&', spaces, a
// comma, parentheses, an apostrophe, and an order that differs between code units and locale.

export interface FixtureNote {
  name: string;
  text: string;
}

type Section = 'PLAN' | 'SUMMARY' | 'FINDINGS';

function note(name: string, lines: string[], eol = '\n'): FixtureNote {
  return { name, text: lines.join(eol) + eol };
}

function heading(specialty: string, sampleName: string, description: string): string[] {
  return [
    `Medical Specialty:${specialty}`,
    `Sample Name: ${sampleName}`,
    `Description: ${description}`,
    '(Synthetic Sample Report)',
  ];
}

/** 13 small notes: 9 become examples, 4 are skipped (see FIXTURE_EXPECTED). Order here is arbitrary. */
export function fixtureNotes(): FixtureNote[] {
  return [
    // FINDINGS: plain header, answer on its line.
    note('Appendectomy, Laparoscopic.txt', [
      ...heading(
        'General Surgery',
        'Appendectomy, Laparoscopic',
        'Laparoscopic removal of an inflamed appendix.',
      ),
      'PREOPERATIVE DIAGNOSIS: Acute appendicitis.',
      'POSTOPERATIVE DIAGNOSIS: Acute appendicitis without perforation.',
      'PROCEDURE: Laparoscopic appendectomy.',
      'ANESTHESIA: General endotracheal.',
      'FINDINGS: Swollen, hyperemic appendix without perforation or abscess.',
      'DESCRIPTION OF PROCEDURE: Three ports were placed. The mesoappendix was divided with a stapler and the appendix was removed in a bag. The patient tolerated the procedure well.',
    ]),
    // PLAN: '#' and '&' in the name.
    note('Biopsy #2 & Closure.txt', [
      ...heading(
        'Dermatology',
        'Biopsy #2 & Closure',
        'Second punch biopsy of a pigmented lesion with closure.',
      ),
      'PROCEDURE: Punch biopsy, 4 mm, right forearm, with simple closure.',
      'INDICATIONS: A changing pigmented lesion noted at a routine visit.',
      'DESCRIPTION: The site was prepped and anesthetized with 1% lidocaine. A 4 mm punch was taken and the defect closed with two sutures.',
      'PLAN: Suture removal in 10 days and review of pathology at that visit.',
    ]),
    // Skipped: says "plan" and "findings" but never as a header with a colon.
    note('Carpal Tunnel Release.txt', [
      ...heading(
        'Orthopedic',
        'Carpal Tunnel Release',
        'Open release of the transverse carpal ligament.',
      ),
      'PREOPERATIVE DIAGNOSIS: Right carpal tunnel syndrome.',
      'PROCEDURE: Open carpal tunnel release, right wrist.',
      'DESCRIPTION OF PROCEDURE: Under a tourniquet the ligament was divided in full. The findings were typical of chronic compression. The plan was reviewed with the patient before discharge.',
    ]),
    // SUMMARY: parentheses in the name.
    note('Cataract Extraction (Left Eye).txt', [
      ...heading(
        'Ophthalmology',
        'Cataract Extraction (Left Eye)',
        'Phacoemulsification of a dense cataract.',
      ),
      'PROCEDURE: Phacoemulsification with intraocular lens, left eye.',
      'ANESTHESIA: Topical with monitored sedation.',
      'DESCRIPTION: A clear corneal incision was made and the nucleus was removed by phacoemulsification.',
      'SUMMARY: Uncomplicated phacoemulsification with a posterior chamber lens placed in the bag.',
    ]),
    // Skipped: no header at all; '#' in the name.
    note('Dental Extraction #14.txt', [
      ...heading(
        'Dentistry',
        'Dental Extraction #14',
        'Surgical extraction of a fractured upper molar.',
      ),
      'PROCEDURE: Surgical extraction of tooth #14.',
      'ANESTHESIA: Local infiltration with 2% lidocaine and epinephrine.',
      'DESCRIPTION OF PROCEDURE: A buccal flap was raised, the roots were sectioned and delivered, and the socket was irrigated and closed.',
    ]),
    // Skipped: no header; non-ASCII text so UTF-8 byte size differs from string length.
    note('Excision of Lipoma.txt', [
      ...heading(
        'General Surgery',
        'Excision of Lipoma',
        'Excision of a soft tissue mass of the back.',
      ),
      'PROCEDURE: Excision of a 5 × 4 cm subcutaneous mass of the upper back.',
      'DESCRIPTION OF PROCEDURE: Temperature 36.8 °C before the start. An elliptical incision was made and the mass was shelled out intact and sent to pathology.',
    ]),
    // SUMMARY by priority, although FINDINGS comes first in the text: HELM and MedARC cut the
    // question at different places (the only fixture note where inputCut matters).
    note('Port Placement.txt', [
      ...heading('Radiology', 'Port Placement', 'Placement of a chest port for chemotherapy.'),
      'PROCEDURE: Placement of a right internal jugular chest port under ultrasound guidance.',
      'FINDINGS: Patent internal jugular vein; catheter tip at the cavoatrial junction.',
      'SUMMARY: Port placed without complications and ready for use today.',
    ]),
    // PLAN via a compound header; apostrophe in the name.
    note("Surgeon's Debridement Note.txt", [
      ...heading(
        'Podiatry',
        "Surgeon's Debridement Note",
        'Excisional debridement of a heel ulcer.',
      ),
      'HISTORY: Diabetic foot ulcer on the left heel with slough.',
      'PROCEDURE: Sharp excisional debridement down to healthy bleeding tissue.',
      'ASSESSMENT AND PLAN: Continue offloading, daily moist dressings, and recheck in one week.',
    ]),
    // FINDINGS after an empty PLAN line: the first non-empty candidate in priority order wins.
    note('Tonsillectomy & Adenoidectomy.txt', [
      ...heading(
        'ENT - Otolaryngology',
        'Tonsillectomy & Adenoidectomy',
        'Removal of tonsils and adenoids.',
      ),
      'PROCEDURE: Tonsillectomy and adenoidectomy.',
      'PLAN:',
      'Soft diet for one week and follow up in clinic.',
      'FINDINGS: Enlarged cryptic tonsils and obstructing adenoid tissue.',
    ]),
    // Skipped: headers present but every one has nothing after it on its line.
    note('Wound Closure - 1.txt', [
      ...heading(
        'General Surgery',
        'Wound Closure - 1',
        'Delayed primary closure of an abdominal wound.',
      ),
      'PROCEDURE: Delayed primary closure of a midline wound.',
      'SUMMARY:   ',
      'The wound was clean and was closed with staples.',
      'FINDINGS:',
    ]),
    // SUMMARY via a compound header.
    note('Wound Closure.txt', [
      ...heading('General Surgery', 'Wound Closure', 'Closure of a forearm laceration.'),
      'PROCEDURE: Layered closure of a 3 cm forearm laceration.',
      'DISCHARGE SUMMARY: Healing well; keep the wound dry for 48 hours.',
    ]),
    // FINDINGS in lower case; 'Z' sorts before 'a' by code unit but after it by locale.
    note('Zeta Knee Arthroscopy.txt', [
      ...heading('Orthopedic', 'Zeta Knee Arthroscopy', 'Arthroscopic partial meniscectomy.'),
      'Procedure: Right knee arthroscopy with partial medial meniscectomy.',
      'Findings: Complex tear of the posterior horn of the medial meniscus; cartilage intact.',
      'Closure: Portals closed with nylon.',
    ]),
    // FINDINGS via a compound header, CRLF line endings (the answer must not keep the '\r').
    note(
      'alpha hernia repair.txt',
      [
        ...heading(
          'General Surgery',
          'alpha hernia repair',
          'Open repair of an inguinal hernia with mesh.',
        ),
        'PROCEDURE: Open inguinal hernia repair with mesh.',
        'OPERATIVE FINDINGS: Indirect hernia sac with no bowel in it.',
        'The patient went to recovery in stable condition.',
      ],
      '\r\n',
    ),
  ];
}

/**
 * What the app must make of fixtureNotes(), worked out by hand from the rule (spec §2): a note is an
 * example when PLAN:, SUMMARY: or FINDINGS: (case-insensitive substring, in that priority) has
 * non-empty text after it on its line; otherwise it is skipped.
 *
 *   Appendectomy, Laparoscopic        FINDINGS: …                          → FINDINGS
 *   Biopsy #2 & Closure               PLAN: …                              → PLAN
 *   Carpal Tunnel Release             "plan", "findings" without colon     → skipped
 *   Cataract Extraction (Left Eye)    SUMMARY: …                           → SUMMARY
 *   Dental Extraction #14             no header                            → skipped
 *   Excision of Lipoma                no header                            → skipped
 *   Port Placement                    FINDINGS: … then SUMMARY: …          → SUMMARY (priority)
 *   Surgeon's Debridement Note        ASSESSMENT AND PLAN: …               → PLAN
 *   Tonsillectomy & Adenoidectomy     PLAN: (empty line), FINDINGS: …      → FINDINGS
 *   Wound Closure - 1                 SUMMARY: (blank), FINDINGS: (end)    → skipped
 *   Wound Closure                     DISCHARGE SUMMARY: …                 → SUMMARY
 *   Zeta Knee Arthroscopy             Findings: …                          → FINDINGS
 *   alpha hernia repair (CRLF)        OPERATIVE FINDINGS: …                → FINDINGS
 *
 * 9 examples (PLAN 2, SUMMARY 3, FINDINGS 4) and 4 skipped, out of 13 listed .txt files.
 * Names are in UTF-16 code-unit order (' ' < '.', 'Car' < 'Cat', 'Z' < 'a').
 */
export const FIXTURE_EXPECTED = {
  files: 13,
  examples: 9,
  skipped: 4,
  sections: { PLAN: 2, SUMMARY: 3, FINDINGS: 4 },
  /** Every fixture file name in code-unit order: the listing order. */
  listingOrder: [
    'Appendectomy, Laparoscopic.txt',
    'Biopsy #2 & Closure.txt',
    'Carpal Tunnel Release.txt',
    'Cataract Extraction (Left Eye).txt',
    'Dental Extraction #14.txt',
    'Excision of Lipoma.txt',
    'Port Placement.txt',
    "Surgeon's Debridement Note.txt",
    'Tonsillectomy & Adenoidectomy.txt',
    'Wound Closure - 1.txt',
    'Wound Closure.txt',
    'Zeta Knee Arthroscopy.txt',
    'alpha hernia repair.txt',
  ],
  /** Kept notes in example_id order (0-based), with the section and the reference answer. */
  examplesInOrder: [
    {
      filename: 'Appendectomy, Laparoscopic.txt',
      section: 'FINDINGS',
      answer: 'Swollen, hyperemic appendix without perforation or abscess.',
    },
    {
      filename: 'Biopsy #2 & Closure.txt',
      section: 'PLAN',
      answer: 'Suture removal in 10 days and review of pathology at that visit.',
    },
    {
      filename: 'Cataract Extraction (Left Eye).txt',
      section: 'SUMMARY',
      answer: 'Uncomplicated phacoemulsification with a posterior chamber lens placed in the bag.',
    },
    {
      filename: 'Port Placement.txt',
      section: 'SUMMARY',
      answer: 'Port placed without complications and ready for use today.',
    },
    {
      filename: "Surgeon's Debridement Note.txt",
      section: 'PLAN',
      answer: 'Continue offloading, daily moist dressings, and recheck in one week.',
    },
    {
      filename: 'Tonsillectomy & Adenoidectomy.txt',
      section: 'FINDINGS',
      answer: 'Enlarged cryptic tonsils and obstructing adenoid tissue.',
    },
    {
      filename: 'Wound Closure.txt',
      section: 'SUMMARY',
      answer: 'Healing well; keep the wound dry for 48 hours.',
    },
    {
      filename: 'Zeta Knee Arthroscopy.txt',
      section: 'FINDINGS',
      answer: 'Complex tear of the posterior horn of the medial meniscus; cartilage intact.',
    },
    {
      filename: 'alpha hernia repair.txt',
      section: 'FINDINGS',
      answer: 'Indirect hernia sac with no bowel in it.',
    },
  ] satisfies { filename: string; section: Section; answer: string }[],
  skippedNames: [
    'Carpal Tunnel Release.txt',
    'Dental Extraction #14.txt',
    'Excision of Lipoma.txt',
    'Wound Closure - 1.txt',
  ],
  /**
   * The one note whose question differs between inputCut 'helm' (cut before FINDINGS:, first in the
   * text) and 'medarc' (cut before SUMMARY:, first in priority that appears).
   */
  inputCutDiffers: ['Port Placement.txt'],
} as const;

// ---------------------------------------------------------------------------------------------------
// A corpus of realistic size and shape for benchmarks when the real notes are absent: by default 429
// notes averaging about 3.5 KB (log-normal lengths, roughly 0.85–11 KB like the real folder), sections
// often run together on one long line, and about 30% carrying a PLAN/SUMMARY/FINDINGS header.

/** mulberry32: small, fast, and the same sequence everywhere for a given seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROCEDURES = (
  'Arthroscopy Biopsy Bronchoscopy Cholecystectomy Colonoscopy Craniotomy Cystoscopy ' +
  'Debridement Discectomy Endoscopy Excision Fasciotomy Fusion Hemorrhoidectomy ' +
  'Herniorrhaphy Hysterectomy Laminectomy Lithotripsy Mastectomy Myringotomy ' +
  'Nephrectomy Orchiopexy Osteotomy Pyeloplasty Repair Resection Septoplasty ' +
  'Thyroidectomy Tracheostomy Vasectomy'
).split(' ');
const SITES = (
  'Ankle Bladder Breast Carotid Colon Elbow Femur Hip Knee Lumbar Neck Shoulder Sinus ' +
  'Thumb Ureter Wrist'
).split(' ');
const SPECIALTIES = [
  'General Surgery',
  'Orthopedic',
  'Urology',
  'Neurosurgery',
  'ENT - Otolaryngology',
  'Gastroenterology',
  'Obstetrics / Gynecology',
  'Cardiovascular / Pulmonary',
];
const SENTENCES = [
  'The patient was brought to the operating room and placed supine on the table.',
  'After adequate general anesthesia the area was prepped and draped in the usual sterile fashion.',
  'A time-out was performed confirming the patient, the procedure and the side.',
  'Local anesthetic was infiltrated along the planned incision.',
  'The incision was carried down through the subcutaneous tissue with electrocautery.',
  'Hemostasis was obtained with bipolar cautery and gentle pressure.',
  'The wound was irrigated with warm saline and inspected for bleeding.',
  'The fascia was closed with a running absorbable suture.',
  'The skin was approximated with staples and a sterile dressing was applied.',
  'The specimen was passed off the field and sent to pathology.',
  'Counts of sponges, needles and instruments were correct at the end of the case.',
  'The patient tolerated the procedure well and went to recovery in stable condition.',
  'Fluoroscopy confirmed satisfactory position of the hardware in two planes.',
  'The tourniquet was released after 42 minutes and the limb was well perfused.',
  'A drain was left in the wound bed and secured to the skin with nylon.',
  'The scope was advanced without difficulty and the mucosa was examined carefully.',
  'Bleeding was minimal throughout and no transfusion was required.',
  'The trocars were removed under direct vision and the ports were closed.',
  'The patient was extubated in the room without complication.',
  'Antibiotics were given within an hour of the incision.',
];
const OTHER_SECTIONS = [
  'PREOPERATIVE DIAGNOSIS',
  'POSTOPERATIVE DIAGNOSIS',
  'PROCEDURE PERFORMED',
  'ANESTHESIA',
  'INDICATIONS',
  'ESTIMATED BLOOD LOSS',
  'SPECIMENS',
  'COMPLICATIONS',
  'DRAINS',
  'DISPOSITION',
];
const TARGET_HEADERS = [
  'PLAN',
  'ASSESSMENT AND PLAN',
  'SUMMARY',
  'DISCHARGE SUMMARY',
  'FINDINGS',
  'OPERATIVE FINDINGS',
  'GROSS FINDINGS',
  'Findings',
];
const TARGET_TEXT = [
  'Follow up in clinic in two weeks for a wound check.',
  'Normal anatomy without evidence of malignancy.',
  'Continue current medications and resume a regular diet as tolerated.',
  'Moderate stenosis with intact surrounding structures.',
  'Uncomplicated procedure with the expected result.',
  'Early mobilization, pain control and removal of the drain tomorrow.',
];

function pick<T>(next: () => number, items: readonly T[]): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function corpusName(next: () => number): string {
  const procedure = pick(next, PROCEDURES);
  const site = pick(next, SITES);
  const roll = next();
  // Roughly the real mix: '&' in about a quarter of names, a few '#', ',', '()' and apostrophes.
  if (roll < 0.27) return `${site} ${procedure} & ${pick(next, PROCEDURES)}`;
  if (roll < 0.29) return `${procedure} #${1 + Math.floor(next() * 9)}`;
  if (roll < 0.34) return `${procedure}, ${site}`;
  if (roll < 0.36) return `${site} ${procedure} (Left)`;
  if (roll < 0.37) return `Surgeon's ${procedure}`;
  return `${site} ${procedure}`;
}

function logNormalLength(next: () => number): number {
  // Box–Muller; median ≈ 3.2 KB and σ ≈ 0.47 give a mean of about 3.5 KB.
  const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return Math.min(11_000, Math.max(850, Math.round(3_150 * Math.exp(0.47 * normal))));
}

function corpusNote(next: () => number, name: string): string {
  const target = logNormalLength(next);
  const sectionJoin = () => (next() < 0.6 ? '' : '\n'); // real notes often run sections together
  let body = '';
  for (const section of OTHER_SECTIONS) {
    if (next() < 0.6) body += `${section}:  ${pick(next, SENTENCES)}${sectionJoin()}`;
  }
  body += '\nDESCRIPTION OF PROCEDURE:  ';
  const head = [
    `Medical Specialty:${pick(next, SPECIALTIES)}`,
    `Sample Name: ${name}`,
    `Description: ${pick(next, SENTENCES)}`,
    '(Synthetic Sample Report)',
  ].join('\n');
  const hasHeader = next() < 0.31;
  const tail = hasHeader ? `\n${pick(next, TARGET_HEADERS)}: ${pick(next, TARGET_TEXT)}` : '';
  let description = '';
  while (head.length + body.length + description.length + tail.length < target) {
    description += `${pick(next, SENTENCES)} `;
  }
  if (hasHeader && next() < 0.5) {
    // Half the headers sit inside the running text instead of at the end.
    const cut = description.lastIndexOf('. ', Math.floor(description.length / 2));
    const at = cut === -1 ? description.length : cut + 2;
    return `${head}\n${body}${description.slice(0, at).trimEnd()}${tail}\n${description.slice(at).trimEnd()}\n`;
  }
  return `${head}\n${body}${description.trimEnd()}${tail}\n`;
}

/** `count` deterministic synthetic notes (same seed → same corpus), names unique. */
export function syntheticCorpus(count = 429, seed = 1): FixtureNote[] {
  const next = random(seed);
  const used = new Set<string>();
  const notes: FixtureNote[] = [];
  while (notes.length < count) {
    const base = corpusName(next);
    let name = `${base}.txt`;
    for (let n = 1; used.has(name); n += 1) name = `${base} - ${n}.txt`;
    used.add(name);
    notes.push({ name, text: corpusNote(next, name.slice(0, -4)) });
  }
  return notes;
}
