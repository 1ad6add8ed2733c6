// @vitest-environment happy-dom
import { runInThisContext } from 'node:vm';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFirstStage, type FullStage } from '../../src/content/first-stage.ts';
import { firstStageKey, type FirstStageNote } from '../../src/content/full-stage-key.ts';
import { firstStageReport } from '../../src/messages/tab-report.ts';
import type { PageReport } from '../../src/page/page-report.ts';
import { saveSettings } from '../../src/settings/settings-store.ts';
import { defaultSettings } from '../../src/settings/settings.ts';

/** Puts paragraphs (and a container, when `id` is given) in the body, as a page would have them. */
function page(paragraphs: string[], id?: string) {
  const container = id
    ? document.body.appendChild(Object.assign(document.createElement('div'), { id }))
    : document.body;
  for (const text of paragraphs) container.appendChild(document.createElement('p')).textContent = text;
}

const fullStage: FullStage = {
  handlers: { 'page-report': () => ({ from: 'full stage' }) as unknown as PageReport },
};
const report = async () => (await fakeBrowser.runtime.onMessage.trigger({ type: 'page-report' }, {}))[0];
/** Resolves once the first stage has had its turn: screening steps and observer callbacks are tasks. */
const turn = () => new Promise((resolve) => setTimeout(resolve, 20));

const extensionId = fakeBrowser.runtime.id;
let lifetime: AbortController;
beforeEach(() => {
  fakeBrowser.reset();
  (fakeBrowser.runtime as { id?: string }).id = extensionId; // reset() leaves it as a test set it
  lifetime = new AbortController();
  document.body.replaceChildren();
});
afterEach(() => {
  lifetime.abort();
  vi.restoreAllMocks();
});

