import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Filled in by later issues: the matcher host, commands, context menu and badge.
});
