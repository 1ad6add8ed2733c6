import { parseSettings, settingsVersion, type Settings } from './settings.ts';

/** Larger files are not settings files. */
const maxSettingsFileBytes = 256 * 1024;

export function settingsFileText(settings: Settings): string {
  return `${JSON.stringify({ app: 'lactation-glossary', version: settingsVersion, ...settings }, null, 2)}\n`;
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; problems: string[] };

/**
 * Reads an exported settings file. All or nothing: a file with any problem changes nothing, and the
 * problems are listed for the user.
 */
export function readSettingsFile(text: string, byteLength = text.length): ImportResult {
  if (byteLength > maxSettingsFileBytes)
    return {
      ok: false,
      problems: [
        `the file is ${Math.round(byteLength / 1024)} KB; a settings file is at most ${maxSettingsFileBytes / 1024} KB`,
      ],
    };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`not JSON: ${(error as Error).message}`] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, problems: ['not a settings object'] };
  const { app, ...rest } = json as Record<string, unknown>;
  const known = new Set(['version', 'mode', 'sites', 'paused', 'density', 'underline', 'badge']);
  const problems = [
    ...(app !== undefined && app !== 'lactation-glossary'
      ? [`app: ${JSON.stringify(app)?.slice(0, 60)} is not this extension`]
      : []),
    ...Object.keys(rest)
      .filter((k) => !known.has(k))
      .map((k) => `${k.slice(0, 60)}: unknown setting`),
  ];
  const parsed = parseSettings(rest);
  problems.push(...parsed.rejected);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings: parsed.settings };
}
