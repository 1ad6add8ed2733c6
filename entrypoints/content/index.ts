import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startFirstStage, type FullStage } from '../../src/content/first-stage.ts';
import { fullStageKey, type StartFullStage } from '../../src/content/full-stage-key.ts';
import './highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    // The rest of the glossary (finder, marks, cards, claim flags) is a module of its own, loaded on demand.
    const loadFullStage = async (): Promise<FullStage> => {
      await import(/* @vite-ignore */ browser.runtime.getURL('/full-stage.js'));
      const start = (globalThis as Record<symbol, StartFullStage | undefined>)[fullStageKey];
      if (!start) throw new Error('the full stage did not register');
      return start(ctx);
    };
    void startFirstStage(ctx, loadFullStage);
  },
});
