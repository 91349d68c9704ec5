import { useSourceSettings } from '../hooks/useSourceSettings';
import { DataControls } from '../components/DataControls';
import { HfTokenField } from '../components/settings/HfTokenField';
import { SourceSettingsForm } from '../components/settings/SourceSettingsForm';
import { StoragePanel } from '../components/StoragePanel';

export function SettingsPage() {
  const source = useSourceSettings();
  if (!source.isLoaded) return <p className="muted">Loading settings…</p>;
  return (
    <div className="page">
      <SourceSettingsForm key={JSON.stringify(source.stored)} initial={source.stored} />
      <HfTokenField saved={source.stored} />
      <DataControls />
      <StoragePanel refreshKey={null} />
    </div>
  );
}
