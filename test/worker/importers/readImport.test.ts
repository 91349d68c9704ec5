import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import {
  MAX_NOTE_FILES,
  readImport,
  type ImportFile,
} from '../../../src/worker/importers/readImport';

const MIB = 1024 * 1024;
const utf8 = (text: string) => new TextEncoder().encode(text);
const note = (name: string) => `NOTE ${name}\nPLAN: Rest.`;

function file(name: string, content: string | Uint8Array): ImportFile {
  return new File([typeof content === 'string' ? content : new Uint8Array(content)], name);
}

/** A file that claims a size and fails the test if anything reads it. */
function unreadable(name: string, size: number): ImportFile {
  return {
    name,
    size,
    arrayBuffer: () => Promise.reject(new Error(`${name} was read before its size was checked`)),
  };
}

function zip(name: string, entries: Zippable): ImportFile {
  return file(name, zipSync(entries));
}

/**
 * Rewrites the uncompressed size that the central directory records for entries (what a forged
 * zip bomb does): fflate's listing, and so our filter, sees `size(name)` instead of the truth.
 */
function forgeSizes(bytes: Uint8Array, size: (name: string) => number | undefined): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  const end = copy.length - 22; // no archive comment
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i += 1) {
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const name = new TextDecoder().decode(copy.subarray(offset + 46, offset + 46 + nameLength));
    const forged = size(name);
    if (forged !== undefined) view.setUint32(offset + 24, forged, true);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return copy;
}

async function failure(files: readonly ImportFile[]): Promise<AppError> {
  try {
    await readImport(files);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('readImport succeeded; expected an AppError');
}

describe('readImport: .txt notes (picker, folder, drag and drop)', () => {
  it('reads the notes, keeps base names and lists the other files of a folder as ignored', async () => {
    const result = await readImport([
      file('b.txt', note('b')),
      file('procedures/A note & (1).TXT', note('a')),
      file('.DS_Store', new Uint8Array([0, 0, 0, 1, 66, 117])),
      file('._b.txt', new Uint8Array([0, 5, 22, 7])),
      file('scan.pdf', '%PDF-1.4'),
    ]);
    expect(result).toEqual({
      kind: 'notes',
      format: 'txt',
      notes: [
        { name: 'b.txt', text: note('b') },
        { name: 'A note & (1).TXT', text: note('a') },
      ],
      ignored: [
        { name: '.DS_Store', reason: 'hidden file' },
        { name: '._b.txt', reason: 'hidden file' },
        { name: 'scan.pdf', reason: 'not a .txt file' },
      ],
    });
  });

  it('strips a leading byte-order mark and keeps CRLF and non-ASCII text as written', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Café 😀\r\nPLAN: Rest.')]);
    const result = await readImport([file('bom.txt', bytes)]);
    expect(result).toMatchObject({ notes: [{ name: 'bom.txt', text: 'Café 😀\r\nPLAN: Rest.' }] });
  });
});

describe('readImport: a .zip of notes', () => {
  it('reads nested folders, skips folders, __MACOSX and hidden files, and lists other files', async () => {
    const result = await readImport([
      zip('notes.zip', {
        'mtsample_procedure/': new Uint8Array(0),
        'mtsample_procedure/a.txt': utf8(note('a')),
        'mtsample_procedure/deeper/b.TXT': [utf8(note('b')), { level: 0 }],
        'mtsample_procedure/.DS_Store': new Uint8Array([0, 1]),
        'mtsample_procedure/readme.md': utf8('# notes'),
        '__MACOSX/mtsample_procedure/._a.txt': new Uint8Array([0, 5, 22, 7]),
        'c.txt': new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(note('c'))]),
      }),
    ]);
    expect(result).toEqual({
      kind: 'notes',
      format: 'zip',
      notes: [
        { name: 'a.txt', text: note('a') },
        { name: 'b.TXT', text: note('b') },
        { name: 'c.txt', text: note('c') },
      ],
      ignored: [
        { name: 'mtsample_procedure/.DS_Store', reason: 'hidden file' },
        { name: 'mtsample_procedure/readme.md', reason: 'not a .txt file' },
      ],
    });
  });
});

