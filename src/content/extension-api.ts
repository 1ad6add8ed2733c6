import type { browser } from 'wxt/browser';

type ExtensionApi = typeof browser;

/**
 * The extension API, looked up when first used. `wxt/browser` looks it up as it loads, reading
 * `browser.runtime.id`, which sets up the runtime's bindings: about half a millisecond in every page and frame
 * the first stage runs in, most of which never call the API.
 */
export function extensionApi(): ExtensionApi {
  const scope = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome;
}
