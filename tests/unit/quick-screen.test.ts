import { describe, expect, it, vi } from 'vitest';
import { glossary } from '../../src/glossary/glossary.ts';
import {
  createFirstStageScreen,
  createQuickScreen,
  searchPieceLength,
  walkedTextLength,
  type ScreenPatterns,
} from '../../src/match/quick-screen.ts';
import { screenDataFrom } from '../../src/match/screen-data.ts';
import { createTermMatcher, screenDataOf } from '../../src/match/term-matcher.ts';

const matcher = createTermMatcher(glossary.terms);
const screenData = screenDataOf(glossary.terms);

/** The first stage's screen, built from the data written at build time, counting how often it reads the patterns. */
function firstStageScreen() {
  const reads = { patterns: 0 };
  const screen = createFirstStageScreen(screenData.candidates, (): ScreenPatterns => {
    reads.patterns++;
    return screenData.patterns;
  });
  const mayHoldTerm = (text: string, holdsWholeBlocks = true) => {
    const test = screen.quickTestOf(text, holdsWholeBlocks);
    return test.mayHoldTermAt(0, test.length);
  };
  return { mayHoldTerm, reads };
}

/** Every form and acronym of the glossary as a page may write it: as listed, in capitals, and capitalised. */
const writings = glossary.terms.flatMap((term) =>
  [...term.forms, ...term.acronyms.map((a) => a.text)].flatMap((form) => [
    form,
    form.toUpperCase(),
    form[0]!.toUpperCase() + form.slice(1),
  ]),
);

