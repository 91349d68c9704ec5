// Owns reading a CSV file as `pandas.read_csv(path)` does with its defaults, for SCT-Public's bundled
// table: comma separated, double quotes (doubled inside a quoted field), \n, \r\n or \r line ends,
// blank lines skipped, a UTF-8 BOM dropped, the first line the header; a row longer than the header
// is an error (pandas raises), a shorter one is filled with missing cells. Cells are kept as text;
// `isPandasMissing` says which pandas would read as NaN. Pure.
import { AppError } from '../../errors';

/** pandas' default `na_values`: a cell that is exactly one of these reads as NaN. */
const NA_VALUES = new Set([
  '',
  '#N/A',
  '#N/A N/A',
  '#NA',
  '-1.#IND',
  '-1.#QNAN',
  '-NaN',
  '-nan',
  '1.#IND',
  '1.#QNAN',
  '<NA>',
  'N/A',
  'NA',
  'NULL',
  'NaN',
  'None',
  'n/a',
  'nan',
  'null',
]);

export function isPandasMissing(cell: string | undefined): boolean {
  return cell === undefined || NA_VALUES.has(cell);
}

/** The records of a CSV text, each a map from header name to cell text (absent cells undefined). */
export function readPandasCsv(text: string, what: string): Record<string, string | undefined>[] {
  const lines = splitRecords(text.startsWith('\ufeff') ? text.slice(1) : text);
  const header = lines.shift();
  if (header === undefined) {
    throw new AppError('dataset_format', `${what} is empty.`, {
      nextStep: 'Check the repository and commit: this is not the file the benchmark reads.',
    });
  }
  return lines.map((cells, index) => {
    if (cells.length > header.length) {
      throw new AppError(
        'dataset_format',
        `${what} line ${index + 2} has ${cells.length} fields where the header has ${header.length}.`,
        { nextStep: 'Check the repository and commit: this is not the file the benchmark reads.' },
      );
    }
    return Object.fromEntries(header.map((name, i) => [name, cells[i]]));
  });
}

/** Splits into records of cells; blank lines (no cells at all) are skipped. */
function splitRecords(text: string): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let sawAny = false;
  const endRecord = () => {
    if (sawAny) {
      cells.push(cell);
      records.push(cells);
    }
    cells = [];
    cell = '';
    sawAny = false;
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else inQuotes = false;
      } else cell += ch;
      continue;
    }
    if (ch === '"') {
      inQuotes = true;
      sawAny = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      sawAny = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
    } else {
      cell += ch;
      sawAny = true;
    }
  }
  endRecord();
  return records;
}
