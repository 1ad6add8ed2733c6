import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  densities,
  underlineStyles,
  type Density,
  type Settings,
  type UnderlineStyle,
} from '../../settings/settings.ts';
import { loadSettings, saveSettings, watchSettings } from '../../settings/settings-store.ts';
import { normalizeSitePattern } from '../../settings/site-patterns.ts';
import { readSettingsFile, settingsFileText } from '../../settings/settings-file.ts';

const densityLabels: Record<Density, string> = {
  'first-in-post': 'The first time in each post (recommended for forums)',
  'first-on-page': 'The first time on the page',
  every: 'Every time',
};

interface Shortcut {
  description: string;
  shortcut: string;
}

/** The settings page: where the extension works, how it underlines, shortcuts, export and import. */
export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [sitesText, setSitesText] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; lines: string[] } | null>(null);
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);

  useEffect(() => {
    void loadSettings().then((s) => {
      setSettings(s);
      setSitesText(s.sites.join('\n'));
    });
    void browser.commands
      .getAll()
      .then((all) =>
        setShortcuts(
          all
            .filter((c) => c.description)
            .map((c) => ({ description: c.description!, shortcut: c.shortcut || 'not set' })),
        ),
      );
    return watchSettings((s) => {
      setSettings(s);
      setSitesText(s.sites.join('\n'));
    });
  }, []);

  if (!settings) return <p>Loading…</p>;

  const save = async (next: Settings, note?: string) => {
    await saveSettings(next);
    setSettings(next);
    if (note) setMessage({ kind: 'ok', lines: [note] });
  };

  const saveSites = async () => {
    const lines = sitesText
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const bad = lines.filter((l) => !normalizeSitePattern(l));
    if (bad.length > 0) {
      setMessage({
        kind: 'error',
        lines: bad.map((l) => `“${l}” is not a site pattern (try example.com, *.example.com or forum.example.com/t/*)`),
      });
      return;
    }
    await save({ ...settings, sites: [...new Set(lines.map((l) => normalizeSitePattern(l)!))] }, 'Site list saved.');
  };

  const exportSettings = () => {
    const url = URL.createObjectURL(new Blob([settingsFileText(settings)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'lactation-glossary-settings.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const importSettings = async (file: File | undefined) => {
    if (!file) return;
    const result = readSettingsFile(await file.slice(0, 300 * 1024).text(), file.size);
    if (!result.ok) {
      setMessage({
        kind: 'error',
        lines: ['Nothing was changed: the file was rejected.', ...result.problems.slice(0, 20)],
      });
      return;
    }
    await save(result.settings, `Settings imported from ${file.name}.`);
    setSitesText(result.settings.sites.join('\n'));
  };

  return (
    <main class="options">
      <h1>Lactation Glossary settings</h1>

      <section>
        <h2>Where it works</h2>
        <label>
          <input
            type="radio"
            name="mode"
            checked={settings.mode === 'all-except-listed'}
            onChange={() => void save({ ...settings, mode: 'all-except-listed' })}
          />{' '}
          On every site except the ones listed
        </label>
        <label>
          <input
            type="radio"
            name="mode"
            checked={settings.mode === 'only-listed'}
            onChange={() => void save({ ...settings, mode: 'only-listed' })}
          />{' '}
          Only on the sites listed
        </label>
        <label for="sites">
          Sites, one per line: <code>example.com</code> (with its subdomains), <code>*.example.com</code>,{' '}
          <code>forum.example.com/t/*</code>
        </label>
        <textarea
          id="sites"
          rows={6}
          value={sitesText}
          onInput={(e) => setSitesText((e.target as HTMLTextAreaElement).value)}
        />
        <button type="button" onClick={() => void saveSites()}>
          Save site list
        </button>
        <label>
          <input
            type="checkbox"
            checked={settings.paused}
            onChange={() => void save({ ...settings, paused: !settings.paused })}
          />{' '}
          Pause everywhere
        </label>
      </section>

      <section>
        <h2>Underlines</h2>
        <label for="density">Underline a term</label>
        <select
          id="density"
          value={settings.density}
          onChange={(e) => void save({ ...settings, density: (e.target as HTMLSelectElement).value as Density })}
        >
          {densities.map((d) => (
            <option value={d} key={d}>
              {densityLabels[d]}
            </option>
          ))}
        </select>
        <label for="underline">Underline style</label>
        <select
          id="underline"
          value={settings.underline}
          onChange={(e) =>
            void save({ ...settings, underline: (e.target as HTMLSelectElement).value as UnderlineStyle })
          }
        >
          {underlineStyles.map((u) => (
            <option value={u} key={u}>
              {u}
            </option>
          ))}
        </select>
        <label>
          <input
            type="checkbox"
            checked={settings.badge}
            onChange={() => void save({ ...settings, badge: !settings.badge })}
          />{' '}
          Show the number of terms on the toolbar button
        </label>
      </section>

      <section>
        <h2>Keyboard shortcuts</h2>
        <ul>
          {shortcuts.map((s) => (
            <li key={s.description}>
              <kbd>{s.shortcut}</kbd> {s.description}
            </li>
          ))}
        </ul>
        <p class="muted">
          Change them in your browser’s extension shortcut settings. While a card is open: Esc closes it, P pins it.
        </p>
      </section>

      <section>
        <h2>Export and import</h2>
        <button type="button" onClick={exportSettings}>
          Export settings
        </button>
        <label for="import">Import settings from a file</label>
        <input
          id="import"
          type="file"
          accept="application/json,.json"
          onChange={(e) => void importSettings((e.target as HTMLInputElement).files?.[0])}
        />
      </section>

      {message && (
        <div role={message.kind === 'error' ? 'alert' : 'status'} class={`message ${message.kind}`}>
          {message.lines.map((l) => (
            <p key={l}>{l}</p>
          ))}
        </div>
      )}
      <p class="muted">Information, not medical advice. Nothing you read or set here leaves your device.</p>
    </main>
  );
}
