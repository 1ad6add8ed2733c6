import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type BrowserName, type ExtensionBrowser, type LaunchOptions } from './launch.ts';
import { serveFixtures, type FixtureServer } from './serve.ts';

export interface ExtensionSession {
  readonly ext: ExtensionBrowser;
  readonly server: FixtureServer;
}

/**
 * For one describe block: serves tests/fixtures and starts the browser with the extension before its tests,
 * and closes both after them. `prepare` adds routes to the server before the browser starts.
 */
export function useExtensionSession(
  name: BrowserName,
  options: LaunchOptions = {},
  prepare?: (server: FixtureServer) => void | Promise<void>,
): ExtensionSession {
  let ext: ExtensionBrowser | undefined;
  let server: FixtureServer | undefined;
  beforeAll(async () => {
    server = await serveFixtures();
    await prepare?.(server);
    ext = await launchWithExtension(name, options);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });
  return {
    get ext() {
      return ext!;
    },
    get server() {
      return server!;
    },
  };
}
