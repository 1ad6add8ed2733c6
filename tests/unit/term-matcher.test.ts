import { describe, expect, it, vi } from 'vitest';
import { glossary } from '../../src/glossary/glossary.ts';
import { createTermMatcher } from '../../src/match/term-matcher.ts';
import { searchPieceLength } from '../../src/match/quick-screen.ts';

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
    expect(
      found('insulin-resistant, pre-diabetes, oestrogen, amenorrhoea after lactational amenorrhoea, a galactogogue'),
    ).toEqual([
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
    expect(
      found('prolactinoma, hyperprolactinemia, insulinoma, proinsulin, lactase, Phytoestrogens, galactose'),
    ).toEqual([]);
  });

  it('does not take insulin-like growth factor for insulin', () => {
    expect(found('Insulin-like growth factor 1 rises')).toEqual([]);
  });

  it('does not take the dairy trade’s milk supply chain for a parent’s milk supply', () => {
    expect(found('Milk Supply Chain in a pandemic; the milk-supply-chain model; dairy milk supply chains')).toEqual([]);
    // A line break or a no-break space between the words reads as a space, as in the forms themselves.
    expect(
      found('the milk supply\nchain; the milk supply\u00a0 chain; Phyto\noestrogens; Insulin\u00a0like growth factor'),
    ).toEqual([]);
    // Positive control: the same words before another word stay underlined.
    expect(found('My milk supply changed when I went back to work')).toEqual([['milk-supply', 'milk supply']]);
  });

  it('does not match inside a web address, an e-mail address or an identifier', () => {
    expect(
      found(
        'see https://example.org/igt-and-breastfeeding/ or igt.mama@example.com, prolactin_ng_ml, tag--gestational-diabetes',
      ),
    ).toEqual([]);
  });

  it('does not underline IGT when it means impaired glucose tolerance', () => {
    expect(found('IGT on a glucose tolerance test is one route to a diagnosis.')).toEqual([]);
    expect(found('IGT meant my breasts never made a full supply.')).toEqual([['insufficient-glandular-tissue', 'IGT']]);
  });

  it('does not take LAM as a lung disease or GDM as a display manager for lactation terms', () => {
    expect(found('LAM (lymphangioleiomyomatosis) is a rare lung disease.')).toEqual([]);
    expect(found('GDM, the GNOME Display Manager, failed to start the login screen.')).toEqual([]);
    expect(found('LAM works as contraception while breastfeeding only in the first six months.')).toEqual([
      ['lactational-amenorrhea', 'LAM'],
    ]);
  });

  it('judges an acronym by its own sentence first, where a post talks about both senses', () => {
    const post =
      'My 1 hour glucose test was borderline, so IGT for now. The LC says I also have IGT, since my breasts never changed. ' +
      'LAM worked for us while I was exclusively breastfeeding. Not to be confused with LAM, the rare lung disease.';
    expect(
      matcher
        .find(post)
        .filter((m) => m.surface === 'IGT' || m.surface === 'LAM')
        .map((m) => [m.termId, m.start]),
    ).toEqual([
      ['insufficient-glandular-tissue', post.indexOf('IGT, since')],
      ['lactational-amenorrhea', post.indexOf('LAM worked')],
    ]);
    // Nothing in its own sentence: the next sentences decide; both senses there: neither.
    expect(found('Yep, IGT. My supply never came in.')).toEqual([['insufficient-glandular-tissue', 'IGT']]);
    expect(found('Yep, IGT. Fasting numbers are fine, pumping is not.')).toEqual([]);
  });

  describe('an acronym its own paragraph leaves unexplained', () => {
    const foundWith = (text: string, neighbours: string, title = '') =>
      matcher.find(text, { neighbours: () => neighbours, title: () => title }).map((m) => [m.termId, m.surface]);

    it('takes its sense from the text around: a heading over its paragraph, a use after the full name', () => {
      expect(found('The LAM method')).toEqual([]);
      expect(foundWith('The LAM method', 'It works only while you are exclusively breastfeeding.')).toEqual([
        ['lactational-amenorrhea', 'LAM'],
      ]);
      expect(found('Some with IR never make a full supply.')).toEqual([]);
      expect(foundWith('Some with IR never make a full supply.', 'My doctor found insulin resistance.')).toEqual([
        ['insulin-resistance', 'IR'],
      ]);
    });

    it('is left alone where the text around names the other sense too, or gives one everyday word', () => {
      const block = 'The IR readings came back.';
      expect(foundWith(block, 'Insulin resistance, they said.')).toEqual([['insulin-resistance', 'IR']]);
      expect(foundWith(block, 'Insulin resistance, or the infrared camera?')).toEqual([]);
      // A game's news: "weeks" alone is not gestational diabetes; two of its words are.
      expect(foundWith('GD 2.2 is out', 'It took weeks to beat the last level.')).toEqual([]);
      expect(foundWith('GD 2.2 is out', 'At 28 weeks my glucose test came back high.')).toEqual([
        ['gestational-diabetes', 'GD'],
      ]);
    });

    it("is not confirmed by the page's title alone, which the first stage's screen of the page does not read", () => {
      expect(foundWith('Some with IR never make a full supply.', '', 'Insulin resistance and milk supply')).toEqual([]);
    });

    it('does not read the text around where its own paragraph decides', () => {
      let read = 0;
      const around = {
        neighbours: () => {
          read += 1;
          return 'insulin resistance';
        },
        title: () => '',
      };
      expect(matcher.find('The IR camera broke.', around)).toEqual([]);
      expect(matcher.find('IR and insulin resistance', around)).toHaveLength(2);
      // Colostrum asks the page's title only: its block is not tied to its neighbours.
      expect(matcher.find('What is colostrum?', around)).toHaveLength(1);
      expect(read).toBe(0);
      expect(matcher.find('Some with IR never make a full supply.', around)).toHaveLength(1);
      expect(read).toBe(1);
    });
  });

  it('does not underline colostrum on a page whose title is about calves or foals, and does where only the text names them', () => {
    expect(found('Hand-expressing colostrum before the birth, and off cows milk.')).toEqual([
      ['colostrum', 'colostrum'],
    ]);
    // What colostrum is, for any mammal: the card says so too.
    expect(found('Calves, like babies, need colostrum within hours of birth.')).toEqual([['colostrum', 'colostrum']]);
    const about = (title: string, neighbours = '') =>
      matcher.find('What is colostrum?', { neighbours: () => neighbours, title: () => title });
    expect(about('Colostrum for dairy calves')).toEqual([]);
    expect(about('Raising foals', 'Your mare will make it.')).toEqual([]);
    expect(about('Colostrum and breastfeeding', 'Your breasts make it from mid-pregnancy.')).toHaveLength(1);
    expect(about('Colostrum', 'Feed it to newborn calves within two hours.')).toHaveLength(1);
  });

  it("does not underline milk supply on a page whose title is about farms' or animals' milk, and does on a feeding page that names dairy", () => {
    const about = (title: string) =>
      matcher
        .find('Milk supply fell again this month.', { neighbours: () => '', title: () => title })
        .map((m) => m.termId);
    expect(about('Dairy farmers cut herds as costs rise')).toEqual([]);
    expect(about('Farm gate prices and the cattle market')).toEqual([]);
    expect(about('Raising dairy goats: doelings and their dams')).toEqual([]);
    expect(about('Whelping: a guide for first-time breeders')).toEqual([]);
    // Positive controls: feeding pages that name dairy or cow's milk keep the underline.
    expect(about('Pumping at work: keeping up your milk supply')).toEqual(['milk-supply']);
    expect(about("Cutting dairy and cow's milk while breastfeeding")).toEqual(['milk-supply']);
    expect(about('Dairy-free diet for a baby with CMPA')).toEqual(['milk-supply']);
    expect(about('Goats milk formula or breastfeeding?')).toEqual(['milk-supply']);
    expect(about('Lambing season with a newborn: notes from our farm')).toEqual(['milk-supply']);
    expect(about('Breastfeeding, vaccines and herd immunity')).toEqual(['milk-supply']);
  });

  it('reads past markup people type and footnotes stuck to a word, not into tags, codes and diagram ids', () => {
    expect(found('Most of us with _PCOS_ were never told.')).toEqual([['pcos', 'PCOS']]);
    expect(found('It depends on removal.3Insulin and cortisol help too.')).toEqual([
      ['insulin', 'Insulin'],
      ['cortisol', 'cortisol'],
    ]);
    expect(found('tag_PCOS_2 and x2insulin')).toEqual([]);
    expect(found('<img alt="the mammary gland" src="a.png"><p>The mammary gland grows.</p>')).toEqual([
      ['mammary-gland', 'mammary gland'],
    ]);
    expect(found('HOMA-IR was higher with insulin resistance; the GD-400 pump broke.')).toEqual([
      ['insulin-resistance', 'insulin resistance'],
    ]);
    expect(found('Insulin resistance (IR) and non-PCOS controls with PCOS-related IR')).toEqual([
      ['insulin-resistance', 'Insulin resistance'],
      ['insulin-resistance', 'IR'],
      ['pcos', 'PCOS'],
      ['pcos', 'PCOS'],
      ['insulin-resistance', 'IR'],
    ]);
    expect(found('flowchart LR\n  GDM[Gestational diabetes] --> T2D[Type 2 diabetes]\n  A -.-> T2D')).toEqual([
      ['gestational-diabetes', 'Gestational diabetes'],
      ['type-2-diabetes', 'Type 2 diabetes'],
    ]);
    expect(found('"tags": ["low-milk-supply"], "title": "Low milk supply?"')).toEqual([['milk-supply', 'milk supply']]);
    expect(found('Phyto-oestrogens in soy are not the oestrogen your ovaries make.')).toEqual([
      ['estrogen', 'oestrogen'],
    ]);
  });

  it('reads capitals with a small final "s" as the plural of a shorter abbreviation, not PCOS', () => {
    expect(found('The council has six PCOs (parking control officers) and two PCOs on the scan.')).toEqual([]);
    expect(found('PCOS, pcos and Pcos; P.C.O.S. too')).toEqual([
      ['pcos', 'PCOS'],
      ['pcos', 'pcos'],
      ['pcos', 'Pcos'],
      ['pcos', 'P.C.O.S.'],
    ]);
  });

  it('leaves stock codes, file names and the path of a search result alone, and the same words in prose', () => {
    expect(found('{"sku": "LC-PCOS-060"} and SKU PCOS-IN-90')).toEqual([]);
    expect(found('PCOS-RELATED HAIR LOSS, non-PCOS women')).toEqual([
      ['pcos', 'PCOS'],
      ['pcos', 'PCOS'],
    ]);
    expect(found('Uploaded prolactin-results-March.pdf and igt_notes.docx')).toEqual([]);
    expect(found('My prolactin results came back.')).toEqual([['prolactin', 'prolactin']]);
    expect(found('www.example-health.com › pcos › breastfeeding\nPCOS and Breastfeeding')).toEqual([['pcos', 'PCOS']]);
    expect(found('Home › PCOS')).toEqual([['pcos', 'PCOS']]);
    // Items of an array of quoted strings are data; a word quoted in a sentence is still a word.
    expect(found('{"tags": ["gdm", "colostrum", "milk-supply"]}')).toEqual([]);
    expect(found('Words like "colostrum", "foremilk" and "prolactin".')).toEqual([
      ['colostrum', 'colostrum'],
      ['prolactin', 'prolactin'],
    ]);
  });

  it('reads an acronym in the sense spelled out in the sentence next to it, over an everyday word beside it', () => {
    expect(found('Beat a level in GD while the baby napped. Geometry Dash is my thing.')).toEqual([]);
    expect(found('GD at 28 weeks while the baby kicked. It means gestational diabetes.')).toEqual([
      ['gestational-diabetes', 'GD'],
      ['gestational-diabetes', 'gestational diabetes'],
    ]);
    // The positive control: with the game two sentences away, the baby beside GD decides.
    expect(found('Beat a level in GD while the baby napped. So tired. Geometry Dash is my thing.')).toEqual([
      ['gestational-diabetes', 'GD'],
    ]);
  });

  it('takes the words of a phone-typed post as context: a1c and prediabetic for GD, brewer’s yeast for IGT', () => {
    expect(found('had GD with both my kids and now my a1c says pre diabetic')).toEqual([
      ['gestational-diabetes', 'GD'],
      ['prediabetes', 'pre diabetic'],
    ]);
    // Graves' disease is GD too: its treatment's words decide, over the a1c beside it (without the drug's name,
    // the same sentence is read as gestational diabetes).
    expect(found('GD flare again, my a1c crept up and the methimazole dose went up')).toEqual([]);
    expect(found('GD flare again, my a1c crept up and the dose went up')).toEqual([['gestational-diabetes', 'GD']]);
    expect(found('tried oats and brewer’s yeast, lc thinks its IGT')).toEqual([
      ['insufficient-glandular-tissue', 'IGT'],
    ]);
    // Not any yeast: high blood sugar brings yeast infections, and IGT is also impaired glucose tolerance.
    expect(found('Doc says I have IGT. I keep getting yeast infections.')).toEqual([]);
    expect(found('Doc says I have IGT. I keep taking brewer’s yeast.')).toEqual([
      ['insufficient-glandular-tissue', 'IGT'],
    ]);
  });

  it('reads gdm typed in lower case as gestational diabetes only where the post speaks of pregnancy', () => {
    expect(found('Had gdm in my last pregnancy and my milk took ages.')).toEqual([['gestational-diabetes', 'gdm']]);
    expect(found('sudo systemctl restart gdm after the update')).toEqual([]);
    expect(found('Had GDM with my first.')).toEqual([['gestational-diabetes', 'GDM']]);
  });

  it('reads acronyms as people type them: in lower case with their context words, and with dots', () => {
    expect(found('diagnosed with igt, my breasts never changed')).toEqual([['insufficient-glandular-tissue', 'igt']]);
    expect(found('Is it I.G.T. or a bad latch?')).toEqual([['insufficient-glandular-tissue', 'I.G.T.']]);
    expect(found('my P.C.O.S. dr')).toEqual([['pcos', 'P.C.O.S.']]);
    // Without a context word they are left alone; "lam" and "Lam" (a surname, "on the lam") never count.
    expect(found('the igt slot machines')).toEqual([]);
    expect(found('Dr Lam said breastfeeding is fine, lam worked until my period came back')).toEqual([]);
  });

  it('takes an acronym in the sense its full name beside it gives, whatever else the sentence says', () => {
    expect(found('LAM = Lactational Amenorrhea Method, not the lung disease')).toEqual([
      ['lactational-amenorrhea', 'LAM'],
      ['lactational-amenorrhea', 'Lactational Amenorrhea Method'],
    ]);
    expect(found('the lung disease, not the lactational amenorrhea method (LAM)')).toEqual([
      ['lactational-amenorrhea', 'lactational amenorrhea method'],
      ['lactational-amenorrhea', 'LAM'],
    ]);
    // The control: the same words without the full name beside it leave it alone.
    expect(found('LAM, not the lung disease')).toEqual([]);
    expect(found('IGT (impaired glucose tolerance) and breastfeeding')).toEqual([]);
  });

  it('ends a sentence at a footnote number, so the next sentence does not judge an acronym', () => {
    const text =
      'It is the basis of the lactational amenorrhea method (LAM).13 Oestrogen-containing pills may lower supply.';
    expect(found(text).map(([, surface]) => surface)).toContain('LAM');
    // The control: in one sentence with the rejecting word, it is left alone.
    expect(found('Is LAM why oestrogen-containing pills are out?').map(([, surface]) => surface)).not.toContain('LAM');
  });

  it('checks the case of acronyms: MetS is metabolic syndrome, the Mets are a baseball team', () => {
    expect(found('Skipped the Mets game to read about MetS')).toEqual([['metabolic-syndrome', 'MetS']]);
  });

  describe('terms as real posts write them', () => {
    it('finds a compound split into words, and not a look-alike made of the same words', () => {
      expect(
        found('Poly Cystic Ovarian Syndrome, poly cystic ovary syndrome, Poly-Cystic Ovaries Syndrome, pre diabetes'),
      ).toEqual([
        ['pcos', 'Poly Cystic Ovarian Syndrome'],
        ['pcos', 'poly cystic ovary syndrome'],
        ['pcos', 'Poly-Cystic Ovaries Syndrome'],
        ['prediabetes', 'pre diabetes'],
      ]);
      expect(found('poly cystic kidney disease and polycystic kidney disease are not PCOS-related')).toEqual([
        ['pcos', 'PCOS'],
      ]);
    });

    it('finds words joined by slashes', () => {
      expect(found('breast milk is protein/fat/lactose/water, and insulin/prolactin/cortisol all matter')).toEqual([
        ['lactose', 'lactose'],
        ['insulin', 'insulin'],
        ['prolactin', 'prolactin'],
        ['cortisol', 'cortisol'],
      ]);
      expect(
        found('Any PCOS/insulin resistance/IGT mamas here? How did you get your milk supply up?').map(([id]) => id),
      ).toEqual(['pcos', 'insulin-resistance', 'insufficient-glandular-tissue', 'milk-supply']);
    });

    it('does not take a path for words joined by slashes', () => {
      expect(
        found(
          'see /wiki/Prolactin, 2019/10/colostrum-guide, guides/colostrum/ and docs/herbs/galactagogue-teas-and-tinctures',
        ),
      ).toEqual([]);
    });

    it('finds common misspellings of the long names', () => {
      const text =
        'galactagouge, galactogouge, lactational amenorhea, lactational ammenorrhea, gestational diabetis, gestional diabetes, ' +
        'colostum, colustrum, prolacin, prolactine, progestrone, insulin resistence, polysystic ovarian syndrome, metabolic syndrom';
      expect(found(text)).toEqual([
        ['galactagogue', 'galactagouge'],
        ['galactagogue', 'galactogouge'],
        ['lactational-amenorrhea', 'lactational amenorhea'],
        ['lactational-amenorrhea', 'lactational ammenorrhea'],
        ['gestational-diabetes', 'gestational diabetis'],
        ['gestational-diabetes', 'gestional diabetes'],
        ['colostrum', 'colostum'],
        ['colostrum', 'colustrum'],
        ['prolactin', 'prolacin'],
        ['prolactin', 'prolactine'],
        ['progesterone', 'progestrone'],
        ['insulin-resistance', 'insulin resistence'],
        ['pcos', 'polysystic ovarian syndrome'],
        ['metabolic-syndrome', 'metabolic syndrom'],
      ]);
    });

    it('finds the other names and misspellings met on real pages', () => {
      expect(
        found(
          'It is called mammary hypoplasia. Insufficient Gladular Tissue, lactational amenorreha, lactational amenorrheal, insulin insensitivity',
        ),
      ).toEqual([
        ['insufficient-glandular-tissue', 'mammary hypoplasia'],
        ['insufficient-glandular-tissue', 'Insufficient Gladular Tissue'],
        ['lactational-amenorrhea', 'lactational amenorreha'],
        ['lactational-amenorrhea', 'lactational amenorrheal'],
        ['insulin-resistance', 'insulin insensitivity'],
      ]);
    });

    it('does not take the words next to a misspelling for it', () => {
      expect(
        found('colostomy, progestin, cortisone, prolactinemia, gestation, galactose, lactation, amenorrhea alone'),
      ).toEqual([]);
    });

    it('does not match program identifiers: camelCase, PascalCase, snake_case', () => {
      const code =
        'insulinResistance, milkSupply, MilkSupply, prolactinLevel, lactoseIntolerance, milk_supply, insulin_resistance, get_prolactin, PCOS_status';
      expect(found(code)).toEqual([]);
      expect(found('#MilkSupply tips: my milk supply, prolactin and PCOS')).toEqual([
        ['milk-supply', 'MilkSupply'],
        ['milk-supply', 'milk supply'],
        ['prolactin', 'prolactin'],
        ['pcos', 'PCOS'],
      ]);
    });

    it('does not take LAM the lung disease for the lactational amenorrhea method, whatever else it shares words with', () => {
      for (const lung of [
        'LAM mostly affects women of childbearing age, and estrogen and pregnancy can make it worse.',
        'Women with LAM are usually told to avoid estrogen-containing birth control.',
        'I was diagnosed with LAM after my second pregnancy, when I kept getting short of breath.',
        'My LAM flares around my period, and my pulmonologist thinks it is hormonal.',
        'Periods stopped while I was on sirolimus for LAM.',
        'LAM with a collapsed lung in pregnancy is an emergency.',
        'LAM cysts showed up on my CT, and TSC runs in the family.',
        'Pregnant with LAM: anyone else had a pneumothorax in the third trimester?',
      ]) {
        expect(
          found(lung).filter(([, surface]) => surface === 'LAM'),
          lung,
        ).toEqual([]);
      }
      for (const method of [
        'LAM works as birth control only while your period has not come back.',
        'We used LAM for the first five months, exclusively breastfeeding day and night.',
        'Is LAM still reliable if the baby sleeps 8 hours at night between feeds?',
        'How effective is LAM in the first six months postpartum, compared with the mini pill?',
      ]) {
        expect(
          found(method).filter(([, surface]) => surface === 'LAM'),
          method,
        ).toEqual([['lactational-amenorrhea', 'LAM']]);
      }
    });
  });

  it('gives UTF-16 offsets into the text', () => {
    const text = '🍼 prolactin';
    const [match] = matcher.find(text);
    expect(text.slice(match!.start, match!.end)).toBe('prolactin');
    expect(match!.start).toBe(3);
  });

  it('reads a long block in pieces and finds the same terms wherever the pieces end', () => {
    // Passages in which terms, acronyms (judged by the words around them), soft hyphens and a term longer
    // than its first word sit across the end of the first piece.
    const passage = 'about insulin resistance, IGT and breast hypoplasia, Pro\u00ADlactin, my milk supply';
    const threePieces = matcher.search(`${'milk '.repeat(searchPieceLength / 5)} `.repeat(3));
    expect([threePieces.step(), threePieces.step(), threePieces.step()]).toEqual([true, true, false]);
    const onItsOwn = matcher.find(passage);
    expect(onItsOwn.map((m) => m.termId)).toEqual([
      'insulin-resistance',
      'insufficient-glandular-tissue',
      'insufficient-glandular-tissue',
      'prolactin',
      'milk-supply',
    ]);
    for (let lead = searchPieceLength - passage.length - 2; lead <= searchPieceLength + 2; lead++) {
      const text = `${'x'.repeat(lead)} ${passage}`;
      const search = matcher.search(text);
      while (search.step());
      const shifted = onItsOwn.map((m) => ({ ...m, start: m.start + lead + 1, end: m.end + lead + 1 }));
      expect(search.matches, `passage after ${lead} characters`).toEqual(shifted);
      expect(matcher.find(text)).toEqual(shifted);
    }
  });

  it('reads a long block with no candidate once, however many pieces it is searched in', () => {
    const exec = vi.spyOn(RegExp.prototype, 'exec');
    for (const [ending, found] of [
      ['', 0],
      [' and my prolactin', 1],
    ] as const) {
      const search = matcher.search(`${'We slept well last night. '.repeat(40_000)}${ending}`);
      exec.mockClear();
      let pieces = 0;
      while (search.step()) pieces++;
      expect(search.matches).toHaveLength(found);
      expect(pieces).toBeGreaterThan(50);
      // One search runs to the next candidate or the end; the other pieces know it is beyond them (not one
      // search per piece, each reading the rest of the block).
      expect(exec.mock.calls.length).toBeLessThan(pieces / 4);
    }
    exec.mockRestore();
  });
});
