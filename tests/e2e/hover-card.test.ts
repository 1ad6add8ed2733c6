import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/glossary/glossary.ts';
import { dwellMs, graceMs, sweepSpeed } from '../../src/ui/hover-intent.ts';
import { openExtensionPage } from './extension-pages.ts';
import {
  cardState,
  followCardHost,
  hoverLog,
  hoverTerm,
  movesHandled,
  pageNow,
  recordHover,
  termPoint,
  waitForCard,
  waitForNoCard,
  waitForPageTime,
  type HoverLog,
} from './hover.ts';
import { useExtensionSession } from './session.ts';
import { browserNames } from './launch.ts';
import { pageReportOf, timerPolling, waitForHighlights } from './page-state.ts';

const articleUrl = glossary.article.url;
mkdirSync('docs/screenshots', { recursive: true });

/** The first pointer move the page saw after `t`: the pointer, resting until then, leaving. */
const firstMoveAfter = (log: HoverLog, t: number) => log.moves.find((m) => m.t > t)!.t;

/** Waits for the page to paint what is on screen (before a screenshot). */
const painted = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

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
    // When the pointer came onto the term and when the card first showed, as the page's own clock saw them (a
    // check from the test after the move would also count the protocol's round trip). The dwell runs from the
    // first move onto the term: small moves within it do not restart it.
    await page.evaluate(() => {
      const times = ((window as any).__hoverTimes = { onTerm: 0, cardShown: 0 });
      const onIgt = (x: number, y: number) =>
        ([...CSS.highlights.get('lactation-glossary-term')!.keys()] as AbstractRange[]).some((r) => {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          return (
            live.toString() === 'IGT' &&
            [...live.getClientRects()].some((b) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom)
          );
        });
      addEventListener(
        'pointermove',
        (e) => {
          if (!onIgt(e.clientX, e.clientY)) times.onTerm = 0;
          else if (!times.onTerm) times.onTerm = performance.now();
        },
        true,
      );
      const poll = setInterval(() => {
        // Shown: in the page and not hidden (a card made ready during the dwell is hidden).
        const title = document.querySelector('lactation-glossary-popover')?.shadowRoot?.querySelector('.card-title');
        if (!title || !title.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return;
        times.cardShown = performance.now();
        clearInterval(poll);
      }, 5);
    });
    await hoverTerm(page, 'IGT');
    const card = await waitForCard(page);
    const times = await page.evaluate(() => (window as any).__hoverTimes);
    expect(times.onTerm).toBeGreaterThan(0);
    expect(times.cardShown - times.onTerm).toBeGreaterThanOrEqual(dwellMs - 5); // not before the dwell
    expect(card.role).toBe('dialog');
    expect(card.name).toMatch(/^Insufficient glandular tissue/);
    expect(card.ariaHidden).toBeNull();
    expect(card.title).toBe('Insufficient glandular tissue');
    expect(card.aliases).toBe('also: IGT, breast hypoplasia, mammary hypoplasia');
    expect(card.definition).toContain('too little milk-making (glandular) tissue');
    expect(card.quotes).toEqual([
      '“My own low milk supply was linked to Insulin Resistance, Polycystic Ovarian Syndrome, and Insufficient Glandular Tissue (IGT).”',
    ]);
    const articleLink = card.links.find((l) => l.href.startsWith(articleUrl))!;
    expect(articleLink.href).toBe(
      `${articleUrl}#:~:text=My%20own%20low%20milk%20supply,and%20Insufficient%20Glandular%20Tissue%20(IGT).`,
    );
    expect(card.footer).toBe(
      'Information, not medical advice. For your own situation, ask a doctor or a lactation consultant.',
    );
    expect(card.styled).toBe(true);
  });

  it('never reads its own card as page text: the terms in an open card are neither counted nor underlined', async () => {
    const page = await open('/forum-thread.html', 15);
    const before = await pageReportOf(session.ext, page);
    await page.bringToFront();
    // A card opened, closed and opened again: the second time it is drawn into a shadow root already known.
    await hoverTerm(page, 'IGT');
    await waitForCard(page, 'Insufficient glandular tissue');
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
    await hoverTerm(page, 'IGT');
    const card = await waitForCard(page, 'Insufficient glandular tissue');
    // The card's own text names a term (positive control for the checks below).
    expect(card.definition).toContain('milk supply');
    await page.keyboard.press('p');
    expect((await cardState(page))?.pinned).toBe('true');
    const after = await pageReportOf(session.ext, page);
    await page.bringToFront();
    expect((await cardState(page))?.title).toBe('Insufficient glandular tissue'); // still open during that pass
    expect(after.terms).toEqual(before.terms);
    expect(after.underlined).toBe(before.underlined);
    const inCard = await page.evaluate(() =>
      ([...CSS.highlights.get('lactation-glossary-term')!.keys()] as AbstractRange[]).filter(
        (r) => r.startContainer.getRootNode() !== document,
      ),
    );
    expect(inCard).toEqual([]);
    await page.keyboard.press('Escape');
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
    expect(decodeURIComponent(search.href)).toBe(
      'https://pubmed.ncbi.nlm.nih.gov/?term="Insulin regulates human mammosphere development and function"[Title]',
    );
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

  it('does not open while the pointer sweeps back and forth over a term, and opens once it rests there', async () => {
    const page = await open('/every-term.html', 20);
    await recordHover(page);
    const { y } = await termPoint(page, 'insufficient glandular tissue');
    const term = await page.evaluate(() => {
      const range = ([...CSS.highlights.get('lactation-glossary-term')!.keys()] as AbstractRange[]).find(
        (r) => r.startContainer.parentElement!.dataset.term === 'insufficient-glandular-tissue',
      )!;
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      const box = live.getClientRects()[0]!;
      return { left: box.left, right: box.right };
    });
    const nextFrame = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    // End to end of the one term, a frame a step, for three times the dwell: without the sweep guard the card
    // would open (the pointer never leaves the term). A step that waits too long (a loaded machine) turns the
    // sweep into reading as the page sees it: such a run tests nothing, and is done again.
    for (let attempt = 1; ; attempt++) {
      const before = await pageNow(page);
      await page.mouse.move(term.left - 30, y);
      for (let i = 0, started = Date.now(); Date.now() - started < dwellMs * 3; i++) {
        await page.mouse.move(i % 2 === 0 ? term.left + 6 : term.right - 6, y);
        await nextFrame();
      }
      await page.mouse.move(995, y); // off the text, at the right edge
      // Once the last move, off the text, is handled, nothing is pending: no card can open after this.
      await movesHandled(page);
      const log = await hoverLog(page);
      const sweep = log.moves.filter((m) => m.t > before && m.x > term.left && m.x < term.right);
      const speeds = sweep.slice(1).map((m, i) => Math.abs(m.x - sweep[i]!.x) / Math.max(1, m.t - sweep[i]!.t));
      const lasted = sweep.at(-1)!.t - sweep[0]!.t;
      if (Math.min(...speeds) > sweepSpeed && lasted > dwellMs * 2) {
        expect(log.opened.filter((t) => t > before)).toEqual([]);
        break;
      }
      console.log(
        `${name}: sweep ${attempt} not a sweep as the page saw it (slowest step ${Math.min(...speeds).toFixed(2)} px/ms, ${lasted.toFixed(0)} ms on the term): again`,
      );
      if (attempt === 5) throw new Error('five tries, and the page never saw a sweep');
      await page.keyboard.press('Escape');
    }
    // Positive control: resting on that term opens its card.
    await hoverTerm(page, 'insufficient glandular tissue');
    await waitForCard(page, 'Insufficient glandular tissue');
  });

  it('makes the card ready out of sight while the pointer rests, and leaves no trace if the pointer moves on or Esc is pressed first', async () => {
    const page = await open('/forum-thread.html', 15);
    await recordHover(page);
    // Every state of the card's host the page saw while it was in the page, shown or not.
    await followCardHost(page);
    await page.evaluate(() => {
      const states: { t: number; title: string | null; visible: boolean; inert: boolean | null }[] = [];
      (window as any).__hostStates = states;
      (window as any).__cardHostWatchers.push((_records: MutationRecord[], host: Element | null) => {
        const dialog = host?.shadowRoot?.querySelector('[role="dialog"]') as HTMLElement | null | undefined;
        if (!host || !dialog) return;
        const visible = dialog.checkVisibility({ opacityProperty: true, visibilityProperty: true });
        let inert: boolean | null = null;
        if (!visible) {
          // A card out of sight takes neither the pointer (what is under it gets the events) nor focus.
          const box = dialog.getBoundingClientRect();
          const topmost = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          const focusedBefore = document.activeElement;
          dialog.focus();
          inert = topmost !== host && document.activeElement === focusedBefore;
        }
        const title = host.shadowRoot!.querySelector('.card-title')?.textContent ?? null;
        states.push({ t: performance.now(), title, visible, inert });
      });
    });
    // Onto the term and off it again as soon as its card is in the page. A machine slow enough that the dwell
    // ends first shows the card: such a run tests nothing, and is done again.
    let before = 0;
    for (let attempt = 1; ; attempt++) {
      before = await pageNow(page);
      const term = await hoverTerm(page, 'galactagogue');
      await page.waitForFunction(() => document.querySelector('lactation-glossary-popover'), {
        timeout: 10_000,
        polling: timerPolling,
      });
      await page.mouse.move(995, term.y); // off the text, at the right edge
      await movesHandled(page);
      if ((await hoverLog(page)).opened.every((t) => t < before)) break;
      console.log(`${name}: attempt ${attempt} at moving off before the dwell ended came too late: again`);
      // (A card shown during the dwell fails 'opens a card … after a short dwell' as well, and says so there.)
      if (attempt === 5) throw new Error('five tries, and a card was shown each time before the pointer left');
      await page.keyboard.press('Escape');
      await waitForNoCard(page);
    }
    expect(await page.evaluate(() => document.querySelector('lactation-glossary-popover'))).toBeNull();
    type HostState = { t: number; title: string | null; visible: boolean; inert: boolean | null };
    const states = (await page.evaluate(() => (window as any).__hostStates as HostState[])).filter((h) => h.t > before);
    expect(states.length).toBeGreaterThan(0);
    expect(states.filter((h) => h.visible || !h.inert)).toEqual([]);
    expect(states.at(-1)!.title).toBe('Galactagogue');
    // Esc while the pointer rests there cancels the card about to open; it stays away however long the pointer rests.
    for (let attempt = 1; ; attempt++) {
      before = await pageNow(page);
      await hoverTerm(page, 'galactagogue');
      await page.waitForFunction(() => document.querySelector('lactation-glossary-popover'), {
        timeout: 10_000,
        polling: timerPolling,
      });
      await page.keyboard.press('Escape');
      const pressed = await pageNow(page);
      await waitForPageTime(page, pressed + dwellMs * 2);
      if ((await hoverLog(page)).opened.every((t) => t < before || t > pressed)) break;
      console.log(`${name}: attempt ${attempt} at Esc before the dwell ended came too late: again`);
      if (attempt === 5) throw new Error('five tries, and a card was shown each time before Esc');
      await page.keyboard.press('Escape');
      await waitForNoCard(page);
    }
    expect((await hoverLog(page)).opened.filter((t) => t > before)).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('lactation-glossary-popover'))).toBeNull();
    // Positive control: resting there, the card made ready is the one shown, after the dwell.
    await page.mouse.move(995, 300);
    await hoverTerm(page, 'galactagogue');
    expect((await waitForCard(page, 'Galactagogue')).role).toBe('dialog');
    const last = await page.evaluate(() => (window as any).__hostStates.at(-1) as HostState);
    expect(last).toMatchObject({ title: 'Galactagogue', visible: true });
  });

  it('closes after the grace period off the term, stays while the pointer is on the card, and closes on Esc', async () => {
    const page = await open('/forum-thread.html', 15);
    await recordHover(page);
    const term = await hoverTerm(page, 'galactagogue');
    await waitForCard(page, 'Galactagogue');
    // Off the term, onto empty margin: it closes, and not before the grace period is over (a slow machine can
    // only make it later).
    let rested = await pageNow(page);
    await page.mouse.move(12, term.y, { steps: 2 });
    await waitForNoCard(page);
    let log = await hoverLog(page);
    expect(log.closed.at(-1)! - firstMoveAfter(log, rested)).toBeGreaterThanOrEqual(graceMs - 2);

    // Straight onto the card itself: it stays, well past the grace period.
    await hoverTerm(page, 'galactagogue');
    await waitForCard(page, 'Galactagogue');
    const box = await page.evaluate(() => {
      const r = document
        .querySelector('lactation-glossary-popover')!
        .shadowRoot!.querySelector('.card')!
        .getBoundingClientRect();
      return { x: r.left + 30, y: r.top + 30 };
    });
    rested = await pageNow(page);
    await page.mouse.move(box.x, box.y);
    await movesHandled(page);
    await waitForPageTime(page, (await hoverLog(page)).moves.at(-1)!.t + graceMs * 2);
    log = await hoverLog(page);
    expect(log.closed.filter((t) => t > rested)).toEqual([]);
    expect((await cardState(page))?.title).toBe('Galactagogue');
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
  });

  it('stays open when pinned with the P key, closes again once unpinned, and on Esc', async () => {
    const page = await open('/forum-thread.html', 15);
    await recordHover(page);
    await hoverTerm(page, 'oestrogen');
    await waitForCard(page, 'Estrogen');
    await page.keyboard.press('p');
    expect((await cardState(page))?.pinned).toBe('true');
    // Pinned, off the term: still open well past the grace period.
    const rested = await pageNow(page);
    await page.mouse.move(5, 700, { steps: 2 });
    await movesHandled(page);
    await waitForPageTime(page, (await hoverLog(page)).moves.at(-1)!.t + graceMs * 2);
    expect((await hoverLog(page)).closed.filter((t) => t > rested)).toEqual([]);
    expect((await cardState(page))?.title).toBe('Estrogen');
    // Positive control: unpinned, the next move off the term starts the grace period and the card closes.
    await page.keyboard.press('p');
    expect((await cardState(page))?.pinned).toBe('false');
    await page.mouse.move(8, 690);
    await waitForNoCard(page);
    // Pinned again, Esc closes it.
    await hoverTerm(page, 'oestrogen');
    await waitForCard(page, 'Estrogen');
    await page.keyboard.press('p');
    expect((await cardState(page))?.pinned).toBe('true');
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
  });

  it('replaces the card without closing it when another term is hovered, and opens a related term in place', async () => {
    const page = await open('/every-term.html', 20);
    const cortisol = await hoverTerm(page, 'Cortisol');
    await waitForCard(page, 'Cortisol');
    // The same card element must carry over: no close-and-reopen flicker.
    await page.evaluate(() => ((document.querySelector('lactation-glossary-popover') as any).probe = 'same card'));
    // The nearest term the card leaves uncovered (it sits below or above its term, by the room there is).
    const next = await page.evaluate((from) => {
      const card = document
        .querySelector('lactation-glossary-popover')!
        .shadowRoot!.querySelector('.card')!
        .getBoundingClientRect();
      const points = ([...CSS.highlights.get('lactation-glossary-term')!.keys()] as AbstractRange[]).map((r) => {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        const box = live.getClientRects()[0]!;
        return { text: live.toString(), x: box.left + box.width / 2, y: box.top + box.height / 2 };
      });
      const uncovered = points.filter(
        (p) =>
          p.text !== 'Cortisol' &&
          p.y > 0 &&
          p.y < innerHeight &&
          (p.y < card.top - 4 || p.y > card.bottom + 4 || p.x < card.left - 4 || p.x > card.right + 4),
      );
      return uncovered.sort((a, b) => Math.abs(a.y - from.y) - Math.abs(b.y - from.y))[0]!;
    }, cortisol);
    // One move, short and after a rest (reading, not sweeping): the new term's dwell and the old card's grace
    // period start together, and the dwell is the shorter, however slow the machine.
    await page.mouse.move(next.x, next.y);
    await page.waitForFunction(
      () => {
        const title = document
          .querySelector('lactation-glossary-popover')
          ?.shadowRoot?.querySelector('.card-title')?.textContent;
        return title && title !== 'Cortisol';
      },
      { timeout: 10_000, polling: timerPolling },
    );
    expect(await page.evaluate(() => (document.querySelector('lactation-glossary-popover') as any).probe)).toBe(
      'same card',
    );
    const related = await page.evaluate(() => {
      const button = document
        .querySelector('lactation-glossary-popover')!
        .shadowRoot!.querySelector('.card-related-term') as HTMLElement;
      button.scrollIntoView({ block: 'nearest' }); // within the card, which scrolls when it is taller than the room
      const r = button.getBoundingClientRect();
      return { label: button.textContent!, x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    // Straight onto the card (no grace period starts) and a click on a related term: it opens in place.
    await page.mouse.move(related.x, related.y);
    await page.mouse.click(related.x, related.y);
    expect((await waitForCard(page, related.label)).title).toBe(related.label);
    expect(await page.evaluate(() => (document.querySelector('lactation-glossary-popover') as any).probe)).toBe(
      'same card',
    );
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
    await painted(light);
    await light.screenshot({ path: `docs/screenshots/card-light-${name}.png` });
    const dark = await open('/dark-page.html', 20);
    await hoverTerm(dark, 'insufficient glandular tissue');
    expect((await waitForCard(dark)).theme).toBe('dark');
    await painted(dark);
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
    session.server.route(
      '/strict-csp.html',
      '<!doctype html><title>Strict</title><p>My prolactin was low and my milk supply too.</p>',
      {
        'content-security-policy': "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'",
      },
    );
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
