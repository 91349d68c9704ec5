import { useState } from 'react';
import { SuiteFileError } from '../../../core/suites/expandEvalToml';
import type { Suite } from '../../../core/suites/suite';
import { SUITE_RECORD_VERSION } from '../../../core/suites/suiteRun';
import { suiteFromToml, suiteToToml } from '../../../core/suites/suiteToml';
import { useServices } from '../../appContext';
import { downloadFile } from '../../download';

interface SuitePickerProps {
  suites: readonly Suite[];
  suite: Suite;
  onSuite: (id: string) => void;
}

const MAX_FILE_BYTES = 1_000_000;

/** Which suite; import a verifiers/MedARC suite TOML file, export the chosen one as one. */
export function SuitePicker({ suites, suite, onSuite }: SuitePickerProps) {
  const { worker } = useServices();
  const [problem, setProblem] = useState<string | null>(null);

  const importFile = async (file: File) => {
    setProblem(null);
    try {
      if (file.size > MAX_FILE_BYTES)
        throw new SuiteFileError('This file is over 1 MB: not a suite file.');
      const name = file.name.replace(/\.toml$/i, '');
      const id = `file:${name}`;
      const imported = suiteFromToml(await file.text(), {
        id,
        label: name,
        description: `Imported from ${file.name}.`,
      });
      const now = Date.now();
      await worker.saveSuite({
        ...imported,
        schemaVersion: SUITE_RECORD_VERSION,
        fileName: file.name,
        createdAt: now,
        updatedAt: now,
      });
      onSuite(id);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'This file could not be read.');
    }
  };

  return (
    <div className="toolbar">
      <label>
        Suite{' '}
        <select
          value={suite.id}
          onChange={(event) => onSuite(event.target.value)}
          data-testid="suite-select"
        >
          {suites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label className="button">
        Import suite file (.toml)
        <input
          type="file"
          accept=".toml,text/plain"
          className="visually-hidden"
          data-testid="suite-import"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file !== undefined) void importFile(file);
          }}
        />
      </label>
      <button
        type="button"
        onClick={() =>
          downloadFile(
            `${suite.id.replace(/[^A-Za-z0-9_-]/g, '_')}.toml`,
            suiteToToml(suite),
            'application/toml',
          )
        }
      >
        Export as TOML
      </button>
      {problem !== null && (
        <p className="field-error" role="alert" data-testid="suite-import-error">
          Could not import the suite: {problem}
        </p>
      )}
    </div>
  );
}
