import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { claimHeadline } from '../../claims/describe.ts';
import { glossary, termById } from '../../glossary/glossary.ts';
import { createTermSearch } from '../../glossary/term-search.ts';
import type { PageReport } from '../../page/page-report.ts';
import { hostnameOf } from '../../settings/site-patterns.ts';
import { loadSettings, updateSettings, watchSettings } from '../../settings/settings-store.ts';
import { withSiteSwitched, type Settings } from '../../settings/settings.ts';
import { askContent } from '../../messages/channel.ts';
import { tabReport } from '../../messages/tab-report.ts';
import { missingSiteAccess, type MissingSiteAccess } from '../tab-client.ts';
import { TermCard } from '../TermCard.tsx';

/** The same headline the flag's card shows ("Matches the article — but …"). */
function claimHeadlineOf(check: PageReport['claims'][number]): string {
  const claim = glossary.claims.find((c) => c.id === check.claimId);
  return claim ? claimHeadline(check, claim) : check.verdict;
}

export interface PopupProps {
  tabId: number | null;
  initialQuery: string;
}

type PageState =
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'no-access'; access: MissingSiteAccess }
  | { kind: 'ready'; report: PageReport };

/** The site's name for the switch; pages without a host (files, data: URLs) are "this page". */
const hostOf = (url: string) => hostnameOf(url) || 'this page';

