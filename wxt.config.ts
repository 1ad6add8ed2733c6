import { defineConfig } from 'wxt';
import { contentScriptFiles, registersContentScript } from './src/content/content-script-files.ts';

/**
 * Preact's renderer assigns `innerHTML` for `dangerouslySetInnerHTML`, a prop this code never uses (lint
 * forbids it). The assignment is replaced by a throw so no path to it ships and `web-ext lint` has nothing to
 * warn about; the build fails if a Preact upgrade changes that code, rather than shipping it silently.
 */
function preactWithoutInnerHtml() {
  const assignment = /([\w$]+)\.innerHTML\s*=\s*([\w$]+)\.__html/g;
  return {
    name: 'preact-without-inner-html',
    transform(code: string, id: string) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]/.test(id) || !code.includes('innerHTML')) return null;
      const replaced = code.replace(
        assignment,
        '(() => { throw new Error("dangerouslySetInnerHTML is not supported") })()',
      );
      if (replaced === code || /\.innerHTML\s*=[^=]/.test(replaced))
        throw new Error(`preact-without-inner-html: ${id} no longer matches; update the plugin`);
      return { code: replaced, map: null };
    },
  };
}

/**
 * V8's compile hint for the full stage and the card's file (`//# allFunctionsCalledOnLoad`, Chrome 136+): their
 * functions are compiled as the file streams in, off the page's main thread, instead of one by one on the main
 * thread as the scan first calls them (the 1 MB thread's load costs the page about 15% less script time,
 * measured in interleaved loads; see the README's Speed section). Added after minification, which drops
 * comments. SpiderMonkey reads it as a comment.
 */
const compileHint = '//# allFunctionsCalledOnLoad\n';
const compiledOffMainThread = ['full-stage.js', 'card-stage.js'];
function compileStagesOffMainThread() {
  return {
    name: 'compile-stages-off-main-thread',
    generateBundle(_options: unknown, bundle: Record<string, { type: string; code?: string }>) {
      for (const file of compiledOffMainThread) {
        const stage = bundle[file];
        if (stage?.type === 'chunk') stage.code = compileHint + stage.code;
      }
    },
  };
}

/**
 * The content script: its first stage, an unlisted script (entrypoints/first-stage.ts) declared here rather
 * than through WXT's content-script entry point (see that file for why). Chrome's background registers the
 * same script (src/background/content-script.ts).
 */
const contentScript = {
  matches: ['<all_urls>'],
  all_frames: true,
  match_about_blank: true,
  run_at: 'document_idle',
  ...contentScriptFiles,
};

// Firefox 140 is the first with the CSS Custom Highlight API the underlines rely on.
// Chrome builds MV3; Firefox ships MV2, where the content script's site access is granted at install time.
// A Firefox MV3 build (`.output/firefox-mv3`) is made too: there, as in Chrome, the user may take site access
// back, and the popup then says so and offers to allow it again.
export default defineConfig({
  imports: false,
  hooks: {
    // WXT keeps unimport's plugin even with `imports: false` (for its `#imports` module), and that plugin still
    // injects an import wherever it takes a name for an undeclared global: a parameter named `browser` brought
    // `wxt/browser`, and its eager read of the extension API, into the first stage of every page and frame.
    'config:resolved': (wxt) => void Object.assign(wxt.config.imports, { autoImport: false }),
  },
  manifest: ({ manifestVersion, browser }) => ({
    name: 'Lactation Glossary',
    description:
      'Underlines breastfeeding and lactation health terms and explains them from a trusted article, with its quotes and sources. Runs entirely on your device.',
    // storage: settings; contextMenus: "Look up “…” in the glossary". activeTab (MV3, where site access can
    // be withheld): the popup reads the address of the tab it was opened on to offer access to it.
    // Chrome: the background registers the content script itself (scripting, with the host permission the
    // registration needs; the install prompt is the one a declared content script gives), so that it is left
    // out of the sites the user switched off instead of starting there to read the settings
    // (src/background/content-script.ts). Firefox declares it: its registrations do not outlive the
    // background page (MV2), so a tab restored at start-up could open before the registration is made.
    permissions: [
      'storage',
      'contextMenus',
      ...(manifestVersion === 3 ? ['activeTab'] : []),
      ...(registersContentScript(browser, manifestVersion) ? ['scripting'] : []),
    ],
    ...(registersContentScript(browser, manifestVersion)
      ? { host_permissions: ['<all_urls>'] }
      : { content_scripts: [contentScript] }),
    // The content script's full stage, imported by its first stage only where a page may hold a term, and the
    // card's file, imported by the full stage once its first pass is done. Chrome serves them at a per-session
    // address (use_dynamic_url), so a page cannot probe for the extension by them; Firefox's extension addresses
    // are random per installation anyway.
    web_accessible_resources:
      manifestVersion === 3
        ? [
            {
              resources: ['full-stage.js', 'card-stage.js'],
              matches: ['<all_urls>'],
              ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
            },
          ]
        : ['full-stage.js', 'card-stage.js'],
    commands: {
      'next-term': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: 'Go to the next underlined term and open its card',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: 'Go to the previous underlined term and open its card',
      },
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Switch the glossary off or on for this site',
      },
    },
    browser_specific_settings: {
      gecko: {
        id: 'lactation-glossary@glossary.invalid',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  }),
  vite: () => ({
    plugins: [preactWithoutInnerHtml(), compileStagesOffMainThread()],
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
