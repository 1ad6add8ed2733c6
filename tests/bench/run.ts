// `npm run bench`: what the extension costs a page's main thread, against a floor and mark.js measured in
// the same run on the same pages, in Chromium with the built extension. Prints figures and ratios.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { glossary } from '../../src/glossary/index.ts';
import { launchWithExtension, type ExtensionBrowser } from '../e2e/launch.ts';
import { pageReportOf } from '../e2e/page-state.ts';
import { serveFixtures } from '../e2e/serve.ts';
import { assertFillerHasNoTerms, forumThread } from './generate-pages.ts';

const runs = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** All the glossary's written forms as one expression source, for the floor and for mark.js. */
const forms = glossary.terms.flatMap((t) => [...t.forms, ...t.acronyms.map((a) => a.text)]);
const floorPattern = `\\b(?:${forms
  .sort((a, b) => b.length - a.length)
  .map((f) => f.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]+'))
  .join('|')})\\b`;

/** Lets the extension finish on its own before asking: opening the report's helper page mid-scan would compete for the CPU. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2500));

async function extensionCost(ext: ExtensionBrowser, url: string) {
  const page = await ext.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await settle();
  const report = await pageReportOf(ext, page);
  await page.close();
  return report;
}

/** tsx keeps function names with a helper that pages do not have; the baseline pages get a stand-in. */
async function openBaselinePage(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.evaluate('window.__name = (fn) => fn');
}

async function floorCost(page: Page, url: string): Promise<{ ms: number; ranges: number }> {
  await openBaselinePage(page, url);
  return page.evaluate((source) => {
    const started = performance.now();
    const pattern = new RegExp(source, 'gi');
    const highlight = new Highlight();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(node.data); m; m = pattern.exec(node.data)) {
        highlight.add(new StaticRange({ startContainer: node, startOffset: m.index, endContainer: node, endOffset: m.index + m[0].length }));
      }
    }
    CSS.highlights.set('floor', highlight);
    return { ms: performance.now() - started, ranges: highlight.size };
  }, floorPattern);
}

async function markJsCost(page: Page, url: string): Promise<number> {
  await openBaselinePage(page, url);
  await page.addScriptTag({ content: readFileSync(resolve('node_modules/mark.js/dist/mark.min.js'), 'utf8') });
  return page.evaluate(
    (words) =>
      new Promise<number>((done) => {
        const started = performance.now();
        new (window as any).Mark(document.body).mark(words, {
          separateWordSearch: false,
          accuracy: 'exactly',
          done: () => done(performance.now() - started),
        });
      }),
    forms,
  );
}

async function appendPostsCost(ext: ExtensionBrowser, url: string, count: number) {
  const page = await ext.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await settle();
  const before = (await pageReportOf(ext, page)).stats;
  const { html } = forumThread(count * 700, true, 99);
  const posts = html.match(/<article[\s\S]*?<\/article>/g)!.slice(0, count);
  const appendedAt = await page.evaluate((markup) => {
    const parsed = new DOMParser().parseFromString(markup.join(''), 'text/html');
    const thread = document.getElementById('thread')!;
    const at = performance.now();
    thread.append(...[...parsed.body.children].map((n) => document.adoptNode(n)));
    return at;
  }, posts);
  await settle();
  const after = (await pageReportOf(ext, page)).stats;
  await page.close();
  return { busyMs: after.busyMs - before.busyMs, longestSliceMs: after.longestSliceMs, markedAfterMs: after.lastPassEndedAt - appendedAt };
}

