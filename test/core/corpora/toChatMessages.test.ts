import { describe, expect, it } from 'vitest';
import { mappingColumns, missingColumns, presetFor } from '../../../src/core/corpora/columnPresets';
import {
  chatJsonlLine,
  chatLines,
  emptyTally,
  rawJsonlLine,
  toChatMessages,
} from '../../../src/core/corpora/toChatMessages';
import { checkMapping } from '../../../src/core/corpora/mappingCheck';
import { renderTemplate } from '../../../src/core/corpora/template';
import { templateProblems } from '../../../src/core/schema/templateSyntax';
import { ChatMappingSchema, type ChatMapping } from '../../../src/core/schema/corpus';

function mappingOf(dataset: string, config = 'default'): ChatMapping {
  const preset = presetFor(dataset, config);
  if (preset === undefined) throw new Error(`no preset for ${dataset}`);
  return preset.mapping;
}

const sys = (content: string) => ({ role: 'system', content });
const user = (content: string) => ({ role: 'user', content });
const assistant = (content: string) => ({ role: 'assistant', content });

// One realistic row per catalog dataset (shapes from spec §2 and §4), and the messages it must give.
const CASES: {
  dataset: string;
  config?: string;
  row: Record<string, unknown>;
  messages: unknown[];
}[] = [
  {
    dataset: 'lavita/ChatDoctor-HealthCareMagic-100k',
    row: {
      instruction:
        "If you are a doctor, please answer the medical questions based on the patient's description.",
      input: 'I have had a headache for three days.',
      output: 'Hi, thanks for the query. Rest and fluids.',
    },
    messages: [
      sys(
        "If you are a doctor, please answer the medical questions based on the patient's description.",
      ),
      user('I have had a headache for three days.'),
      assistant('Hi, thanks for the query. Rest and fluids.'),
    ],
  },
  {
    dataset: 'openlifescienceai/medmcqa',
    row: {
      question: 'Which vitamin deficiency causes scurvy?',
      opa: 'A',
      opb: 'B12',
      opc: 'C',
      opd: 'D',
      cop: 2,
      choice_type: 'single',
      exp: 'Vitamin C is needed for collagen.',
      subject_name: 'Biochemistry',
      topic_name: null,
    },
    messages: [
      user('Which vitamin deficiency causes scurvy?\n\nA. A\nB. B12\nC. C\nD. D'),
      assistant('Answer: C\n\nVitamin C is needed for collagen.'),
    ],
  },
  {
    dataset: 'openlifescienceai/medmcqa',
    row: { question: 'Q?', opa: 'w', opb: 'x', opc: 'y', opd: 'z', cop: 0, exp: null },
    messages: [user('Q?\n\nA. w\nB. x\nC. y\nD. z'), assistant('Answer: A')],
  },
  ...[
    'medalpaca/medical_meadow_wikidoc_patient_information',
    'medalpaca/medical_meadow_medqa',
    'medalpaca/medical_meadow_medical_flashcards',
    'medalpaca/medical_meadow_wikidoc',
  ].map((dataset) => ({
    dataset,
    row: {
      instruction: 'Answer this question truthfully',
      input: 'What causes gout?',
      output: 'Uric acid crystals.',
    },
    messages: [
      user('Answer this question truthfully\n\nWhat causes gout?'),
      assistant('Uric acid crystals.'),
    ],
  })),
  ...['nlpie/Llama2-MedTuned-Instructions', 'axiong/pmc_llama_instructions'].map((dataset) => ({
    dataset,
    row: {
      instruction: 'Define the term.',
      input: '',
      output: 'A definition.',
      source: 'medqa',
      sample_id: 7,
    },
    messages: [user('Define the term.'), assistant('A definition.')],
  })),
  {
    dataset: 'Mohammed-Altaf/medical-instruction-100k',
    row: {
      Conversation:
        'The conversation between human and AI assistant.\n[|Human|] I have a fever.\n[|AI|] How high is it?\n[|Human|] 39 degrees.\n[|AI|] Take paracetamol and see a doctor.\n[|Human|]',
    },
    messages: [
      user('I have a fever.'),
      assistant('How high is it?'),
      user('39 degrees.'),
      assistant('Take paracetamol and see a doctor.'),
    ],
  },
  {
    dataset: 'qiaojin/PubMedQA',
    config: 'pqa_labeled',
    row: {
      pubid: 21645374,
      question: 'Do mitochondria play a role in remodelling lace plant leaves?',
      context: {
        contexts: ['Background text.', 'Results text.'],
        labels: ['BACKGROUND', 'RESULTS'],
        meshes: [],
      },
      long_answer: 'Results show mitochondria are involved.',
      final_decision: 'yes',
    },
    messages: [
      user(
        'Context:\nBackground text.\nResults text.\n\nQuestion: Do mitochondria play a role in remodelling lace plant leaves?',
      ),
      assistant('Results show mitochondria are involved.\n\nAnswer: yes'),
    ],
  },
  {
    dataset: 'qiaojin/PubMedQA',
    config: 'pqa_unlabeled',
    row: {
      pubid: 1,
      question: 'Q?',
      context: { contexts: ['C.'], labels: [], meshes: [] },
      long_answer: 'Long.',
    },
    messages: [user('Context:\nC.\n\nQuestion: Q?'), assistant('Long.')],
  },
  {
    dataset: 'keivalya/MedQuad-MedicalQnADataset',
    row: {
      qtype: 'symptoms',
      Question: 'What are the symptoms of glaucoma?',
      Answer: 'Often none at first.',
    },
    messages: [user('What are the symptoms of glaucoma?'), assistant('Often none at first.')],
  },
  {
    dataset: 'ruslanmv/ai-medical-chatbot',
    row: {
      Description: 'Q. Is this rash serious?',
      Patient: 'Hi doctor, I have a rash.',
      Doctor: 'Hi. It looks like eczema.',
    },
    messages: [user('Hi doctor, I have a rash.'), assistant('Hi. It looks like eczema.')],
  },
  {
    dataset: 'gamino/wiki_medical_terms',
    row: { page_title: 'Asthma', page_text: 'Asthma is a long-term condition…' },
    messages: [user('Asthma'), assistant('Asthma is a long-term condition…')],
  },
  {
    dataset: 'BI55/MedText',
    row: { Prompt: 'A 50-year-old man with chest pain…', Completion: 'Likely angina; get an ECG.' },
    messages: [user('A 50-year-old man with chest pain…'), assistant('Likely angina; get an ECG.')],
  },
  {
    dataset: 'GBaker/MedQA-USMLE-4-options',
    row: {
      question: 'Which drug?',
      options: { A: 'Aspirin', B: 'Heparin', C: 'Warfarin', D: 'Insulin' },
      answer_idx: 'B',
      answer: 'Heparin',
      meta_info: 'step1',
    },
    messages: [
      user('Which drug?\n\nA. Aspirin\nB. Heparin\nC. Warfarin\nD. Insulin'),
      assistant('B. Heparin'),
    ],
  },
  {
    dataset: 'cais/mmlu',
    config: 'anatomy',
    row: {
      question: 'Which bone?',
      subject: 'anatomy',
      choices: ['Femur', 'Tibia', 'Ulna', 'Radius'],
      answer: 3,
    },
    messages: [user('Which bone?\n\nA. Femur\nB. Tibia\nC. Ulna\nD. Radius'), assistant('D')],
  },
];