describe('readImport: a .jsonl (or .json) of processed examples', () => {
  it.each(['examples.jsonl', 'Examples.JSON'])('%s', async (name) => {
    const lines = [
      { question: 'Q1', answer: 'A1', filename: 'a.txt', extracted_section: 'PLAN', extra: 1 },
      { question: 'Q2', answer: 'A2' },
    ];
    const text = `\uFEFF${lines.map((l) => JSON.stringify(l)).join('\r\n')}\r\n`;
    expect(await readImport([file(name, text)])).toEqual({
      kind: 'examples',
      format: 'jsonl',
      examples: [
        { question: 'Q1', answer: 'A1', filename: 'a.txt', extracted_section: 'PLAN' },
        { question: 'Q2', answer: 'A2' },
      ],
      sourceName: name,
    });
  });
});

const binaryNote = new Uint8Array([...utf8('PLAN'), 0, 1, 2]);
const latin1Note = new Uint8Array([...utf8('Caf'), 0xe9, ...utf8(' au lait')]);
const utf16Note = new Uint8Array([0xff, 0xfe, 0x50, 0x00, 0x4c, 0x00]);
const notUtf8 =
  'Import plain-text notes saved as UTF-8 (in most editors: Save As → Encoding: UTF-8)';
const threeMiBOfZeros = new Uint8Array(3 * MIB); // deflates to a few KB: a real, small zip bomb

