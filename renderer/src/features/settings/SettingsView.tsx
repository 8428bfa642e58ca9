// The Settings view — not built yet. It says what it will do and shows no data until it exists.
import { NotBuiltPanel } from '../../ui/NotBuiltPanel';

const willDo = [
  'edit the store layout',
  'import the catalog and planogram from CSV',
  'manage users and their roles',
] as const;

export function SettingsView() {
  return (
    <NotBuiltPanel
      title="Settings"
      summary="The store’s configuration and the people who use the suite."
      willDo={willDo}
    />
  );
}
