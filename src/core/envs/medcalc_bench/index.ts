// MedCalc-Bench v1.2 on the environment shape, reproducing MedARC's `medcalc_bench` environment with
// version "1.2": a patient note and a question asking for a clinical calculator's value (a score, a
// lab-derived decimal, a date or a gestational age); the answer in <answer> tags, scored as MedARC
// scores it (decimals within the dataset's limits, scores and dates exactly).
import { z } from '../../zod';
import { medarcPreset } from '../medarcPreset';
import type { EnvModule, MedarcBinding } from '../types';
import { readMedcalcArgs } from './medarcArgs';
import { readMedcalcPayload } from './payload';
import { medcalcPrompt } from './prompts';
import { rowToExample } from './rowToExample';
import { scoreMedcalc } from './scoreMedcalc';

const SettingsSchema = z.object({});
type MedcalcSettings = z.infer<typeof SettingsSchema>;

const MEDARC: MedarcBinding = {
  envId: 'medcalc_bench',
  commit: '285bb4c140b199976df32db9d6c5cced0578cfb7',
  paths: [
    'environments/medcalc_bench/medcalc_bench/medcalc_bench.py',
    'environments/medcalc_bench/medcalc_bench/prompts.py',
    'medarc_verifiers/parsers/xml_parser.py',
    'medarc_verifiers/prompts.py',
  ],
  readEnvArgs: readMedcalcArgs,
};
const PRESET = medarcPreset(
  MEDARC,
  'version 1.2, its zero-shot prompt byte for byte, the last <answer> tag and its per-calculator reading and ranges.',
);

export const medcalcBenchEnv: EnvModule<MedcalcSettings> = {
  id: 'medcalc_bench',
  label: 'MedCalc-Bench',
  description:
    'Clinical calculations from patient notes (ncbi/MedCalc-Bench-v1.2, Khandekar et al., 2024): scores ' +
    'such as CHA₂DS₂-VASc, lab-derived values such as creatinine clearance, due dates and gestational ' +
    'ages. Scored as MedARC scores it: a decimal counts within the dataset’s limits, a score or a date ' +
    'must match; an answer written as str(...) is evaluated as arithmetic.',
  leftOut:
    'MedARC’s “tools” variant (the Medmarks entry “tools”) lets the model run Python code and a calculator ' +
    'over many turns; a browser tab does not run model-written code, so it is left out. So are the ' +
    '“verified” dataset and the one-shot, boxed and think variants.',
  medarc: MEDARC,
  presetOf: () => PRESET,
  reference: { medarcEnvId: 'medcalc_bench', note: null },
  source: {
    kind: 'huggingface',
    licence: 'CC-BY-SA-4.0',
    homepage: 'https://huggingface.co/datasets/ncbi/MedCalc-Bench-v1.2',
    variants: [
      {
        id: 'v1.2',
        label: 'v1.2 test set',
        description: 'The 1,100-odd test questions of MedCalc-Bench v1.2; Medmarks runs these.',
        expectedRows: null,
        revision: 'refs/convert/parquet',
        parts: [
          {
            kind: 'hf-parquet',
            dataset: 'ncbi/MedCalc-Bench-v1.2',
            config: 'default',
            split: 'test',
            columns: [
              'Row Number',
              'Calculator ID',
              'Calculator Name',
              'Patient Note',
              'Question',
              'Ground Truth Answer',
              'Lower Limit',
              'Upper Limit',
            ],
          },
        ],
      },
    ],
  },
  groupLabel: 'Calculator',
  settings: { schema: SettingsSchema, defaults: {}, fields: [] },
  rowToExample,
  buildPrompt: (example) => medcalcPrompt(readMedcalcPayload(example)),
  scoring: {
    kind: 'exact',
    score: (reply, example) => scoreMedcalc(reply, readMedcalcPayload(example)),
  },
  summary: 'accuracy',
};