/** Hovers terms on the thread and reads how long each card took from the end of the dwell to its painted frame. */
async function cardOpenCost(ext: ExtensionBrowser, url: string, cards = 5): Promise<number[]> {
  const page = await ext.newPage();
  await page.setViewport({ width: 1000, height: 800 });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.bringToFront();
  await settle();
  const times: number[] = [];
  for (let i = 0; i < cards; i++) {
    const point = await page.evaluate((n) => {
      const ranges = [...CSS.highlights.get('lactation-glossary-term')!.keys()] as AbstractRange[];
      const range = document.createRange();
      const r = ranges[n * 7]!;
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      (r.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }, i);
    await page.mouse.move(5, 5);
    await page.mouse.move(point.x, point.y, { steps: 3 });
    await page.waitForFunction(() => document.querySelector('lactation-glossary-popover')?.shadowRoot?.querySelector('.card-title'), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    times.push((await pageReportOf(ext, page)).cardOpenMs);
    await page.bringToFront();
    await page.keyboard.press('Escape');
  }
  await page.close();
  return times;
}

async function main() {
  assertFillerHasNoTerms();
  const server = await serveFixtures();
  const ext = await launchWithExtension('chromium');
  const bare = await launchWithExtension('chromium', { extension: false });
  const barePage = await bare.newPage();
  const lines: string[] = [];
  const print = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  try {
    print(`Chromium ${await ext.browser.version()}, median of ${runs} runs; extension time is its own main-thread JS time (scan slices + setup).`);
    for (const megabytes of [1, 5]) {
      const thread = forumThread(megabytes * 1_000_000, true);
      const quiet = forumThread(megabytes * 1_000_000, false);
      server.route(`/thread-${megabytes}.html`, thread.html);
      server.route(`/quiet-${megabytes}.html`, quiet.html);
      const threadUrl = `${server.origin}/thread-${megabytes}.html`;
      const quietUrl = `${server.origin}/quiet-${megabytes}.html`;

      const ext1 = [];
      const floor = [];
      const quietExt = [];
      for (let i = 0; i < runs; i++) {
        ext1.push(await extensionCost(ext, threadUrl));
        floor.push(await floorCost(barePage, threadUrl));
        quietExt.push(await extensionCost(ext, quietUrl));
      }
      const markJs = [await markJsCost(barePage, threadUrl)]; // one run: it takes seconds and rewrites the page
      const appended = await appendPostsCost(ext, threadUrl, 200);
      const cardTimes = megabytes === 1 ? await cardOpenCost(ext, threadUrl) : [];

      const extMs = median(ext1.map((r) => r.stats.busyMs));
      const floorMs = median(floor.map((r) => r.ms));
      const markMs = median(markJs);
      print('');
      print(`${megabytes} MB forum thread (${thread.posts} posts, ${ext1[0]!.underlined} underlined of ${ext1[0]!.terms.reduce((n: number, t: any) => n + t.count, 0)} found; floor found ${floor[0]!.ranges}):`);
      print(`  extension added main-thread time  ${ms(extMs)}  (longest task ${ms(median(ext1.map((r) => r.stats.longestSliceMs)))}, ${median(ext1.map((r) => r.stats.slices))} slices)`);
      print(`  floor: TreeWalker + 1 regex + CSS.highlights  ${ms(floorMs)}`);
      print(`  mark.js                             ${ms(markMs)}`);
      print(`  ratio extension / floor             ${(extMs / floorMs).toFixed(2)}×   (target ≤ 2×)`);
      print(`  ratio mark.js / extension           ${(markMs / extMs).toFixed(1)}×   (target ≥ 30×)`);
      print(`  same-size page with no terms        ${ms(median(quietExt.map((r) => r.stats.busyMs)))}   (target < 5 ms)`);
      print(`  200 posts appended                  ${ms(appended.busyMs)} of main-thread time, underlined ${ms(appended.markedAfterMs)} after the append`);
      if (cardTimes.length) print(`  card: end of dwell to painted frame ${ms(median(cardTimes))} median of ${cardTimes.length} (max ${ms(Math.max(...cardTimes))}; one frame is 16.7 ms)`);
    }
  } finally {
    await ext.close();
    await bare.close();
    await server.close();
  }
}

await main();
