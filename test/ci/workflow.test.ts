import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 11: nothing reaches GitHub Pages without passing the checks. The workflow files are YAML; a
// job is read here as the indented block under `jobs:` that starts with its name.
const WORKFLOWS = resolve(import.meta.dirname, '../../.github/workflows');

function jobsOf(yaml: string): Map<string, string> {
  const jobs = new Map<string, string>();
  const body = yaml.split(/^jobs:\n/m)[1] ?? '';
  for (const block of body.split(/^(?= {2}[\w-]+:\n)/m)) {
    const name = /^ {2}([\w-]+):\n/.exec(block)?.[1];
    if (name !== undefined) jobs.set(name, block);
  }
  return jobs;
}

const workflows = readdirSync(WORKFLOWS)
  .filter((file) => /\.ya?ml$/.test(file))
  .map((file) => ({ file, yaml: readFileSync(join(WORKFLOWS, file), 'utf8') }));

describe('GitHub workflows', () => {
  it('run the checks (.ci/run) on pushes and pull requests', () => {
    const ci = workflows.find(({ yaml }) => /bash \S*\.ci\/run/.test(yaml));
    expect(ci?.yaml).toMatch(/^on:\n(?: {2}.*\n)*? {2}push:/m);
    expect(ci?.yaml).toMatch(/^on:\n(?: {2}.*\n)*? {2}pull_request:/m);
  });

  it('deploy to Pages only from a job that needs the checks, on main', () => {
    const deploying = workflows.flatMap(({ file, yaml }) =>
      [...jobsOf(yaml)]
        .filter(([, job]) => job.includes('actions/deploy-pages'))
        .map(([name, job]) => ({ file, name, job, yaml })),
    );
    expect(deploying.length).toBeGreaterThan(0);
    for (const { name, job, yaml } of deploying) {
      const needs = /^ {4}needs: (\S+)/m.exec(job)?.[1];
      expect(needs, `${name} must wait for the checks`).toBeDefined();
      expect(jobsOf(yaml).get(needs ?? '')).toMatch(/bash \S*\.ci\/run/);
      expect(job).toMatch(/^ {4}if: .*github\.ref == 'refs\/heads\/main'/m);
    }
  });
});
