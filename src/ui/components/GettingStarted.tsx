import { hrefFor } from '../hooks/useHashRoute';
import { useDatasets } from '../hooks/useDatasets';
import { useRunRecords } from '../hooks/useRunRecords';

interface Step {
  title: string;
  detail: string;
  isDone: boolean;
  link?: { href: string; label: string };
}

/**
 * The first-visit path from nothing to a first scored example: dataset → endpoints and keys → a
 * five-example run. Shown until a run has finished; each step ticks itself off from stored state.
 */
export function GettingStarted() {
  const datasets = useDatasets();
  const runs = useRunRecords();
  if (datasets === undefined || runs === undefined) return null;
  if (runs.some((run) => run.status === 'done')) return null;
  const steps: Step[] = [
    {
      title: 'Get the benchmark',
      detail:
        'Download MTSamples Procedures below (about 1.5 MB, a few seconds), or import your own copy.',
      isDone: datasets.some((d) => d.status === 'ready'),
    },
    {
      title: 'Choose a model and a judge',
      detail:
        'Pick a provider, paste your API key (it stays in this tab unless you ask to remember it) and press Test connection.',
      isDone: runs.length > 0,
      link: { href: hrefFor('run'), label: 'Open Run' },
    },
    {
      title: 'Score five examples',
      detail:
        'Start a run with the first 5 examples: progress, rewards and the judges’ reasons appear as they come.',
      isDone: false,
      link: { href: hrefFor('run'), label: 'Start a run' },
    },
  ];
  return (
    <section
      className="panel getting-started"
      aria-labelledby="start-title"
      data-testid="getting-started"
    >
      <h2 id="start-title">Your first evaluation in three steps</h2>
      <ol>
        {steps.map((step) => (
          <li key={step.title} className={step.isDone ? 'done' : undefined}>
            <strong>
              {step.isDone ? '✓ ' : ''}
              {step.title}
            </strong>{' '}
            <span className="muted">{step.detail}</span>{' '}
            {step.link !== undefined && !step.isDone && (
              <a href={step.link.href}>{step.link.label}</a>
            )}
          </li>
        ))}
      </ol>
      <p className="muted small">
        Everything runs in this browser: there is no medeval server, and requests go only to the
        endpoints you set.
      </p>
    </section>
  );
}
