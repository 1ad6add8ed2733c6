import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/glossary/glossary.ts';
import { openExtensionPage, tabIdOf } from './extension-pages.ts';
import { hoverTerm, waitForCard } from './hover.ts';
import { browserNames, type ExtensionBrowser } from './launch.ts';
import { timerPolling, waitForHighlights } from './page-state.ts';
import { useExtensionSession } from './session.ts';

mkdirSync('docs/screenshots', { recursive: true });

/** The glossary's entries as the CLI lists them: the count the page must match. */
const scannedIds: string[] = execFileSync('npx', ['tsx', 'src/cli/scan.ts', '--terms', '--json'], { encoding: 'utf8' })
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line).id as string);

/**
 * The article's words as the project received them (glossary/article/*.txt), whitespace-normalised. The page
 * draws the line "-" as a rule and the "- " items as a list, so those markers are the only characters left out.
 */
const articleFile = readdirSync('glossary/article').find((f) => f.endsWith('.txt'))!;
const articleWords = readFileSync(`glossary/article/${articleFile}`, 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && line !== '-')
  .map((line) => line.replace(/^- /, ''))
  .join(' ')
  .replace(/\s+/g, ' ');

const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/** axe-core's violations on the whole page (evaluated, not injected as a tag: the extension's CSP forbids inline scripts). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document);
    return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  });
}

/** Whether the element's top edge is inside the viewport. */
const topInView = (page: Page, id: string) =>
  page.evaluate((elementId) => {
    const rect = document.getElementById(elementId)!.getBoundingClientRect();
    return rect.top >= 0 && rect.top < innerHeight - 20;
  }, id);

const waitUntilInView = (page: Page, id: string) =>
  page.waitForFunction(
    (elementId) => {
      const element = document.getElementById(elementId);
      const rect = element?.getBoundingClientRect();
      return rect !== undefined && rect.top >= 0 && rect.top < innerHeight - 20;
    },
    { timeout: 10_000, polling: timerPolling },
    id,
  );

/**
 * A tab opened since `before` at exactly `url`. Its address is read from the page itself: Firefox never reports
 * the load of a moz-extension:// page to WebDriver BiDi, so puppeteer would still call it about:blank.
 */
async function waitForNewTab(ext: ExtensionBrowser, before: Set<Page>, url: string): Promise<Page> {
  for (const started = Date.now(); Date.now() - started < 15_000; await new Promise((r) => setTimeout(r, 100))) {
    for (const page of await ext.browser.pages()) {
      if (before.has(page)) continue;
      const href = await page.evaluate(() => document.readyState === 'complete' && location.href).catch(() => false);
      if (href === url) return page;
    }
  }
  throw new Error(`no tab opened at ${url}`);
}

