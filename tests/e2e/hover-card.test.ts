import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/glossary/index.ts';
import { dwellMs } from '../../src/ui/hover-intent.ts';
import { openExtensionPage } from './extension-pages.ts';
import { cardState, hoverTerm, pause, termPoint, waitForCard } from './hover.ts';
import { useExtensionSession } from './session.ts';
import { browserNames } from './launch.ts';
import { waitForHighlights } from './page-state.ts';

const articleUrl = glossary.article.url;
mkdirSync('docs/screenshots', { recursive: true });

describe.each(browserNames)('the hover card in %s', (name) => {
  const session = useExtensionSession(name);

  async function open(path: string, terms = 5): Promise<Page> {
    const page = await session.ext.newPage();
    await page.setViewport({ width: 1000, height: 760 });
    await page.goto(`${session.server.origin}${path}`);
    // A background tab gets no animation frames, and the pointer is handled once per frame.
    await page.bringToFront();
    await waitForHighlights(page, terms);
    return page;
  }

  /** Asks the content script of `page` to move to a term, as the keyboard shortcut does. */
  async function moveToTerm(page: Page, direction: 'next' | 'previous') {
    const helper = await session.ext.newPage();
    await openExtensionPage(session.ext, helper, 'popup.html');
    await page.bringToFront();
    await helper.evaluate(async (dir) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      const [tab] = await api.tabs.query({ active: true, currentWindow: true });
      await api.tabs.sendMessage(tab.id, { type: 'move-to-term', direction: dir }, { frameId: 0 });
    }, direction);
    await helper.close();
    await page.bringToFront();
  }

  it('opens a card built from the article after a short dwell on a term', async () => {
    const page = await open('/forum-thread.html', 15);
    // When the pointer last moved and when the card first showed, as the page's own clock saw them (a check
    // from the test after the move would also count the protocol's round trip).
    await page.evaluate(() => {
      const times = ((window as any).__hoverTimes = { lastMove: 0, cardShown: 0 });
      addEventListener('pointermove', () => (times.lastMove = performance.now()), true);
      const poll = setInterval(() => {
        if (!document.querySelector('lactation-glossary-popover')?.shadowRoot?.querySelector('.card-title')) return;
        times.cardShown = performance.now();
        clearInterval(poll);
      }, 5);
    });
    await hoverTerm(page, 'IGT');
    const card = await waitForCard(page);
    const times = await page.evaluate(() => (window as any).__hoverTimes);
    expect(times.cardShown - times.lastMove).toBeGreaterThanOrEqual(dwellMs - 5); // not before the dwell
    expect(card.role).toBe('dialog');
    expect(card.name).toMatch(/^Insufficient glandular tissue/);
    expect(card.ariaHidden).toBeNull();
    expect(card.title).toBe('Insufficient glandular tissue');
    expect(card.aliases).toBe('also: IGT, breast hypoplasia');
    expect(card.definition).toContain('too little milk-making (glandular) tissue');
    expect(card.quotes).toEqual(['“My own low milk supply was linked to Insulin Resistance, Polycystic Ovarian Syndrome, and Insufficient Glandular Tissue (IGT).”']);
    const articleLink = card.links.find((l) => l.href.startsWith(articleUrl))!;
    expect(articleLink.href).toBe(`${articleUrl}#:~:text=My%20own%20low%20milk%20supply,and%20Insufficient%20Glandular%20Tissue%20(IGT).`);
    expect(card.footer).toBe('Information, not medical advice. For your own situation, ask a doctor or a lactation consultant.');
    expect(card.styled).toBe(true);
  });

  it('links the papers the article cites: DOI where known, a PubMed title search where not', async () => {
    const page = await open('/every-term.html', 20);
    await hoverTerm(page, 'Lactose');
    let card = await waitForCard(page, 'Lactose');
    expect(card.links.map((l) => l.href)).toContain('https://doi.org/10.1007/s10911-021-09490-7');
    expect(card.links.map((l) => l.text)).toContain('DOI 10.1007/s10911-021-09490-7');
    await page.keyboard.press('Escape');
    await hoverTerm(page, 'mammosphere');
    card = await waitForCard(page, 'Mammosphere');
    const search = card.links.find((l) => l.text === 'Search PubMed for this title')!;
    expect(decodeURIComponent(search.href)).toBe('https://pubmed.ncbi.nlm.nih.gov/?term="Insulin regulates human mammosphere development and function"[Title]');
  });

  it('opens the card of every required term when its sentence is hovered', async () => {
    const page = await open('/every-term.html', 20);
    const paragraphs = await page.$$eval('p[data-term]', (ps) => ps.map((p) => p.getAttribute('data-term')!));
    const required = glossary.terms.filter((t) => paragraphs.includes(t.id));
    expect(required.length).toBeGreaterThanOrEqual(20);
    for (const term of required) {
      const surface = await page.$eval(`p[data-term="${term.id}"]`, (p) => {
        const ranges = [...CSS.highlights.get('lactation-glossary-term')!.keys()] as AbstractRange[];
        const range = ranges.find((r) => p.contains(r.startContainer))!;
        return (range.startContainer as Text).data.slice(range.startOffset, range.endOffset);
      });
      await hoverTerm(page, surface, `p[data-term="${term.id}"]`);
      const card = await waitForCard(page, term.label);
      expect(card.name).toMatch(new RegExp(`^${term.label}`));
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('lactation-glossary-popover'));
    }
  });

  it('does not open while the pointer sweeps across text', async () => {
    const page = await open('/every-term.html', 20);
    const start = await termPoint(page, 'Prolactin');
    const end = await termPoint(page, 'Cortisol');
    await page.mouse.move(start.x - 40, start.y);
    // A fast diagonal sweep over a dozen underlined lines, a few milliseconds per step.
    for (let i = 0; i <= 30; i++) {
      await page.mouse.move(start.x + ((end.x - start.x) * i) / 30, start.y + ((end.y - start.y) * i) / 30);
    }
    await page.mouse.move(end.x + 400, end.y + 200);
    await pause(400);
    expect(await cardState(page)).toBeNull();
  });

  it('stays open across the move to the card, closes after the grace period, and on Esc', async () => {
    const page = await open('/forum-thread.html', 15);
    const term = await hoverTerm(page, 'galactagogue');
    await waitForCard(page, 'Galactagogue');
    // Off the term, onto empty margin: still open within the grace period, gone after it.
    await page.mouse.move(12, term.y, { steps: 2 });
    await pause(120);
    expect(await cardState(page)).not.toBeNull();
    await pause(500);
    expect(await cardState(page)).toBeNull();
    // Onto the card itself: it stays.
    await hoverTerm(page, 'galactagogue');
    await waitForCard(page, 'Galactagogue');
    const box = await page.evaluate(() => {
      const r = document.querySelector('lactation-glossary-popover')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
      return { x: r.left + 30, y: r.top + 30 };
    });
    await page.mouse.move(box.x, box.y, { steps: 3 });
    await pause(600);
    expect((await cardState(page))?.title).toBe('Galactagogue');
    await page.keyboard.press('Escape');
    expect(await cardState(page)).toBeNull();
  });

  it('stays open when pinned, with the button or the P key, until Esc', async () => {
    const page = await open('/forum-thread.html', 15);
    await hoverTerm(page, 'oestrogen');
    await waitForCard(page, 'Estrogen');
    await page.keyboard.press('p');
    expect((await cardState(page))?.pinned).toBe('true');
    await page.mouse.move(5, 700, { steps: 2 });
    await pause(700);
    expect((await cardState(page))?.title).toBe('Estrogen');
    await page.keyboard.press('Escape');
    expect(await cardState(page)).toBeNull();
  });

  it('replaces the card without closing it when another term is hovered, and opens a related term in place', async () => {
    const page = await open('/every-term.html', 20);
    // Tall enough for the Cortisol card to open below its term, leaving Prolactin above it uncovered.
    await page.setViewport({ width: 1000, height: 1700 });
    await hoverTerm(page, 'Cortisol');
    await waitForCard(page, 'Cortisol');
    // The same card element must carry over: no close-and-reopen flicker.
    await page.evaluate(() => ((document.querySelector('lactation-glossary-popover') as any).probe = 'same card'));
    // (A term above: the open card sits below its term and covers the lines under it, as any hover card does.)
    await hoverTerm(page, 'Prolactin');
    await waitForCard(page, 'Prolactin');
    expect(await page.evaluate(() => (document.querySelector('lactation-glossary-popover') as any).probe)).toBe('same card');
    const related = await page.evaluate(() => {
      const button = [...document.querySelector('lactation-glossary-popover')!.shadowRoot!.querySelectorAll('.card-related-term')].find((b) => b.textContent === 'Lactogenesis') as HTMLElement;
      // The card scrolls when it is long, as a reader would scroll it to reach its related terms.
      button.scrollIntoView({ block: 'nearest' });
      const r = button.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(related.x, related.y, { steps: 3 });
    await page.mouse.click(related.x, related.y);
    expect((await waitForCard(page, 'Lactogenesis')).title).toBe('Lactogenesis');
  });

  it('moves between terms from the keyboard, with focus in the card, Tab through its links and Esc back', async () => {
    const page = await open('/every-term.html', 20);
    await page.evaluate(() => {
      (document.getElementById('before-focus') as HTMLElement).focus({ preventScroll: true });
      window.scrollTo(0, 0);
    });
    await moveToTerm(page, 'next');
    let card = await waitForCard(page);
    expect(card.title).toBe('Insulin');
    expect(card.focused).toBe('dialog');
    await moveToTerm(page, 'next');
    card = await waitForCard(page, 'Insulin resistance');
    const visited: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      visited.push((await cardState(page))?.focused ?? null);
    }
    // The pin and close buttons, then the article link (Firefox also stops on the scrollable card).
    expect(visited.filter((v) => v !== 'article').slice(0, 3)).toEqual(['button', 'button', 'a']);
    await page.keyboard.press('Escape');
    expect(await cardState(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before-focus');
  });

  it('follows a dark page with a dark card, and saves screenshots of both', async () => {
    const light = await open('/every-term.html', 20);
    await hoverTerm(light, 'insufficient glandular tissue');
    expect((await waitForCard(light)).theme).toBe('light');
    await pause(100);
    await light.screenshot({ path: `docs/screenshots/card-light-${name}.png` });
    const dark = await open('/dark-page.html', 20);
    await hoverTerm(dark, 'insufficient glandular tissue');
    expect((await waitForCard(dark)).theme).toBe('dark');
    await pause(100);
    await dark.screenshot({ path: `docs/screenshots/card-dark-${name}.png` });
  });

  it('passes an axe-core accessibility check with the card open, in both themes', async () => {
    for (const path of ['/every-term.html', '/dark-page.html']) {
      const page = await open(path, 20);
      await hoverTerm(page, 'galactagogue');
      await waitForCard(page, 'Galactagogue');
      await page.addScriptTag({ content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8') });
      const violations = await page.evaluate(async () => {
        const result = await (window as any).axe.run({ include: [['lactation-glossary-popover', '[role="dialog"]']] });
        return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations).toEqual([]);
    }
  });

  it('works on a page with a strict Content-Security-Policy', async () => {
    session.server.route('/strict-csp.html', '<!doctype html><title>Strict</title><p>My prolactin was low and my milk supply too.</p>', {
      'content-security-policy': "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'",
    });
    const page = await open('/strict-csp.html', 2);
    await hoverTerm(page, 'prolactin');
    const card = await waitForCard(page, 'Prolactin');
    expect(card.styled).toBe(true);
  });

  it('opens cards for terms inside a frame', async () => {
    const page = await open('/frames-and-shadow.html', 3);
    const frame = page.frames().find((f) => f.url().endsWith('/frame-child.html'))!;
    await waitForHighlights(frame, 2);
    const inFrame = await termPoint(frame, 'progesterone');
    const offset = await page.$eval('#frame', (f) => {
      const r = f.getBoundingClientRect();
      return { x: r.left + f.clientLeft, y: r.top + f.clientTop };
    });
    await page.mouse.move(offset.x + inFrame.x - 3, offset.y + inFrame.y, { steps: 3 });
    await page.mouse.move(offset.x + inFrame.x, offset.y + inFrame.y);
    expect((await waitForCard(frame, 'Progesterone')).title).toBe('Progesterone');
  });
});
