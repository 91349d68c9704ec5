import type { DecodedSetup } from '../../../core/shareSetup';
import { hrefFor } from '../../hooks/useHashRoute';

/** Says that the form was filled from a link (and asks only for keys), or why the link was refused. */
export function SharedSetupNotice({
  shared,
  readyIds,
}: {
  shared: DecodedSetup;
  readyIds: readonly string[];
}) {
  if (!shared.ok) {
    return (
      <div className="banner banner-error" role="alert" data-testid="shared-setup-problems">
        <strong>The setup in this link was not used.</strong>
        <ul>
          {shared.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
        <p className="banner-next">The form below shows your own last settings instead.</p>
      </div>
    );
  }
  const hasDataset = readyIds.includes(shared.settings.datasetId);
  return (
    <div className="banner" role="status" data-testid="shared-setup">
      <strong>These settings came from a link.</strong> Check them, then enter your own API keys to
      start — links never carry keys, and never choose where yours go: a host the link names that
      you have not used here gets nothing until you confirm it below.
      {!hasDataset && (
        <p className="banner-next">
          It uses the dataset <code>{shared.settings.datasetId}</code>, which is not on this device:{' '}
          <a href={hrefFor('dataset')}>download or import it</a> first.
        </p>
      )}
    </div>
  );
}