describe('column presets on realistic rows', () => {
  it.each(CASES)('$dataset $config', ({ dataset, config, row, messages }) => {
    expect(toChatMessages(row, mappingOf(dataset, config))).toEqual({ messages });
  });

  it('names the guessed conversation column as a guess, and finds it missing from real features', () => {
    const preset = presetFor('Mohammed-Altaf/medical-instruction-100k', 'default');
    expect(preset?.isGuess).toBe(true);
    expect(missingColumns(preset!.mapping, ['instruction', 'output'])).toEqual(['Conversation']);
    expect(missingColumns(preset!.mapping, ['Conversation'])).toEqual([]);
  });
});

describe('toChatMessages skips', () => {
  const alpaca = mappingOf('medalpaca/medical_meadow_wikidoc');

  it('skips a row missing a required column, naming it', () => {
    expect(toChatMessages({ instruction: 'x', output: 'y' }, alpaca)).toEqual({
      skip: 'missing column "input"',
    });
    expect(toChatMessages({ output: 'y' }, alpaca)).toEqual({
      skip: 'missing columns "instruction", "input"',
    });
  });

  it('skips empty user or assistant messages', () => {
    expect(toChatMessages({ instruction: ' ', input: '', output: 'y' }, alpaca)).toEqual({
      skip: 'empty user message',
    });
    expect(toChatMessages({ instruction: 'x', input: '', output: null }, alpaca)).toEqual({
      skip: 'empty assistant message',
    });
  });

  it('in markers mode: skips a missing or non-text column and a conversation with no exchange', () => {
    const markers = mappingOf('Mohammed-Altaf/medical-instruction-100k');
    expect(toChatMessages({ text: 'x' }, markers)).toEqual({
      skip: 'missing column "Conversation"',
    });
    expect(toChatMessages({ Conversation: 3 }, markers)).toEqual({
      skip: 'column "Conversation" is not text',
    });
    expect(toChatMessages({ Conversation: '[|Human|] hello?' }, markers)).toEqual({
      skip: 'no [|Human|] … [|AI|] exchange',
    });
    expect(toChatMessages({ Conversation: 'no markers at all' }, markers)).toEqual({
      skip: 'no [|Human|] … [|AI|] exchange',
    });
  });

  it('in markers mode: merges repeated speakers and keeps the preamble as system when asked', () => {
    const mapping: ChatMapping = {
      mode: 'markers',
      column: 'c',
      userMarker: '[|Human|]',
      assistantMarker: '[|AI|]',
      preamble: 'system',
    };
    const text = 'Be kind. [|Human|] one [|Human|] two [|AI|] reply [|AI|]   ';
    expect(toChatMessages({ c: text }, mapping)).toEqual({
      messages: [sys('Be kind.'), user('one\n\ntwo'), assistant('reply')],
    });
  });
});