describe.each(browserNames)('the glossary and article pages in %s', (name) => {
  const session = useExtensionSession(name);

  async function openPage(path: string, viewport = { width: 1100, height: 800 }): Promise<Page> {
    const page = await session.ext.newPage();
    await page.setViewport(viewport);
    await openExtensionPage(session.ext, page, path);
    await page.bringToFront();
    await page.waitForSelector(path.startsWith('glossary') ? '.entry' : '.article [data-source]');
    return page;
  }

  const origin = () => session.ext.extensionOrigin;

  describe('glossary.html', () => {
    it('lists every entry scan --terms lists, A to Z, each with its card under the entry’s id', async () => {
      const page = await openPage('glossary.html');
      const entries = await page.$$eval('.entries > li.entry', (els) =>
        els.map((e) => ({ id: e.id, title: e.querySelector('.card-title')?.textContent ?? '' })),
      );
      expect(entries.length).toBe(scannedIds.length);
      expect(entries.map((e) => e.id).sort()).toEqual([...scannedIds].sort());
      const labels = entries.map((e) => e.title);
      expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
      // An entry kept off pages is listed too, with its full card.
      expect(entries.map((e) => e.id)).toContain('insulin-sensitivity');
      for (const term of glossary.terms) {
        const card = await page.$eval(`[id="${term.id}"] .card`, (c) => ({
          title: c.querySelector('.card-title')!.textContent,
          definition: c.querySelector('.card-definition')!.textContent,
          quotes: c.querySelectorAll('.card-quote').length,
        }));
        expect(card).toEqual({ title: term.label, definition: term.definition, quotes: term.quotes.length });
      }
      // The references once, at the end, with their links.
      const references = await page.$$eval('#references li', (lis) =>
        lis.map((li) => ({ id: li.id, href: li.querySelector('a')!.href })),
      );
      expect(references).toEqual(glossary.references.map((r) => ({ id: `ref-${r.number}`, href: r.link })));
    });

    it('filters with the popup’s typo-tolerant search', async () => {
      const page = await openPage('glossary.html');
      for (const [typed, id] of [
        ['galactogogue', 'galactagogue'],
        ['amenorhea', 'lactational-amenorrhea'],
        ['prolactine', 'prolactin'],
      ] as const) {
        await page.$eval('input[type=search]', (input) => ((input as HTMLInputElement).value = ''));
        await page.type('input[type=search]', typed);
        await page.waitForFunction(
          (want) => document.querySelector('.entries > li.entry')?.id === want,
          { polling: timerPolling },
          id,
        );
        const shown = await page.$$eval('.entries > li.entry', (els) => els.length);
        expect(shown).toBeLessThan(scannedIds.length);
        expect(await page.$eval('.filter-status', (e) => e.textContent)).toContain(`match “${typed}”`);
      }
    });

    it('scrolls to the entry a #<term-id> names, on load and when the address changes, and links related terms within the page', async () => {
      const top = await openPage('glossary.html');
      expect(await topInView(top, 'type-2-diabetes')).toBe(false); // far down the list: a scroll is needed
      const page = await openPage('glossary.html#type-2-diabetes');
      await waitUntilInView(page, 'type-2-diabetes');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('type-2-diabetes');
      await page.evaluate(() => (location.hash = 'colostrum'));
      await waitUntilInView(page, 'colostrum');
      expect(await topInView(page, 'type-2-diabetes')).toBe(false);
      // Related terms are links to their entries on this page.
      const related = await page.$eval('[id="colostrum"] .card-related a', (a) => a.getAttribute('href'));
      expect(related).toMatch(/^#[a-z0-9-]+$/);
      await page.click(`[id="colostrum"] .card-related a[href="${related}"]`);
      await waitUntilInView(page, related!.slice(1));
    });

    it('shows every entry, with a short note, for an unknown #id', async () => {
      const page = await openPage('glossary.html#no-such-term');
      expect(await page.$$eval('.entries > li.entry', (els) => els.length)).toBe(scannedIds.length);
      expect(await page.$eval('.note[role=status]', (e) => e.textContent)).toContain('no entry “no-such-term”');
      const known = await openPage('glossary.html#prolactin');
      expect(await known.$('.note')).toBeNull();
    });

    it('passes axe-core, and saves a screenshot', async () => {
      const page = await openPage('glossary.html#insufficient-glandular-tissue', { width: 900, height: 900 });
      await waitUntilInView(page, 'insufficient-glandular-tissue');
      expect(await axeViolations(page)).toEqual([]);
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path: `docs/screenshots/glossary-page-${name}.png` });
    });
  });

  describe('article.html', () => {
    it('shows the article as received, headings and paragraphs, with a link to the original', async () => {
      const page = await openPage('article.html');
      const shown = await page.$$eval('.article [data-source]', (els) =>
        els
          .map((e) => e.textContent)
          .join(' ')
          .replace(/\s+/g, ' '),
      );
      expect(shown).toBe(articleWords);
      // The text file's headings: lines of a few words that end no sentence (read by hand from the file).
      const headings = await page.$$eval('.article h2[data-source]', (hs) => hs.map((h) => h.textContent));
      expect(headings).toEqual([
        'Pregnancy',
        'Postpartum',
        'Insulin and Prolactin: A Hormonious Friendship',
        'Insulin Resistance',
        'Whole-Body Complications',
        'How the Lactogenic Diet and Lifestyle can Help',
        'Who has Insulin Resistance?',
        'What lies ahead for Breastfeeding Mothers?',
        'Get Professional Help',
      ]);
      expect(await page.$eval('.article h1', (h) => h.textContent)).toBe(glossary.article.title);
      expect(await page.$$eval('.article p[data-source]', (ps) => ps.length)).toBe(19);
      expect(await page.$$eval('.article li[data-source]', (lis) => lis.length)).toBe(4);
      const links = await page.$$eval('.article-banner a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(links).toContain(glossary.article.url);
    });

    it('underlines the glossary’s terms, and opens their cards on hover and from the keyboard', async () => {
      const page = await openPage('article.html');
      const underlined = await page.$$eval('.article button.term', (bs) =>
        bs.map((b) => ({
          id: b.getAttribute('data-term'),
          text: b.textContent,
          line: getComputedStyle(b).textDecorationLine,
          style: getComputedStyle(b).textDecorationStyle,
        })),
      );
      const ids = new Set(underlined.map((u) => u.id));
      expect(ids.size).toBeGreaterThanOrEqual(20);
      for (const id of [
        'insulin-resistance',
        'prolactin',
        'insufficient-glandular-tissue',
        'lactational-amenorrhea',
        'galactagogue',
        'pcos',
      ])
        expect(ids).toContain(id);
      expect(underlined).toContainEqual({
        id: 'insufficient-glandular-tissue',
        text: 'IGT',
        line: 'underline',
        style: 'dotted',
      });
      // Hover: the card after the dwell.
      const pcos = await page.$('.article button.term[data-term="pcos"]');
      await pcos!.scrollIntoView();
      const box = (await pcos!.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
      await page.waitForSelector('.term-popover [role=dialog] .card-title');
      expect(await page.$eval('.term-popover .card-title', (t) => t.textContent)).toBe(
        glossary.terms.find((t) => t.id === 'pcos')!.label,
      );
      await page.mouse.move(5, 5);
      await page.waitForFunction(() => !document.querySelector('.term-popover'), { polling: timerPolling });
      // Keyboard: focus shows the card, Enter moves into it, Esc returns to the term.
      await page.focus('.article button.term[data-term="galactagogue"]');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'dialog', {
        polling: timerPolling,
      });
      expect(await page.$eval('.term-popover .card-title', (t) => t.textContent)).toBe('Galactagogue');
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-term'))).toBe('galactagogue');
      expect(await page.$('.term-popover')).toBeNull();
    });

    it('marks every quoted sentence, with notes naming the entries and claims that quote it', async () => {
      const page = await openPage('article.html');
      const quotedSentences = new Set(
        glossary.terms
          .flatMap((t) => t.quotes)
          .concat(glossary.claims.map((c) => c.quote))
          .flatMap((q) => {
            const numbers = [];
            for (let n = q.sentences.first; n <= q.sentences.last; n++) numbers.push(`sentence-${n}`);
            return numbers;
          }),
      );
      const marked = await page.$$eval('mark.quoted', (ms) => ms.map((m) => m.id));
      expect(new Set(marked)).toEqual(quotedSentences);
      // Every quoted passage's text is inside its marks.
      for (const quote of glossary.terms.flatMap((t) => t.quotes)) {
        const text = await page.evaluate((q) => {
          let all = '';
          for (let n = q.first; n <= q.last; n++) all += `${document.getElementById(`sentence-${n}`)!.textContent} `;
          return all.replace(/\s+/g, ' ');
        }, quote.sentences);
        expect(text).toContain(quote.text);
      }
      // The claim about gestational diabetes: its sentence is marked as a claim, its note has the evidence.
      const gdm = glossary.claims.find((c) => c.id === 'gdm-us-10-percent')!;
      expect(await page.$eval(`#sentence-${gdm.quote.sentences.first}`, (m) => m.classList.contains('claim'))).toBe(
        true,
      );
      const notes = await page.$$eval('.passage-note', (ns) =>
        ns.map((n) => ({ text: n.textContent ?? '', links: [...n.querySelectorAll('a')].map((a) => a.href) })),
      );
      const gdmNote = notes.find((n) => n.text.includes(gdm.statement))!;
      expect(gdmNote.text).toContain(gdm.evidence!.note);
      expect(gdmNote.links).toContain(`${origin()}/glossary.html#gestational-diabetes`);
      expect(gdmNote.links).toContain(gdm.quote.link);
    });

    it('opens a card on a tap, as a sheet along the bottom of a phone-width screen, and a tap elsewhere closes it', async () => {
      const page = await session.ext.newPage();
      await page.setViewport({ width: 360, height: 740, hasTouch: true, isMobile: true });
      await openExtensionPage(session.ext, page, 'article.html');
      await page.bringToFront();
      await page.waitForSelector('.article button.term[data-term="prolactin"]');
      await page.$eval('.article h2 button.term[data-term="prolactin"]', (b) => b.scrollIntoView({ block: 'center' })); // where the sheet would cover it
      await page.tap('.article h2 button.term[data-term="prolactin"]');
      await page.waitForSelector('.term-popover .card-title');
      const sheet = await page.$eval('.term-popover .card', (c) => {
        const r = c.getBoundingClientRect();
        const page = document.documentElement; // its client width leaves out a scroll bar (Firefox draws one)
        return {
          left: r.left,
          right: r.right,
          bottom: Math.round(r.bottom),
          scrollWidth: page.scrollWidth,
          width: page.clientWidth,
          height: innerHeight,
        };
      });
      expect(sheet.width).toBeGreaterThan(330);
      expect(sheet).toEqual({
        left: 0,
        right: sheet.width,
        bottom: 740,
        scrollWidth: sheet.width,
        width: sheet.width,
        height: 740,
      });
      expect(await page.$eval('.term-popover .card-title', (t) => t.textContent)).toBe('Prolactin');
      // The sheet leaves the tapped term in sight, above it.
      const term = await page.$eval('.article h2 button.term[data-term="prolactin"]', (b) => {
        const r = b.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      });
      const sheetTop = await page.$eval('.term-popover .card', (c) => c.getBoundingClientRect().top);
      expect(term.top).toBeGreaterThanOrEqual(0);
      expect(term.bottom).toBeLessThanOrEqual(sheetTop);
      // A tap on the text above the term, outside the card.
      expect(term.top).toBeGreaterThan(40);
      expect(
        await page.evaluate(
          (y) => document.elementFromPoint(40, y)?.closest('.term-popover, button.term'),
          term.top - 20,
        ),
      ).toBeNull();
      await page.touchscreen.tap(40, term.top - 20);
      await page.waitForFunction(() => !document.querySelector('.term-popover'), { polling: timerPolling });
    });

    it('passes axe-core with a card open', async () => {
      const page = await openPage('article.html');
      await page.focus('.article button.term[data-term="lactose"]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.term-popover .card-title');
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  describe('links from the cards', () => {
    it('a card on the article page lands on its quoted sentence', async () => {
      const page = await openPage('article.html', { width: 1100, height: 700 });
      const quote = glossary.terms.find((t) => t.id === 'insulin-resistance')!.quotes[0]!;
      const target = `sentence-${quote.sentences.first}`;
      expect(await topInView(page, target)).toBe(false);
      await page.click('.article h1 button.term[data-term="insulin-resistance"]');
      await page.waitForSelector('.term-popover .card-in-extension');
      expect(await page.$eval('.term-popover .card-in-extension', (a) => (a as HTMLAnchorElement).href)).toBe(
        `${origin()}/article.html#${target}`,
      );
      await page.click('.term-popover .card-in-extension');
      await waitUntilInView(page, target);
      expect(await page.evaluate(() => location.hash)).toBe(`#${target}`);
      expect(await page.$eval(`#${target}`, (m) => m.matches(':target') && m.textContent)).toContain(
        quote.text.slice(0, 40),
      );
    });

    it('a glossary entry’s link lands on its sentence in the article page', async () => {
      const page = await openPage('glossary.html#prediabetes');
      const quote = glossary.terms.find((t) => t.id === 'prediabetes')!.quotes.at(-1)!;
      const target = `sentence-${quote.sentences.first}`;
      const links = await page.$$eval('[id="prediabetes"] .card-in-extension', (as) =>
        as.map((a) => (a as HTMLAnchorElement).href),
      );
      expect(links).toContain(`${origin()}/article.html#${target}`);
      await page.evaluate(
        (href) =>
          (
            [...document.querySelectorAll('[id="prediabetes"] .card-in-extension')].find(
              (a) => (a as HTMLAnchorElement).href === href,
            ) as HTMLElement
          ).click(),
        `${origin()}/article.html#${target}`,
      );
      await page.waitForFunction(
        (t) => location.pathname === '/article.html' && document.getElementById(t) !== null,
        { timeout: 10_000, polling: timerPolling },
        target,
      );
      await waitUntilInView(page, target);
    });

    it('a card on a web page opens the article page at the quoted sentence, and the glossary at its entry', async () => {
      const page = await session.ext.newPage();
      await page.setViewport({ width: 1000, height: 760 });
      await page.goto(`${session.server.origin}/forum-thread.html`);
      await page.bringToFront();
      await waitForHighlights(page, 15);
      await hoverTerm(page, 'IGT');
      const card = await waitForCard(page, 'Insufficient glandular tissue');
      const quote = glossary.terms.find((t) => t.id === 'insufficient-glandular-tissue')!.quotes[0]!;
      const target = `sentence-${quote.sentences.first}`;
      expect(card.links.map((l) => l.href)).toContain(`${origin()}/article.html#${target}`);
      expect(card.links.map((l) => l.href)).toContain(quote.link); // and the original page at that sentence
      const click = async (selector: string) => {
        const point = await page.evaluate((s) => {
          // The first line box: a link that wraps has a bounding box whose middle may be off its text.
          const link = document.querySelector('lactation-glossary-popover')!.shadowRoot!.querySelector(s)!;
          link.scrollIntoView({ block: 'nearest' }); // within the card, which scrolls when long
          const r = link.getClientRects()[0]!;
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }, selector);
        await page.mouse.move(point.x, point.y, { steps: 3 });
        await page.mouse.click(point.x, point.y);
      };
      let before = new Set(await session.ext.browser.pages());
      await click('.card-in-extension');
      const article = await waitForNewTab(session.ext, before, `${origin()}/article.html#${target}`);
      await article.bringToFront();
      await waitUntilInView(article, target);
      await article.close();
      await page.bringToFront();
      await hoverTerm(page, 'IGT');
      await waitForCard(page, 'Insufficient glandular tissue');
      before = new Set(await session.ext.browser.pages());
      await click('.card-more a');
      const entry = await waitForNewTab(session.ext, before, `${origin()}/glossary.html#insufficient-glandular-tissue`);
      await entry.bringToFront();
      await waitUntilInView(entry, 'insufficient-glandular-tissue');
      await entry.close();
    });

    it('the popup’s “All terms” opens the glossary page', async () => {
      const page = await session.ext.newPage();
      await page.goto(`${session.server.origin}/forum-thread.html`);
      const tabId = await tabIdOf(session.ext, page);
      const popup = await session.ext.newPage();
      await openExtensionPage(session.ext, popup, `popup.html?tab=${tabId}`);
      await popup.bringToFront();
      // Once the page's report is in: the list of its terms pushes the footer down, and a click aimed before
      // that lands on whatever has moved under it (a loaded machine's report comes late).
      await popup.waitForSelector('.page-terms .result');
      expect(await popup.$eval('.popup-footer a', (a) => a.textContent)).toBe('All terms');
      const before = new Set(await session.ext.browser.pages());
      await popup.click('.popup-footer a');
      const glossaryTab = await waitForNewTab(session.ext, before, `${origin()}/glossary.html`);
      await glossaryTab.bringToFront();
      await glossaryTab.waitForSelector('.entry');
    });
  });
});
