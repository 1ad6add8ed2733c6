import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/glossary/index.ts';
import { createTermMatcher, searchPieceLength } from '../../src/match/index.ts';

const matcher = createTermMatcher(glossary.terms);
const found = (text: string) => matcher.find(text).map((m) => [m.termId, m.surface]);

describe('the term matcher', () => {
  it('finds plurals and stops possessives before the apostrophe', () => {
    expect(found("Do galactagogues help? PCOS's effects on prolactin's rise")).toEqual([
      ['galactagogue', 'galactagogues'],
      ['pcos', 'PCOS'],
      ['prolactin', 'prolactin'],
    ]);
  });

  it('finds hyphen and space variants, British spellings and listed misspellings', () => {
    expect(found('insulin-resistant, pre-diabetes, oestrogen, amenorrhoea after lactational amenorrhoea, a galactogogue')).toEqual([
      ['insulin-resistance', 'insulin-resistant'],
      ['prediabetes', 'pre-diabetes'],
      ['estrogen', 'oestrogen'],
      ['lactational-amenorrhea', 'lactational amenorrhoea'],
      ['galactagogue', 'galactogogue'],
    ]);
  });

  it('finds ALL-CAPS text and terms broken by a line break, a no-break space or a soft hyphen', () => {
    expect(found('MY INSULIN RESISTANCE and Gestational\nDiabetes, milk\u00a0supply, Pro\u00adlactin')).toEqual([
      ['insulin-resistance', 'INSULIN RESISTANCE'],
      ['gestational-diabetes', 'Gestational\nDiabetes'],
      ['milk-supply', 'milk\u00a0supply'],
      ['prolactin', 'Pro\u00adlactin'],
    ]);
  });

  it('prefers the longest term where several start at one word', () => {
    expect(found('insulin resistance, then insulin')).toEqual([
      ['insulin-resistance', 'insulin resistance'],
      ['insulin', 'insulin'],
    ]);
  });

  it('does not match inside a larger word', () => {
    expect(found('prolactinoma, hyperprolactinemia, insulinoma, proinsulin, lactase, Phytoestrogens, galactose')).toEqual([]);
  });

  it('does not take insulin-like growth factor for insulin', () => {
    expect(found('Insulin-like growth factor 1 rises')).toEqual([]);
  });

  it('does not match inside a web address, an e-mail address or an identifier', () => {
    expect(found('see https://example.org/igt-and-breastfeeding/ or igt.mama@example.com, prolactin_ng_ml, tag--gestational-diabetes')).toEqual([]);
  });

  it('does not underline IGT when it means impaired glucose tolerance', () => {
    expect(found('IGT on a glucose tolerance test is one route to a diagnosis.')).toEqual([]);
    expect(found('IGT meant my breasts never made a full supply.')).toEqual([['insufficient-glandular-tissue', 'IGT']]);
  });

  it('does not take LAM as a lung disease or GDM as a display manager for lactation terms', () => {
    expect(found('LAM (lymphangioleiomyomatosis) is a rare lung disease.')).toEqual([]);
    expect(found('GDM, the GNOME Display Manager, failed to start the login screen.')).toEqual([]);
    expect(found('LAM works as contraception while breastfeeding only in the first six months.')).toEqual([['lactational-amenorrhea', 'LAM']]);
  });

  it('checks the case of acronyms: MetS is metabolic syndrome, the Mets are a baseball team', () => {
    expect(found('Skipped the Mets game to read about MetS')).toEqual([['metabolic-syndrome', 'MetS']]);
  });

  it('gives UTF-16 offsets into the text', () => {
    const text = '🍼 prolactin';
    const [match] = matcher.find(text);
    expect(text.slice(match!.start, match!.end)).toBe('prolactin');
    expect(match!.start).toBe(3);
  });

  it('reads a long block in pieces and finds the same terms wherever the pieces end', () => {
    // Passages in which terms, acronyms (judged by the whole block's words), soft hyphens and a term longer
    // than its first word sit across the end of the first piece.
    const passage = 'about insulin resistance, IGT and breast hypoplasia, Pro\u00ADlactin, my milk supply';
    const threePieces = matcher.search(`${'milk '.repeat(searchPieceLength / 5)} `.repeat(3));
    expect([threePieces.step(), threePieces.step(), threePieces.step()]).toEqual([true, true, false]);
    const onItsOwn = matcher.find(passage);
    expect(onItsOwn.map((m) => m.termId)).toEqual(['insulin-resistance', 'insufficient-glandular-tissue', 'insufficient-glandular-tissue', 'prolactin', 'milk-supply']);
    for (let lead = searchPieceLength - passage.length - 2; lead <= searchPieceLength + 2; lead++) {
      const text = `${'x'.repeat(lead)} ${passage}`;
      const search = matcher.search(text);
      while (search.step());
      const shifted = onItsOwn.map((m) => ({ ...m, start: m.start + lead + 1, end: m.end + lead + 1 }));
      expect(search.matches, `passage after ${lead} characters`).toEqual(shifted);
      expect(matcher.find(text)).toEqual(shifted);
    }
  });
});
