import { SOURCE_URL_PARAMS } from '../../core/schema/sourceSettings';
import { useServices } from '../appContext';
import type { SourceSettingsState } from '../hooks/useSourceSettings';

type LinkSetting = (typeof SOURCE_URL_PARAMS)[keyof typeof SOURCE_URL_PARAMS];
const SETTING_OF_PARAM: Readonly<Record<string, LinkSetting | undefined>> = SOURCE_URL_PARAMS;

/** `hfHub = http://host`: each overridden setting with the value the link gave it, hosts by name. */
function overrideList(source: SourceSettingsState): string {
  return source.overriddenBy
    .map((param) => {
      const key = SETTING_OF_PARAM[param];
      return key === undefined ? param : `${param} = ${source.effective[key]}`;
    })
    .join(', ');
}

/** Says when dataset URLs came from the link (a shared mirror), or why the link's were refused. */
export function LinkSettingsNotice({
  source,
  savedOnly = false,
}: {
  source: SourceSettingsState;
  /** The page reads saved settings only (the training-data browser): say so, and offer to save. */
  savedOnly?: boolean;
}) {
  const { worker } = useServices();
  if (source.linkProblems.length > 0) {
    return (
      <div className="banner banner-error" role="alert" data-testid="link-problems">
        <strong>This link's dataset settings were ignored</strong>
        <ul>
          {source.linkProblems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
        <p className="banner-next">
          Your saved settings are used instead. Ask for a corrected link, or set the URLs in
          Settings.
        </p>
      </div>
    );
  }
  if (source.overriddenBy.length === 0) return null;
  return (
    <div className="banner" role="status" data-testid="link-settings">
      <strong>
        {savedOnly
          ? 'This link names other dataset hosts, but this page reads your saved settings'
          : 'Dataset source settings came from this link'}
      </strong>{' '}
      ({overrideList(source)}).{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => void worker.saveSourceSettings(source.effective)}
      >
        Save them as my settings
      </button>
    </div>
  );
}
