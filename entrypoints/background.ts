import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { MoveToTermRequest } from '../src/messages/index.ts';

const commandDirections: Record<string, MoveToTermRequest['direction']> = {
  'next-term': 'next',
  'previous-term': 'previous',
};

export default defineBackground(() => {
  // Keyboard shortcuts: next / previous term in the active tab (its top frame).
  browser.commands.onCommand.addListener(async (command) => {
    const direction = commandDirections[command];
    if (!direction) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const request: MoveToTermRequest = { type: 'move-to-term', direction };
    await browser.tabs.sendMessage(tab.id, request, { frameId: 0 }).catch(() => undefined);
  });
});