describe('templates', () => {
  it('drops parts whose placeholders are all empty, keeps literal-only parts', () => {
    expect(renderTemplate('{a}\n\n{b}\n\nEnd.', { a: 'x', b: '' })).toEqual({ text: 'x\n\nEnd.' });
    expect(renderTemplate('Note: {b}\n\n{a}', { a: 'x', b: null })).toEqual({ text: 'x' });
  });

  it('formats numbers, lists, objects and filters; optional columns may be absent', () => {
    const row = { n: 2, list: ['p', 'q'], obj: { k: 1 }, s: '1' };
    expect(renderTemplate('{n|letter} {s|letter} {list|lettered}', row)).toEqual({
      text: 'C B A. p\nB. q',
    });
    expect(renderTemplate('{obj} {obj.k} {list|json} {missing?}', row)).toEqual({
      text: '{"k":1} 1 ["p","q"]',
    });
    expect(renderTemplate('{gone}', row)).toEqual({ missingColumns: ['gone'] });
  });

  it('rejects unknown filters, through the mapping schema too', () => {
    expect(templateProblems('{a|upper}')).toEqual([
      'unknown filter "upper" (use letter, lettered, json)',
    ]);
    const bad = { mode: 'template', system: '', user: '{a|upper}', assistant: '{b}' };
    expect(ChatMappingSchema.safeParse(bad).success).toBe(false);
    expect(ChatMappingSchema.safeParse({ ...bad, user: '{a}' }).success).toBe(true);
    expect(ChatMappingSchema.safeParse({ ...bad, user: '  ' }).success).toBe(false);
  });

  it('lists required and optional columns of a mapping', () => {
    expect(mappingColumns(mappingOf('qiaojin/PubMedQA', 'pqa_labeled'))).toEqual({
      required: ['context', 'question', 'long_answer'],
      optional: ['final_decision'],
    });
  });
});

describe('JSONL lines', () => {
  it('writes {"messages": …} lines and raw rows, counting skips by reason', () => {
    const mapping = mappingOf('BI55/MedText');
    const tally = emptyTally();
    const lines = chatLines(
      [
        { Prompt: 'p1', Completion: 'c1' },
        { Prompt: 'p2' },
        { Prompt: 'p3', Completion: '' },
        { Prompt: 'p4' },
      ],
      mapping,
      tally,
    );
    expect(lines).toEqual([chatJsonlLine([user('p1') as never, assistant('c1') as never])]);
    expect(JSON.parse(lines[0]!)).toEqual({ messages: [user('p1'), assistant('c1')] });
    expect(tally).toEqual({
      written: 1,
      skipped: 3,
      skipReasons: { 'missing column "Completion"': 2, 'empty assistant message': 1 },
    });
    expect(rawJsonlLine({ a: 1, b: 'x\ny' })).toBe('{"a":1,"b":"x\\ny"}');
  });
});

describe('checkMapping', () => {
  it('reports schema problems, missing columns and a pending confirmation', () => {
    const markers = mappingOf('Mohammed-Altaf/medical-instruction-100k');
    if (markers.mode !== 'markers') throw new Error('expected a markers preset');
    expect(checkMapping(markers, ['text'], true)).toEqual({
      problems: ['confirm the column names against the real columns'],
      missing: ['Conversation'],
      isUsable: false,
    });
    expect(checkMapping({ ...markers, column: 'text' }, ['text'], false).isUsable).toBe(true);
    const empty = checkMapping(
      { mode: 'template', system: '', user: '', assistant: '{b}' },
      [],
      false,
    );
    expect(empty.problems).toEqual(['user: must not be empty']);
    expect(empty.missing).toEqual([]);
  });
});
