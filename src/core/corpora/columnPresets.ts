// Per-dataset starting points for mapping rows to chat messages (spec §4: "map them to {system?,
// user, assistant} with a per-dataset preset that the user can edit, never by guessing silently").
// A preset whose column names are unconfirmed says so (`isGuess`); the UI shows the real features
// and asks the user to confirm or edit before anything is exported.
import type { ChatMapping } from '../schema/corpus';
import { placeholdersOf } from '../schema/templateSyntax';

export interface ColumnPreset {
  dataset: string;
  /** Only for this config; otherwise every config of the dataset. */
  config?: string;
  mapping: ChatMapping;
  /** The mapping names columns nobody has confirmed: check them against the viewer's features. */
  isGuess: boolean;
  note: string;
}

function template(user: string, assistant: string, system = ''): ChatMapping {
  return { mode: 'template', system, user, assistant };
}

const ALPACA = template('{instruction}\n\n{input}', '{output}');

/** The user turn as the question followed by lettered options, as in spec §2's prompt shape. */
const MMLU_STYLE = template('{question}\n\n{choices|lettered}', '{answer|letter}');

const COLUMN_PRESETS: readonly ColumnPreset[] = [
  {
    dataset: 'lavita/ChatDoctor-HealthCareMagic-100k',
    // `instruction` is the same doctor-role prompt on every row, which is what a system message is.
    mapping: template('{input}', '{output}', '{instruction}'),
    isGuess: false,
    note: 'The fixed instruction becomes the system message; patient → user, doctor → assistant.',
  },
  {
    dataset: 'openlifescienceai/medmcqa',
    mapping: template(
      '{question}\n\nA. {opa}\nB. {opb}\nC. {opc}\nD. {opd}',
      'Answer: {cop|letter}\n\n{exp}',
    ),
    isGuess: false,
    note: '`cop` 0–3 becomes the letter; the explanation follows when there is one.',
  },
  ...[
    'medalpaca/medical_meadow_wikidoc_patient_information',
    'medalpaca/medical_meadow_medqa',
    'medalpaca/medical_meadow_medical_flashcards',
    'medalpaca/medical_meadow_wikidoc',
    'nlpie/Llama2-MedTuned-Instructions',
    'axiong/pmc_llama_instructions',
  ].map((dataset) => ({
    dataset,
    mapping: ALPACA,
    isGuess: false,
    note: 'Instruction and input (when not empty) as the user turn; output as the assistant.',
  })),
  {
    dataset: 'Mohammed-Altaf/medical-instruction-100k',
    mapping: {
      mode: 'markers',
      column: 'Conversation',
      userMarker: '[|Human|]',
      assistantMarker: '[|AI|]',
      preamble: 'drop',
    },
    isGuess: true,
    note: 'The conversation column’s name is a guess: pick the real one from the features.',
  },
  {
    dataset: 'qiaojin/PubMedQA',
    mapping: template(
      'Context:\n{context.contexts}\n\nQuestion: {question}',
      '{long_answer}\n\nAnswer: {final_decision?}',
    ),
    isGuess: false,
    note: 'Abstract sections as context; the long answer, then the yes/no/maybe decision where there is one (pqa_unlabeled has none).',
  },
  {
    dataset: 'keivalya/MedQuad-MedicalQnADataset',
    mapping: template('{Question}', '{Answer}'),
    isGuess: false,
    note: '`qtype`, when present, is left out.',
  },
  {
    dataset: 'ruslanmv/ai-medical-chatbot',
    mapping: template('{Patient}', '{Doctor}'),
    isGuess: false,
    note: 'The patient’s message → user, the doctor’s → assistant; `Description` (a title) is left out.',
  },
  {
    dataset: 'gamino/wiki_medical_terms',
    mapping: template('{page_title}', '{page_text}'),
    isGuess: false,
    note: 'Not a conversation: the page title stands in for a question. Edit the user template to taste.',
  },
  {
    dataset: 'BI55/MedText',
    mapping: template('{Prompt}', '{Completion}'),
    isGuess: false,
    note: '',
  },
  {
    dataset: 'GBaker/MedQA-USMLE-4-options',
    mapping: template('{question}\n\n{options|lettered}', '{answer_idx}. {answer}'),
    isGuess: false,
    note: 'Options {A..D} as lettered lines; the gold letter and its text.',
  },
  { dataset: 'cais/mmlu', mapping: MMLU_STYLE, isGuess: false, note: '`answer` 0–3 as a letter.' },
];

/** A starting point for a dataset with no preset: the user must fill it in. */
export const EMPTY_MAPPING: ChatMapping = template('', '');

export function presetFor(dataset: string, config: string): ColumnPreset | undefined {
  return (
    COLUMN_PRESETS.find((p) => p.dataset === dataset && p.config === config) ??
    COLUMN_PRESETS.find((p) => p.dataset === dataset && p.config === undefined)
  );
}

/** Columns the mapping needs (absent → the row is skipped) and columns it reads only if present. */
export function mappingColumns(mapping: ChatMapping): { required: string[]; optional: string[] } {
  if (mapping.mode === 'markers') return { required: [mapping.column], optional: [] };
  const placeholders = [mapping.system, mapping.user, mapping.assistant].flatMap(placeholdersOf);
  const required = new Set(placeholders.filter((p) => !p.isOptional).map((p) => p.column));
  const optional = new Set(
    placeholders.filter((p) => p.isOptional && !required.has(p.column)).map((p) => p.column),
  );
  return { required: [...required], optional: [...optional] };
}

/** Required columns the dataset does not have: the user must edit the mapping before exporting. */
export function missingColumns(mapping: ChatMapping, features: readonly string[]): string[] {
  const present = new Set(features);
  return mappingColumns(mapping).required.filter((column) => !present.has(column));
}
