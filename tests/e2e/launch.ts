import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const firefoxAddonId = 'lactation-glossary@glossary.invalid';
const firefoxInternalUuid = '6f1c2f4e-3b8a-4d6e-9f51-2a7c0d9e4b13';

export type BrowserName = 'chromium' | 'firefox';
export const browserNames: BrowserName[] = ['chromium', 'firefox'];

const buildDir = (name: BrowserName) => resolve(name === 'chromium' ? '.output/chrome-mv3' : '.output/firefox-mv2');

export interface ExtensionBrowser {
  browser: Browser;
  name: BrowserName;
  /** The moz-extension:// or chrome-extension:// origin of the loaded build. */
  extensionOrigin: string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** False: the same browser without the extension, as a baseline. */
  extension?: boolean;
  /** Send every non-loopback request to this local proxy. */
  proxyPort?: number;
  /** Another build of the extension (the Firefox MV3 one). */
  dir?: string;
}

/** Starts the system browser headless, with the built extension loaded unless `extension` is false. */
export async function launchWithExtension(
  name: BrowserName,
  { extension = true, proxyPort, dir = buildDir(name) }: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), `lg-${name}-`));
  let browser: Browser;
  let extensionOrigin = '';
  if (name === 'chromium') {
    browser = await puppeteer.launch({
      browser: 'chrome',
      executablePath: '/usr/bin/chromium',
      headless: true,
      userDataDir: profile,
      pipe: true,
      protocolTimeout: 60_000,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
        ...(proxyPort ? [`--proxy-server=http://127.0.0.1:${proxyPort}`] : []),
        ...(extension ? [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`] : []),
      ],
    });
    if (extension) {
      const worker = await browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
        { timeout: 15_000 },
      );
      extensionOrigin = worker.url().split('/').slice(0, 3).join('/');
      // The background registers the content script as it starts: a page opened before would run none.
      await waitForContentScript(browser, (script) => script !== null);
    }
  } else {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: '/usr/bin/firefox-esr',
      headless: true,
      userDataDir: profile,
      // Firefox 153+ lets WebDriver open moz-extension:// pages (the popup, the options) only with system access.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'xpinstall.signatures.required': false,
        'extensions.autoDisableScopes': 0,
        'datareporting.policy.dataSubmissionEnabled': false,
        'browser.shell.checkDefaultBrowser': false,
        // permissions.request() is answered yes without a prompt, which a headless browser could not show.
        'extensions.webextOptionalPermissionPrompts': false,
        // Firefox gives each install a random internal UUID; pinning it gives tests a known moz-extension:// origin.
        'extensions.webextensions.uuids': JSON.stringify({ [firefoxAddonId]: firefoxInternalUuid }),
        ...(proxyPort
          ? {
              'network.proxy.type': 1,
              'network.proxy.http': '127.0.0.1',
              'network.proxy.http_port': proxyPort,
              'network.proxy.ssl': '127.0.0.1',
              'network.proxy.ssl_port': proxyPort,
            }
          : {}),
      },
    });
    if (extension) {
      await browser.installExtension(dir);
      extensionOrigin = `moz-extension://${firefoxInternalUuid}`;
    }
  }
  return {
    browser,
    name,
    extensionOrigin,
    newPage: () => browser.newPage(),
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Chrome's content script as the background registered it (src/background/content-script.ts), or null. */
export interface RegisteredScript {
  matches?: string[];
  excludeMatches?: string[];
}

/**
 * Waits until Chrome's registered content script satisfies `ready`, read from the background's service worker
 * (whose API is bound a moment after it starts: until then an evaluation finds no `chrome`).
 */
export async function waitForContentScript(
  browser: Browser,
  ready: (script: RegisteredScript | null) => boolean,
): Promise<void> {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
  );
  const worker = await target.worker();
  let last: unknown = 'not read';
  for (let attempt = 0; attempt < 100; attempt++) {
    const scripts = (await worker
      ?.evaluate(`chrome.scripting.getRegisteredContentScripts({ ids: ['first-stage'] })`)
      .catch(() => undefined)) as RegisteredScript[] | undefined;
    if (scripts) {
      last = scripts[0] ?? null;
      if (ready(scripts[0] ?? null)) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the content script's registration did not come as expected: ${JSON.stringify(last)}`);
}