/** The toolbar popup: look a term up, see what this page mentions, switch the site off or on. */
export function Popup({ tabId, initialQuery }: PopupProps) {
  const search = useMemo(() => createTermSearch(), []);
  const [query, setQuery] = useState(initialQuery);
  const [selected, setSelected] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const searchBox = useRef<HTMLInputElement>(null);

  /** Reads the tab's state; with `attempts` > 1, waits (250 ms apart) for a content script that is starting. */
  const refreshPage = async (attempts = 1) => {
    for (let attempt = 1; tabId !== null; attempt++) {
      const report = await tabReport(tabId);
      if (report) return setPage({ kind: 'ready', report });
      if (attempt >= attempts) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const access = tabId === null ? null : await missingSiteAccess(tabId);
    setPage(access ? { kind: 'no-access', access } : { kind: 'unavailable' });
  };

  /** Asks the browser for the site access the user withheld; granted, the tab is reloaded to run in it. */
  const allowAccess = async (access: MissingSiteAccess) => {
    if (tabId === null || !(await browser.permissions.request({ origins: access.origins }).catch(() => false))) return;
    await browser.tabs.reload(tabId);
    setPage({ kind: 'loading' });
    await refreshPage(20);
  };

  useEffect(() => {
    searchBox.current?.focus();
    void loadSettings().then(setSettings);
    void refreshPage();
    return watchSettings((next) => {
      setSettings(next);
      // The tab applies the change on its own (or, switched back on in Chrome, is started by the background):
      // read its new state once it has.
      setTimeout(() => void refreshPage(12), 250);
    });
  }, []);

  const results = search.search(query);
  const selectedTerm = selected ? termById(selected) : undefined;

  if (selectedTerm) {
    return (
      <main class="popup">
        <button type="button" class="back" onClick={() => setSelected(null)}>
          ← Back
        </button>
        <TermCard term={selectedTerm} onOpenTerm={setSelected} place="popup" />
      </main>
    );
  }

  const report = page.kind === 'ready' ? page.report : null;
  const host = report ? hostOf(report.url) : '';
  const switchSite = async () => {
    if (!report) return;
    await updateSettings((s) => withSiteSwitched(s, report.url, !report.enabled));
  };
  const jumpTo = async (termId: string) => {
    if (tabId === null) return;
    await askContent(tabId, { type: 'move-to-term', direction: 'next', termId });
  };

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Lactation Glossary</h1>
        <label class="pause">
          <input
            type="checkbox"
            role="switch"
            checked={settings?.paused ?? false}
            onChange={() => void updateSettings((s) => ({ ...s, paused: !s.paused }))}
          />{' '}
          Pause everywhere
        </label>
      </header>

      <section aria-label="Look up">
        <input
          ref={searchBox}
          type="search"
          class="search"
          aria-label="Look up a term"
          placeholder="Look up a term (e.g. IGT, prolactin)"
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && results[0]) setSelected(results[0].id);
          }}
        />
        {query.trim() !== '' && (
          <ul class="results" aria-label="Matching terms">
            {results.length === 0 && <li class="empty">No term matches “{query}”.</li>}
            {results.map((term) => (
              <li key={term.id}>
                <button type="button" class="result" onClick={() => setSelected(term.id)}>
                  <strong>{term.label}</strong>
                  {term.acronyms.length > 0 && (
                    <span class="muted"> ({term.acronyms.map((a) => a.text).join(', ')})</span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="site" aria-label="This page">
        {page.kind === 'loading' && <p class="muted">Reading this page…</p>}
        {page.kind === 'unavailable' && (
          <p class="muted" role="status">
            The glossary cannot run on this page: browser pages, extension stores and some built-in viewers are off
            limits to extensions.
          </p>
        )}
        {page.kind === 'no-access' && (
          <div role="status" class="no-access">
            <p>
              {page.access.host ? (
                <>
                  The browser does not let Lactation Glossary read <strong>{page.access.host}</strong>, so nothing is
                  underlined here.
                </>
              ) : (
                <>
                  The browser does not let Lactation Glossary read this site (site access was turned off), so nothing is
                  underlined here.
                </>
              )}
            </p>
            <button type="button" class="allow-access" onClick={() => void allowAccess(page.access)}>
              {page.access.host ? `Allow on ${page.access.host}` : 'Allow on all sites'}
            </button>
          </div>
        )}
        {report && (
          <>
            <label class="site-switch">
              <input
                type="checkbox"
                role="switch"
                aria-label={`Underline terms on ${host}`}
                checked={report.enabled && !settings?.paused}
                disabled={settings?.paused}
                onChange={() => void switchSite()}
              />{' '}
              Underline terms on <strong>{host}</strong>
            </label>
            {settings?.paused && (
              <p class="muted" role="status">
                Paused everywhere.
              </p>
            )}
            {!report.enabled && !settings?.paused && (
              <p class="muted" role="status">
                Switched off on {host}.
              </p>
            )}
            {report.enabled && report.unreadable && (
              <p class="muted" role="status">
                The glossary could not read this page ({report.unreadable}). Reloading the page may help.
              </p>
            )}
            {report.enabled && (
              <>
                <h2>Terms on this page</h2>
                {report.terms.length === 0 ? (
                  <p class="muted">No glossary terms found on this page.</p>
                ) : (
                  <ul class="page-terms">
                    {report.terms.map(({ termId, count }) => (
                      <li key={termId}>
                        <button type="button" class="result" onClick={() => void jumpTo(termId)}>
                          {termById(termId)?.label ?? termId} <span class="count">{count}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
                {report.claims.length > 0 && (
                  <>
                    <h2>Statements compared with the article</h2>
                    <ul class="page-claims">
                      {report.claims.map((c, index) => (
                        <li key={`${c.claimId}|${c.sentence}`}>
                          <button
                            type="button"
                            class="result claim-result"
                            onClick={() => tabId !== null && void askContent(tabId, { type: 'show-claim', index })}
                          >
                            <span>
                              <span class={`verdict ${c.verdict}`}>{claimHeadlineOf(c)}</span> “{c.sentence}”
                            </span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {report.related.length > 0 && (
                  <>
                    <h2>Related statements (not marked on the page)</h2>
                    <ul class="page-related">
                      {report.related.map((c) => (
                        <li key={`${c.claimId}|${c.sentence}`} class="related-claim">
                          <span class={`verdict ${c.verdict}`}>{claimHeadlineOf(c)}</span> “{c.sentence}”
                          <span class="muted related-reason">{c.reason}</span>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            )}
          </>
        )}
      </section>
      <footer class="popup-footer">
        <span class="popup-links">
          <a
            class="link"
            href={browser.runtime.getURL('/glossary.html')}
            onClick={(event) => {
              // The popup is not a tab: the glossary opens in one.
              event.preventDefault();
              void browser.tabs.create({ url: browser.runtime.getURL('/glossary.html') });
            }}
          >
            All terms
          </a>
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            Settings
          </button>
        </span>
        <span class="muted">Information, not medical advice.</span>
      </footer>
    </main>
  );
}
