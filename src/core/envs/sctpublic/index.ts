// SCT-Public (Script Concordance Testing) on the environment shape, reproducing MedARC's `sctpublic`
// environment: 174 clinical vignettes where the model rates how a new finding changes a hypothesis
// (-2 … +2), scored with partial credit against an expert panel. The table and the prompt templates
// are files of MedARC's repository, loaded at a pinned commit and checked by their git blob ids.
import { medarcPreset } from '../medarcPreset';
import type { EnvModule, GithubTextFile, MedarcBinding } from '../types';
import { sctPrompt } from './buildPrompt';
import { readSctArgs } from './medarcArgs';
import { readSctPayload } from './payload';
import { readPandasCsv } from './readPandasCsv';
import { rowToExample, SCT_TEMPLATE_FILES } from './rowToExample';
import { scoreSct } from './scoreSct';
import { SCT_DEFAULTS, SCT_SETTING_FIELDS, SctSettingsSchema, type SctSettings } from './settings';

const REPO = 'MedARC-AI/med-lm-envs';
/** The sctpublic.py reproduced; its data files are those of "Add sctpublic environment (#96)". */
const COMMIT = 'd1d164df9288051c031620fae79e7e64e7644cf1';
const DATA = 'environments/sctpublic/sctpublic/data';

/** Git blob id and size of each template at the pinned commit. */
const TEMPLATES: readonly (readonly [string, string, number])[] = [
  [SCT_TEMPLATE_FILES.guideline, 'b2d35d8cb49e34035e56608e3f95d11b9186f772', 725],
  [SCT_TEMPLATE_FILES.testcase, 'bab3b6dfb7dcdf798ea6ad61fc281b4a50920bfc', 130],
  ['example_-2.md', 'dc9fc7bf1086a8e394a655c033d8ac72a515dd08', 666],
  ['example_-1.md', 'bd83a9ad7fad1285d4988359c6ff9bf0555dca34', 345],
  ['example_0.md', 'ceab3e2c87930ab5e07fa7ab7edd23b7cacba010', 625],
  ['example_+1.md', '9c9fa0b2b2931207ade6e837dac3a299ddbf5c83', 678],
  ['example_+2.md', '86828d4571c8dce198f7dfcf47b496bd0b38ac5a', 802],
];

const templateFiles: GithubTextFile[] = TEMPLATES.map(([name, blobSha, bytes]) => ({
  kind: 'github-text',
  name,
  repo: REPO,
  path: `${DATA}/${name}`,
  blobSha,
  bytes,
}));

const MEDARC: MedarcBinding = {
  envId: 'sctpublic',
  commit: COMMIT,
  paths: [
    'environments/sctpublic/sctpublic/sctpublic.py',
    `${DATA}/*.md`,
    `${DATA}/sct_cleaned_full.csv`,
  ],
  readEnvArgs: readSctArgs,
};
const PRESET = medarcPreset(
  MEDARC,
  'its prompt templates byte for byte, its “Rating: ” reader (on the message list as Python prints it) and its panel partial credit.',
);

export const sctpublicEnv: EnvModule<SctSettings> = {
  id: 'sctpublic',
  label: 'SCT-Public',
  description:
    'Script Concordance Tests (SCT-Bench public set, McCoy et al., NEJM AI 2025): 174 clinical vignettes ' +
    'where the model rates how a new finding changes a hypothesis, from -2 to +2, scored with partial ' +
    'credit against an expert panel (the panel’s score for the rating over its best score), as MedARC ' +
    'scores it.',
  medarc: MEDARC,
  presetOf: () => PRESET,
  reference: { medarcEnvId: 'sctpublic', note: null },
  source: {
    kind: 'github-files',
    licence: 'MIT',
    homepage: 'https://github.com/SCT-Bench/sctpublic',
    variants: [
      {
        id: 'public',
        label: 'Public set (174 cases)',
        description:
          'MedARC’s bundled sct_cleaned_full.csv: 102 Adelaide SCT and 72 Open Medical SCT cases.',
        expectedRows: 174,
        revision: COMMIT,
        parts: [
          {
            kind: 'github-file',
            repo: REPO,
            path: `${DATA}/sct_cleaned_full.csv`,
            blobSha: '1fe1e34ab4981d11ea7fb0634c4cbd2f4f67a8b2',
            bytes: 83386,
            rows: (text) => readPandasCsv(text, 'sct_cleaned_full.csv'),
          },
        ],
        extras: templateFiles,
      },
    ],
  },
  groupLabel: 'Source',
  settings: { schema: SctSettingsSchema, defaults: SCT_DEFAULTS, fields: SCT_SETTING_FIELDS },
  rowToExample,
  buildPrompt: (example, settings) => sctPrompt(readSctPayload(example), settings),
  scoring: {
    kind: 'exact',
    score: (reply, example) => scoreSct(reply, readSctPayload(example)),
  },
  summary: 'accuracy',
};
