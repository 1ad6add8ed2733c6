import { defineConfig } from 'wxt';

// Firefox 140 is the first with the CSS Custom Highlight API the underlines rely on.
// Chrome builds MV3; Firefox keeps MV2 so the content script's host access is granted at install time
// (Firefox MV3 makes <all_urls> an optional permission the user must grant by hand).
export default defineConfig({
  imports: false,
  manifest: {
    name: 'Lactation Glossary',
    description:
      'Underlines breastfeeding and lactation health terms and explains them from a trusted article, with its quotes and sources. Runs entirely on your device.',
    // storage: settings; contextMenus: "Look up “…” in the glossary". No host or tabs permission is needed:
    // the content script reports its own page to the popup and the background.
    permissions: ['storage', 'contextMenus'],
    commands: {
      'next-term': { suggested_key: { default: 'Alt+Shift+Period' }, description: 'Go to the next underlined term and open its card' },
      'previous-term': { suggested_key: { default: 'Alt+Shift+Comma' }, description: 'Go to the previous underlined term and open its card' },
      'toggle-site': { suggested_key: { default: 'Alt+Shift+G' }, description: 'Switch the glossary off or on for this site' },
    },
    browser_specific_settings: {
      gecko: {
        id: 'lactation-glossary@glossary.invalid',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