describe('the content script’s first stage', () => {
  it('leaves a page without any term with the first stage only, and answers the popup itself', async () => {
    page(['Our toddler finally sleeps through the night.', 'Any tips for weaning?']);
    const load = vi.fn(async () => fullStage);
    await startFirstStage(load, { signal: lifetime.signal });
    await vi.waitFor(async () =>
      expect(await report()).toMatchObject({ enabled: true, terms: [], stats: null, unreadable: null }),
    );
    expect(load).not.toHaveBeenCalled();
  });

  it('calls no extension API on a term-free page (no settings read, no message) until a term arrives', async () => {
    page(['Our toddler finally sleeps through the night.'], 'thread');
    const read = vi.spyOn(fakeBrowser.storage.sync, 'get');
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const load = vi.fn(async () => fullStage);
    await startFirstStage(load, { signal: lifetime.signal });
    await turn();
    expect(read).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
    document
      .getElementById('thread')!
      .append(Object.assign(document.createElement('p'), { textContent: 'Is IGT real? My breasts never changed.' }));
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    expect(read).toHaveBeenCalledTimes(1);
    expect(send).not.toHaveBeenCalled();
  });

  it('loads the full stage once words streamed into a paragraph, one by one, complete a term', async () => {
    page(['Our toddler finally sleeps through the night.'], 'thread');
    const load = vi.fn(async () => fullStage);
    await startFirstStage(load, { signal: lifetime.signal });
    const answer = document.getElementById('thread')!.appendChild(document.createElement('p'));
    for (const word of ['A', ' low', ' milk', ' ']) {
      answer.append(word);
      await turn();
    }
    expect(load).not.toHaveBeenCalled(); // "A low milk " holds no term; the same wait sees the load below
    answer.append(Object.assign(document.createElement('span'), { textContent: 'supply' }));
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
  });

  it('loads the full stage once a paragraph explaining an acronym comes next to it, and not while it is elsewhere', async () => {
    // The matcher takes "IGT"'s sense from the paragraph next to it, so a fresh load of the final page would load.
    page(['Is IGT a real thing?', 'We went to the park.'], 'thread');
    const thread = document.getElementById('thread')!;
    const load = vi.fn(async () => fullStage);
    await startFirstStage(load, { signal: lifetime.signal });
    const explained = () =>
      Object.assign(document.createElement('p'), {
        textContent: 'My breasts never changed and my milk never came in.',
      });
    thread.append(explained()); // after "We went to the park.": not next to IGT
    await turn();
    expect(load).not.toHaveBeenCalled();
    thread.children[1]!.remove(); // now it is
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
  });

  it('loads the full stage once an acronym is added next to the paragraph explaining it', async () => {
    page(['My breasts never changed and my milk never came in.', 'We went to the park.'], 'thread');
    const thread = document.getElementById('thread')!;
    const load = vi.fn(async () => fullStage);
    await startFirstStage(load, { signal: lifetime.signal });
    const acronym = () => Object.assign(document.createElement('p'), { textContent: 'Is IGT a real thing?' });
    thread.append(acronym()); // next to the park, not to the breasts
    await turn();
    expect(load).not.toHaveBeenCalled();
    thread.insertBefore(acronym(), thread.children[1]!);
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
  });

  it('reads the paragraphs beside a change only where the change may make a term with them', async () => {
    page(['Is IGT a real thing?', 'Our toddler finally sleeps through the night.'], 'thread');
    const thread = document.getElementById('thread')!;
    const load = vi.fn(async () => fullStage);
    await startFirstStage(load, { signal: lifetime.signal });
    const walked = vi.spyOn(document, 'createTreeWalker');
    const neighbourReads = () => walked.mock.calls.filter(([root]) => root === thread.children[1]).length;
    const park = thread.appendChild(
      Object.assign(document.createElement('p'), { textContent: 'We went to the park.' }),
    );
    await vi.waitFor(() => expect(walked).toHaveBeenCalled()); // the change itself was read
    expect(neighbourReads()).toBe(0);
    // The positive control: a change with a confirming word in the same place reads its neighbour.
    thread.insertBefore(
      Object.assign(document.createElement('p'), { textContent: 'Then she fed well at the breast.' }),
      park,
    );
    await vi.waitFor(() => expect(neighbourReads()).toBeGreaterThan(0));
    expect(load).not.toHaveBeenCalled();
  });

  it('stops, quietly, once the extension is updated or removed under it', async () => {
    page(['Our toddler finally sleeps through the night.'], 'thread');
    const load = vi.fn(async () => fullStage);
    const read = vi.spyOn(fakeBrowser.storage.sync, 'get');
    await startFirstStage(load, { signal: lifetime.signal });
    (fakeBrowser.runtime as { id?: string }).id = undefined; // as in Chrome, the orphaned script's API is gone
    document
      .getElementById('thread')!
      .append(Object.assign(document.createElement('p'), { textContent: 'Is IGT real? My breasts never changed.' }));
    await turn();
    // The same reply loads the full stage while the extension is there (the test above).
    expect(read).not.toHaveBeenCalled();
    expect(load).not.toHaveBeenCalled();
  });

  it('tells the popup that a term-free page on a switched-off site is off', async () => {
    await saveSettings({ ...defaultSettings, sites: ['localhost'] });
    page(['Our toddler finally sleeps through the night.']);
    await startFirstStage(
      vi.fn(async () => fullStage),
      { signal: lifetime.signal },
    );
    expect(await report()).toMatchObject({ enabled: false, terms: [] });
    await saveSettings({ ...defaultSettings, sites: [] });
    expect(await report()).toMatchObject({ enabled: true, terms: [] });
  });

  it('loads the full stage where the page may hold a term, and hands it the popup’s requests', async () => {
    await saveSettings({ ...defaultSettings, density: 'every', underline: 'wavy' });
    page(['My prolactin was low at six weeks.']);
    const load = vi.fn(async () => fullStage);
    await startFirstStage(load, { signal: lifetime.signal });
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    // With the settings it read, so that the full stage starts without reading them again.
    expect(load).toHaveBeenCalledWith(expect.objectContaining({ density: 'every', underline: 'wavy' }));
    expect(await report()).toEqual({ from: 'full stage' });
  });

  it('answers a report asked while it is still judging the page once the verdict is in, not with "no terms"', async () => {
    page(['My prolactin was low at six weeks.']);
    let finishLoading = () => {};
    const load = vi.fn(() => new Promise<FullStage>((resolve) => (finishLoading = () => resolve(fullStage))));
    const stage = await startFirstStage(load, { signal: lifetime.signal });
    // Asked before the screen's verdict and the settings' read: it waits for the full stage.
    const early = report();
    const viaNote = stage.report();
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    finishLoading();
    expect(await early).toEqual({ from: 'full stage' });
    expect(await viaNote).toEqual({ from: 'full stage' });
    // The control: on a page with no term, the same early question gets the first stage's own answer.
    lifetime.abort();
    lifetime = new AbortController();
    document.body.replaceChildren();
    page(['We slept well last night.']);
    const quiet = await startFirstStage(
      vi.fn(async () => fullStage),
      { signal: lifetime.signal },
    );
    expect(await quiet.report()).toMatchObject({ terms: [] });
  });

  it('loads it when a term arrives later (a reply loading), and not before', async () => {
    page(['Welcome to the thread.'], 'thread');
    const load = vi.fn(async () => fullStage);
    await startFirstStage(load, { signal: lifetime.signal });
    await turn();
    expect(load).not.toHaveBeenCalled();
    const reply = document.createElement('p');
    reply.textContent = 'Have you been checked for insulin resistance?';
    document.getElementById('thread')!.append(reply);
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
  });

  it('where the site is known to be on, fetches the full stage as it reads the settings, not after', async () => {
    page(['Welcome to the thread.'], 'thread');
    const prefetch = vi.fn(async () => undefined);
    const load = vi.fn(async () => fullStage);
    const read = vi.spyOn(fakeBrowser.storage.sync, 'get');
    await startFirstStage(load, { signal: lifetime.signal, prefetchFullStage: prefetch });
    await turn();
    expect(prefetch).not.toHaveBeenCalled(); // no candidate yet; the same wait sees the calls below
    document
      .getElementById('thread')!
      .append(Object.assign(document.createElement('p'), { textContent: 'Is my milk supply low?' }));
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    expect(prefetch).toHaveBeenCalledTimes(1);
    expect(prefetch.mock.invocationCallOrder[0]).toBeLessThan(read.mock.invocationCallOrder[0]!);
  });

  it('does nothing on a site the user switched off, and starts when it is switched back on', async () => {
    await saveSettings({ ...defaultSettings, sites: ['localhost'] });
    page(['My prolactin was low at six weeks.']);
    const load = vi.fn(async () => fullStage);
    await startFirstStage(load, { signal: lifetime.signal });
    await turn();
    expect(load).not.toHaveBeenCalled();
    expect(await report()).toMatchObject({ enabled: false });
    await saveSettings({ ...defaultSettings, sites: [], density: 'first-on-page' });
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    expect(load).toHaveBeenCalledWith(expect.objectContaining({ sites: [], density: 'first-on-page' }));
  });

  it('stays quiet when the full stage cannot load: one console line, nothing thrown, and the popup is told', async () => {
    page(['My prolactin was low at six weeks.']);
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const load = vi.fn(() => Promise.reject(new Error('blocked by the page')));
    await startFirstStage(load, { signal: lifetime.signal });
    await vi.waitFor(async () =>
      expect(await report()).toMatchObject({ enabled: true, unreadable: 'blocked by the page' }),
    );
    expect(info).toHaveBeenCalledTimes(1);
    info.mockRestore();
  });

  it('in Chrome, listens for messages only once a page may hold a term, and reports itself until then', async () => {
    page(['Our toddler finally sleeps through the night.'], 'thread');
    const listen = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    const load = vi.fn(async () => fullStage);
    const stage = startFirstStage(load, { listenBeforeCandidate: false, signal: lifetime.signal });
    await turn();
    expect(listen).not.toHaveBeenCalled();
    expect(await stage.report()).toMatchObject({ enabled: true, terms: [], unreadable: null });
    document
      .getElementById('thread')!
      .append(Object.assign(document.createElement('p'), { textContent: 'Is IGT real? My breasts never changed.' }));
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    expect(listen).toHaveBeenCalledTimes(1);
    // Both ways of asking now reach the full stage.
    expect(await report()).toEqual({ from: 'full stage' });
    expect(await stage.report()).toEqual({ from: 'full stage' });
  });

  it('is found by the function Chrome’s popup runs in the page, while its extension is there', async () => {
    const scope = globalThis as Record<symbol, FirstStageNote | undefined>;
    const stage = startFirstStage(
      vi.fn(async () => fullStage),
      { listenBeforeCandidate: false, signal: lifetime.signal },
    );
    let running = true;
    scope[firstStageKey] = { ...stage, running: () => running };
    try {
      expect(await firstStageReport()).toMatchObject({ enabled: true, terms: [] });
      // As the browser runs it: from its source alone, with nothing from this module in reach.
      const sent = runInThisContext(`(${firstStageReport.toString()})`) as typeof firstStageReport;
      expect(await sent()).toMatchObject({ enabled: true, terms: [] });
      running = false; // left behind by an update: the page is read as if it had none
      expect(firstStageReport()).toBeNull();
    } finally {
      delete scope[firstStageKey];
    }
  });
});