describe('the quick screen of the first stage', () => {
  it('lets through every form the matcher finds, alone in its block or run into the blocks around it', () => {
    let checked = 0;
    for (const writing of writings) {
      // An acronym counts only near a word confirming its sense: each rule's first such word goes with it.
      const cue = glossary.terms.flatMap((t) => t.acronyms).find((a) => a.text === writing)?.confirmWith[0] ?? '';
      const block = `${writing} ${cue}`.trim();
      if (matcher.find(block).length === 0) continue;
      checked++;
      const { mayHoldTerm } = firstStageScreen();
      expect(mayHoldTerm(block), block).toBe(true);
      // A subtree's textContent runs blocks together: "…after" + block + "Thanks…".
      expect(mayHoldTerm(`We talked about it after${block}Thanks everyone`), `run together: ${block}`).toBe(true);
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('reads every gap between a form’s words as the matcher does: a space, a hyphen, a no-break space, a line break or none', () => {
    // The build writes each gap of the screen's patterns as one space, which the screen reads back as the joiner.
    const gaps = ['-', '\u00A0', '\n', ' - ', ''];
    let checked = 0;
    for (const form of glossary.terms.flatMap((t) => t.forms).filter((f) => /\s/.test(f.trim()))) {
      for (const gap of gaps) {
        const written = form.trim().split(/\s+/).join(gap);
        if (matcher.find(`We spoke of ${written} today.`).length === 0 && gap !== '') continue;
        checked++;
        const { mayHoldTerm } = firstStageScreen();
        expect(mayHoldTerm(`We spoke of ${written} today.`), JSON.stringify(written)).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(300);
    // Positive control for the test itself: a form broken by a word is not read as the form.
    expect(firstStageScreen().mayHoldTerm('We spoke of the metabolic and its syndrome today.')).toBe(false);
  });

  it('keeps each form as written where lower case would change what the `i` flag reads', () => {
    // The Kelvin sign lowered is a plain "k", which the flag does not read as the sign: a form written with one
    // must keep it. (No form of the glossary has such a letter today; this guards the next one.)
    const surfaces = new Map([
      [
        'milk',
        [
          { text: 'milk test\u212A', acronym: null },
          { text: 'Milk supply', acronym: null },
          { text: 'milk supply', acronym: null },
        ],
      ],
    ]);
    const data = screenDataFrom(surfaces);
    expect(data.patterns['milk']).toHaveLength(1); // the two "milk supply" are one
    const screen = createQuickScreen(data.candidates, () => data.patterns);
    const mayHoldTerm = (text: string) => {
      const test = screen.quickTestOf(text, true);
      return test.mayHoldTermAt(0, test.length);
    };
    expect(mayHoldTerm('the milk test\u212A')).toBe(true);
    expect(mayHoldTerm('the MILK SUPPLY')).toBe(true);
    expect(mayHoldTerm('the milk jug')).toBe(false);
  });

  it('turns away everyday words that begin or hold a form’s first word, without reading the patterns', () => {
    const everyday = [
      'Their first present was a claim about the prototype.',
      'A monopoly on the alphabet, in adulthood, over a milkshake.',
      'Breastfeeding in the international news: a pregnancy test and the type of breast pump.',
      'The lactation room is free, and pre-school starts in May.',
    ];
    for (const text of everyday) {
      const { mayHoldTerm, reads } = firstStageScreen();
      expect(mayHoldTerm(text), text).toBe(false);
      expect(reads.patterns, text).toBe(0);
    }
    // The same words where they start a form do read the patterns, and pass.
    for (const text of ['Their pre-diabetes was found early.', 'She was told she has IGT and flat breasts.']) {
      const { mayHoldTerm, reads } = firstStageScreen();
      expect(mayHoldTerm(text), text).toBe(true);
      expect(reads.patterns, text).toBe(1);
    }
  });

  it('looks for an acronym only in the cases the matcher accepts it in', () => {
    const { mayHoldTerm, reads } = firstStageScreen();
    expect(mayHoldTerm('their twilight gdp and a lamb')).toBe(false);
    expect(reads.patterns).toBe(0);
    expect(mayHoldTerm('My IR is getting better')).toBe(false); // no word confirming the sense: see below
    expect(mayHoldTerm('My IR is getting better')).toBe(false);
    expect(mayHoldTerm('IR, she said: insulin\nresistance')).toBe(true);
  });

  it('turns away an acronym in capitals inside a word or another sense unless a word confirming it is in the text', () => {
    const { mayHoldTerm } = firstStageScreen();
    for (const text of ['Flights to CAIRO', 'WIRED reports', 'Join our IRC channel', 'GDPR notice', 'IGT Gaming']) {
      expect(mayHoldTerm(text), text).toBe(false);
      // Text added to a paragraph: the confirming word may be in the rest of the paragraph, so it passes.
      expect(mayHoldTerm(text, false), `${text}, part of a block`).toBe(true);
    }
    expect(mayHoldTerm('GDPR notice. At 30 weeks pregnant, my GD test came back high')).toBe(true);
    expect(mayHoldTerm('The LC said IGT could explain my low supply')).toBe(true);
  });

  it('walks a short text for a first word and searches it with the expressions only where one is there', () => {
    const exec = vi.spyOn(RegExp.prototype, 'exec');
    const { mayHoldTerm } = firstStageScreen();
    expect(mayHoldTerm('We finally got some sleep last night. Going back to work next month.')).toBe(false);
    expect(exec).not.toHaveBeenCalled();
    // Positive controls: a first word, or a text past the walked length, goes to the expressions.
    expect(mayHoldTerm('Her prolactin was checked at six weeks.')).toBe(true);
    expect(exec).toHaveBeenCalled();
    exec.mockClear();
    expect(mayHoldTerm('We slept well. '.repeat(walkedTextLength / 10))).toBe(false);
    expect(exec).toHaveBeenCalled();
    exec.mockRestore();
  });

  it('reads a long text with few candidates once, however many pieces it is tested in', () => {
    const screen = createQuickScreen(screenData.candidates, () => screenData.patterns);
    const exec = vi.spyOn(RegExp.prototype, 'exec');
    for (const [ending, holds] of [
      ['', false],
      [' and my prolactin', true],
    ] as const) {
      const test = screen.quickTestOf(`${'We slept well last night. '.repeat(40_000)}${ending}`, true);
      exec.mockClear();
      let verdict = false;
      for (let from = 0; from < test.length && !verdict; from += searchPieceLength)
        verdict = test.mayHoldTermAt(from, from + searchPieceLength);
      expect(verdict).toBe(holds);
      // One search per expression runs to the next candidate or the end; the other pieces know it is beyond them.
      expect(exec.mock.calls.length).toBeLessThanOrEqual(4);
    }
    exec.mockRestore();
  });

  it('asks for the text around a change only where the change holds an acronym or a word that confirms one', () => {
    const screen = createQuickScreen(screenData.candidates, () => screenData.patterns);
    // Either may be half of a term whose other half is in the next paragraph ("IGT" / "my milk never came in").
    expect(screen.mayJoinNeighbours('Is IGT a real thing?')).toBe(true);
    expect(screen.mayJoinNeighbours('It works only while you are exclusively breastfeeding.')).toBe(true);
    expect(screen.mayJoinNeighbours('Any tips? EBF here.')).toBe(true);
    // Neither: no paragraph beside it can make a term with it.
    expect(screen.mayJoinNeighbours('We went to the park and had ice cream.')).toBe(false);
    expect(screen.mayJoinNeighbours('The new release fixes the login page.')).toBe(false);
  });
});
