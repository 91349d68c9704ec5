// MedARC's `load_environment` arguments for longhealth (suite files' env_args) onto this env, with the
// reference's own rule for the document seed: `doc_shuffle_seed` (None → -1), and when that is -1,
// answers are not shuffled and `shuffle_seed` is neither None nor 1618, the shuffle seed is used.
// The task and the document seed pick the loaded dataset (the seed decides which letters every prompt
// holds); only Medmarks' seeds are offered, and -1 (a new order on every load) cannot be reproduced.
// The answer shuffle is a setting. Pure.
import type { MedarcEnvArgsReading } from '../types';
import { LONGHEALTH_DOC_SEEDS, longHealthVariantId } from './variants';

/** `effective_doc_seed` of `load_environment` for these args. */
export function effectiveDocSeed(args: Readonly<Record<string, unknown>>): unknown {
  const shuffleSeed = args['shuffle_seed'] === undefined ? 1618 : args['shuffle_seed'];
  const docArg = args['doc_shuffle_seed'] ?? -1;
  if (
    docArg === -1 &&
    args['shuffle_answers'] !== true &&
    shuffleSeed !== null &&
    shuffleSeed !== 1618
  ) {
    return shuffleSeed;
  }
  return docArg;
}

export function readLongHealthArgs(args: Readonly<Record<string, unknown>>): MedarcEnvArgsReading {
  const settings: Record<string, unknown> = {};
  const unsupported: string[] = [];
  let task = 'task1';
  for (const [arg, value] of Object.entries(args)) {
    switch (arg) {
      case 'task':
        if (value === 'task1' || value === 'task2') task = value;
        else unsupported.push(`task ${JSON.stringify(value)} is not task1 or task2`);
        break;
      case 'max_context_tokens':
        if (value !== 16000) unsupported.push('max_context_tokens other than 16000 is not offered');
        break;
      case 'shuffle_docs':
        if (value !== true) unsupported.push('shuffle_docs = false is not offered');
        break;
      case 'max_examples':
        if (value !== -1) unsupported.push('max_examples is not offered (a suite entry sets n)');
        break;
      case 'doc_shuffle_seed':
      case 'shuffle_answers':
      case 'shuffle_seed':
        break;
      default:
        unsupported.push(`env arg "${arg}" is not supported by LongHealth here`);
    }
  }
  const shuffleAnswers = args['shuffle_answers'] === true;
  const shuffleSeed = args['shuffle_seed'] === undefined ? 1618 : args['shuffle_seed'];
  const docSeed = effectiveDocSeed(args);
  if (docSeed === -1) {
    unsupported.push(
      'doc_shuffle_seed -1 shuffles the letters anew on every load, which cannot be reproduced',
    );
  } else if (!LONGHEALTH_DOC_SEEDS.some((seed) => seed === docSeed)) {
    unsupported.push(
      `document shuffle seed ${JSON.stringify(docSeed)} is not offered (Medmarks' ${LONGHEALTH_DOC_SEEDS.join(', ')} are)`,
    );
  }
  if (shuffleAnswers) {
    if (shuffleSeed === null) settings['shuffleAnswers'] = false;
    else if (shuffleSeed === -1) {
      unsupported.push('shuffle_seed -1 shuffles anew on every run, which cannot be reproduced');
    } else {
      settings['shuffleAnswers'] = true;
      settings['shuffleSeed'] = shuffleSeed;
    }
  } else settings['shuffleAnswers'] = false;
  const seed = typeof docSeed === 'number' ? docSeed : -1;
  return { variantId: longHealthVariantId(task, seed), settings, unsupported };
}