describe('readImport: every bad input gets one precise message and nothing partial', () => {
  it.each<{ rule: string; files: () => ImportFile[]; message: string; nextStep: string }>([
    {
      rule: 'no files',
      files: () => [],
      message: 'No files were given.',
      nextStep: 'Pick .txt notes, a .zip of them, or one .jsonl file',
    },
    {
      rule: 'a zip mixed with a .txt',
      files: () => [zip('notes.zip', { 'a.txt': utf8('x') }), file('b.txt', 'x')],
      message:
        '"notes.zip" must be imported on its own, but 1 other file was given with it: "b.txt".',
      nextStep: 'Import "notes.zip" by itself, or pick only .txt notes',
    },
    {
      rule: 'a .txt and .DS_Store mixed with a jsonl and a zip',
      files: () => [
        file('a.txt', 'x'),
        file('examples.jsonl', '{}'),
        file('.DS_Store', 'x'),
        zip('n.zip', {}),
      ],
      message:
        '"examples.jsonl" must be imported on its own, but 3 other files were given with it: "a.txt", ".DS_Store", "n.zip".',
      nextStep: 'Import "examples.jsonl" by itself, or pick only .txt notes',
    },
    {
      rule: 'one file of another kind',
      files: () => [file('report.pdf', '%PDF')],
      message: '"report.pdf" is not a .txt, .zip, .jsonl or .json file.',
      nextStep:
        'Import the notes as .txt files (a folder of them, or a .zip), or processed examples as one .jsonl file',
    },
    {
      rule: 'a folder with no .txt left',
      files: () => [file('.DS_Store', 'x'), file('a.pdf', 'x'), file('b.docx', 'x')],
      message: 'None of the 3 files given is a .txt note (got: .DS_Store, a.pdf, b.docx).',
      nextStep:
        'Import the notes as .txt files (a folder of them, or a .zip), or processed examples as one .jsonl file',
    },
    {
      rule: 'a 50 MB note, rejected before reading',
      files: () => [file('a.txt', 'x'), unreadable('Huge note.txt', 50 * MIB)],
      message: '"Huge note.txt" is 50.0 MB; a note file may be at most 2 MB.',
      nextStep:
        'MTSamples notes are a few KB each: check that this is the right file, or leave it out',
    },
    {
      rule: 'a note one byte over the limit does not read as equal to it',
      files: () => [unreadable('edge.txt', 2 * MIB + 1)],
      message: '"edge.txt" is 2.1 MB; a note file may be at most 2 MB.',
      nextStep:
        'MTSamples notes are a few KB each: check that this is the right file, or leave it out',
    },
    {
      rule: 'notes adding up to more than 100 MB, rejected before reading',
      files: () => Array.from({ length: 51 }, (_, i) => unreadable(`n${i}.txt`, 2 * MIB)),
      message: 'The 51 .txt files add up to 102.0 MB; at most 100 MB can be imported at once.',
      nextStep: 'Import the notes in several smaller batches',
    },
    {
      rule: 'more than 5,000 notes, rejected before reading',
      files: () => Array.from({ length: MAX_NOTE_FILES + 1 }, (_, i) => unreadable(`n${i}.txt`, 1)),
      message: '5,001 .txt files were given; at most 5,000 can be imported at once.',
      nextStep: 'Import the notes in several smaller batches',
    },
    {
      rule: 'a 30 MB zip, rejected before reading',
      files: () => [unreadable('notes.zip', 30 * MIB)],
      message: '"notes.zip" is 30.0 MB; a .zip may be at most 25 MB.',
      nextStep: 'Split it into smaller files and import them one at a time',
    },
    {
      rule: 'a 26 MB jsonl, rejected before reading',
      files: () => [unreadable('examples.jsonl', 26 * MIB)],
      message: '"examples.jsonl" is 26.0 MB; a .jsonl file may be at most 25 MB.',
      nextStep: 'Split it into smaller files and import them one at a time',
    },
    {
      rule: 'a binary .txt (NUL byte)',
      files: () => [file('a.txt', 'x'), file('image.txt', binaryNote)],
      message: '"image.txt" is not a UTF-8 text file (binary data at byte 4).',
      nextStep: notUtf8,
    },
    {
      rule: 'a Windows-1252 .txt (invalid UTF-8)',
      files: () => [file('latin1.txt', latin1Note)],
      message: '"latin1.txt" is not a UTF-8 text file (invalid UTF-8 at byte 3).',
      nextStep: notUtf8,
    },
    {
      rule: 'a UTF-16 .txt (its NUL bytes come after the invalid byte-order mark)',
      files: () => [file('utf16.txt', utf16Note)],
      message: '"utf16.txt" is not a UTF-8 text file (invalid UTF-8 at byte 0).',
      nextStep: notUtf8,
    },
    {
      rule: 'a .txt cut in the middle of a character',
      files: () => [file('cut.txt', utf8('Caf\u00e9').slice(0, 4))],
      message: '"cut.txt" is not a UTF-8 text file (invalid UTF-8 at byte 3).',
      nextStep: notUtf8,
    },
    {
      rule: 'an empty .txt',
      files: () => [file('a.txt', 'x'), file('blank.txt', ' \r\n\t\n')],
      message: '"blank.txt" is empty.',
      nextStep: "Remove it or put the note's text in it",
    },
    {
      rule: 'the same note twice',
      files: () => [file('a.txt', 'x'), file('a.txt', 'y')],
      message: '"a.txt" was given twice.',
      nextStep:
        'Note names identify examples, so they must be unique: rename or leave out one of them',
    },
    {
      rule: 'two notes with one name in two folders',
      files: () => [file('x/a.txt', 'x'), file('b.txt', 'y'), file('y/a.txt', 'z')],
      message: 'Two notes are named "a.txt": "x/a.txt" and "y/a.txt".',
      nextStep:
        'Note names identify examples, so they must be unique: rename or leave out one of them',
    },
    {
      rule: 'a file that cannot be read any more',
      files: () => [
        {
          name: 'gone.txt',
          size: 3,
          arrayBuffer: () => Promise.reject(new Error('NotReadableError')),
        },
      ],
      message: '"gone.txt" could not be read (NotReadableError).',
      nextStep: 'The file may have been moved or changed since it was picked: pick it again',
    },
    {
      rule: 'an empty zip',
      files: () => [zip('empty.zip', {})],
      message: '"empty.zip" contains no files.',
      nextStep: 'Zip the folder of .txt notes and import that zip',
    },
    {
      rule: 'a zip of empty folders and macOS metadata',
      files: () => [
        zip('folders.zip', { 'a/': new Uint8Array(0), '__MACOSX/._a.txt': new Uint8Array([0]) }),
      ],
      message: '"folders.zip" contains no files.',
      nextStep: 'Zip the folder of .txt notes and import that zip',
    },
    {
      rule: 'a zip with no .txt',
      files: () => [zip('docs.zip', { 'a.pdf': utf8('x'), 'sub/b.docx': utf8('y') })],
      message: '"docs.zip" contains no .txt files (it has: a.pdf, sub/b.docx).',
      nextStep: 'Zip the folder of .txt notes and import that zip',
    },
    {
      rule: 'a zip with no .txt and many files lists ten',
      files: () => [
        zip(
          'docs.zip',
          Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`d${i}.doc`, utf8('x')])),
        ),
      ],
      message:
        '"docs.zip" contains no .txt files (it has: d0.doc, d1.doc, d2.doc, d3.doc, d4.doc, d5.doc, d6.doc, d7.doc, d8.doc, d9.doc and 2 more).',
      nextStep: 'Zip the folder of .txt notes and import that zip',
    },
    {
      rule: 'a file that is not a zip',
      files: () => [file('notes.zip', 'PLAN: this is text, not a zip')],
      message: '"notes.zip" could not be read as a zip archive (invalid zip data).',
      nextStep:
        'Check that the file is a complete .zip (open it on your computer), or import the .txt files directly',
    },
    {
      rule: 'a truncated zip (download cut short)',
      files: () => [file('cut.zip', zipSync({ 'a.txt': utf8(note('a')) }).slice(0, 60))],
      message: '"cut.zip" could not be read as a zip archive (invalid zip data).',
      nextStep:
        'Check that the file is a complete .zip (open it on your computer), or import the .txt files directly',
    },
    {
      rule: 'a zip entry whose data is shorter than its header says',
      files: () => [
        file(
          'damaged.zip',
          forgeSizes(zipSync({ 'a.txt': utf8('PLAN: x '.repeat(100)) }), () => 1000),
        ),
      ],
      message:
        '"damaged.zip" could not be read as a zip archive ("a.txt" is damaged: its header says 1,000 bytes, its data has 800).',
      nextStep:
        'Check that the file is a complete .zip (open it on your computer), or import the .txt files directly',
    },
    {
      rule: 'a zip bomb: 3 MB of zeros deflated to a few KB, refused before inflating',
      files: () => [zip('bomb.zip', { 'ok.txt': utf8('x'), 'zeros.txt': threeMiBOfZeros })],
      message: '"zeros.txt" in "bomb.zip" is 3.0 MB uncompressed; a note file may be at most 2 MB.',
      nextStep: 'Remove that file from the zip (MTSamples notes are a few KB each)',
    },
    {
      rule: 'a forged zip bomb: an entry claiming 4 GB, refused before inflating',
      files: () => [
        file(
          'forged.zip',
          forgeSizes(zipSync({ 'notes/a.txt': utf8('x') }), () => 0xfffffff0),
        ),
      ],
      message:
        '"notes/a.txt" in "forged.zip" is 4096.0 MB uncompressed; a note file may be at most 2 MB.',
      nextStep: 'Remove that file from the zip (MTSamples notes are a few KB each)',
    },
    {
      rule: 'a zip whose notes add up to more than 100 MB uncompressed',
      files: () => [
        file(
          'big.zip',
          forgeSizes(
            zipSync(
              Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`n${i}.txt`, utf8('x')])),
            ),
            () => 2 * MIB,
          ),
        ),
      ],
      message:
        '"big.zip" holds 102.0 MB of .txt notes uncompressed; at most 100 MB can be imported at once.',
      nextStep: 'Split the notes into several zips',
    },
    {
      rule: 'a zip with more than 5,000 notes',
      files: () => [
        zip(
          'many.zip',
          Object.fromEntries(
            Array.from({ length: MAX_NOTE_FILES + 1 }, (_, i) => [`n${i}.txt`, utf8('x')]),
          ),
        ),
      ],
      message: '"many.zip" holds 5,001 .txt files; at most 5,000 can be imported at once.',
      nextStep: 'Split the notes into several zips',
    },
    {
      rule: 'a zip with more than 20,000 entries of any kind',
      files: () => [
        zip(
          'folders.zip',
          Object.fromEntries(
            Array.from({ length: 20_001 }, (_, i) => [`d${i}/`, new Uint8Array(0)]),
          ),
        ),
      ],
      message: '"folders.zip" has more than 20,000 entries.',
      nextStep: 'Put at most 5,000 .txt notes in the zip',
    },
    {
      rule: 'a zip with one name in two folders',
      files: () => [
        zip('dup.zip', { 'set1/a.txt': utf8('x'), 'b.txt': utf8('y'), 'set2/a.txt': utf8('z') }),
      ],
      message: '"dup.zip" has two notes named "a.txt": "set1/a.txt" and "set2/a.txt".',
      nextStep:
        'Note names identify examples, so they must be unique: rename or remove one, then zip again',
    },
    {
      rule: 'a binary .txt inside a zip',
      files: () => [zip('n.zip', { 'a.txt': utf8('x'), 'notes/bin.txt': binaryNote })],
      message: '"notes/bin.txt" in "n.zip" is not a UTF-8 text file (binary data at byte 4).',
      nextStep: notUtf8,
    },
    {
      rule: 'an empty .txt inside a zip',
      files: () => [zip('n.zip', { 'a.txt': utf8('x'), 'notes/empty.txt': new Uint8Array(0) })],
      message: '"notes/empty.txt" in "n.zip" is empty.',
      nextStep: "Remove it or put the note's text in it",
    },
    {
      rule: 'a jsonl with bad lines',
      files: () => [
        file(
          'examples.jsonl',
          [
            '{"question": "q", "answer": "a"}',
            '["q", "a"]',
            '',
            '{"question": "q"}',
            '{"question": 3, "answer": "a"}',
          ].join('\n'),
        ),
      ],
      message:
        '"examples.jsonl" has 3 bad lines: line 2: expected a JSON object, got array; line 4: "answer" is missing; line 5: "question" must be a string, got number',
      nextStep: 'Fix those lines and import again',
    },
    {
      rule: 'a jsonl with only blank lines',
      files: () => [file('examples.jsonl', '\n  \r\n')],
      message: '"examples.jsonl" has no examples (it is empty or has only blank lines).',
      nextStep: 'Check that this is the right file: it needs one JSON object per line',
    },
    {
      rule: 'a .json holding one array',
      files: () => [file('examples.json', '[\n  {"question": "q", "answer": "a"}\n]\n')],
      message:
        '"examples.json" is a JSON array; expected JSON Lines (one example object per line).',
      nextStep: "Convert it (for example: jq -c '.[]' in.json > out.jsonl) and import the .jsonl",
    },
    {
      rule: 'a binary jsonl',
      files: () => [file('examples.jsonl', new Uint8Array([0x7b, 0x00]))],
      message: '"examples.jsonl" is not a UTF-8 text file (binary data at byte 1).',
      nextStep: notUtf8,
    },
  ])('$rule', async ({ files, message, nextStep }) => {
    const error = await failure(files());
    expect(error.kind).toBe('dataset_format');
    expect(error.message).toBe(message);
    expect(error.nextStep).toBe(`${nextStep}; nothing was stored.`);
  });
});
