import type { Browser, Page } from 'puppeteer-core';

/**
 * What a page load costs the main thread, counted from a Chromium trace the way ../shared/tools/trace-cost.mjs
 * does: on the renderer threads where script marked by `marker` ran (the extension's own URL, or a page's for
 * its inline floor script), the outermost script events — evaluation, callbacks, promise continuations
 * (RunMicrotasks) and idle callbacks, which carry no script URL but are the extension's work — added up, and
 * the longest task that ran any of them. Only pages that run no script of their own are measured with the
 * extension's marker, so every script task there is the extension's. The page is not polled while tracing:
 * a driver's evaluations are script tasks too.
 */
export interface TraceCost {
  scriptMs: number;
  longestTaskMs: number;
  /**
   * PrePaint and Paint on those threads: the browser's rendering, not script, but where highlights cost a
   * page (every change to one rebuilds the markers of all their ranges in the next frame).
   */
  renderingMs: number;
  /**
   * Garbage collection that ran inside those script events (V8's minor and major pauses): part of `scriptMs`,
   * where the script's allocations brought the collection on (or only timed it: a page's load needs some anyway).
   */
  gcMs: number;
}

const scriptEvents = new Set([
  'EvaluateScript',
  'FunctionCall',
  'RunMicrotasks',
  'FireIdleCallback',
  'TimerFire',
  'v8.compile',
  'V8.Execute',
  'v8.run',
]);

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: unknown;
}

export function costOf(events: TraceEvent[], marker: string): TraceCost {
  const complete = events.filter((e) => e.ph === 'X');
  const threads = new Set(
    complete.filter((e) => JSON.stringify(e.args ?? {}).includes(marker)).map((e) => `${e.pid}:${e.tid}`),
  );
  const onThreads = (e: TraceEvent) => threads.has(`${e.pid}:${e.tid}`);
  const script = complete.filter((e) => scriptEvents.has(e.name) && onThreads(e)).sort((a, b) => a.ts - b.ts);
  const tasks = complete
    .filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && onThreads(e))
    .sort((a, b) => a.ts - b.ts);
  let scriptMs = 0;
  const openUntil = new Map<string, number>();
  const counted: TraceEvent[] = [];
  for (const e of script) {
    const key = `${e.pid}:${e.tid}`;
    if ((openUntil.get(key) ?? -1) > e.ts) continue; // nested in an event already counted
    openUntil.set(key, e.ts + (e.dur ?? 0));
    scriptMs += (e.dur ?? 0) / 1000;
    counted.push(e);
  }
  const gcMs = complete
    .filter((e) => (e.name === 'MinorGC' || e.name === 'MajorGC') && onThreads(e))
    .filter((gc) =>
      counted.some((e) => e.pid === gc.pid && e.tid === gc.tid && gc.ts >= e.ts && gc.ts < e.ts + (e.dur ?? 0)),
    )
    .reduce((total, e) => total + (e.dur ?? 0) / 1000, 0);
  let longestTaskMs = 0;
  let j = 0;
  for (const task of tasks) {
    while (j < script.length && script[j]!.ts < task.ts) j++;
    for (let k = j; k < script.length && script[k]!.ts < task.ts + (task.dur ?? 0); k++) {
      if (script[k]!.pid === task.pid && script[k]!.tid === task.tid) {
        longestTaskMs = Math.max(longestTaskMs, (task.dur ?? 0) / 1000);
        break;
      }
    }
  }
  const renderingMs = complete
    .filter((e) => (e.name === 'PrePaint' || e.name === 'Paint') && onThreads(e))
    .reduce((total, e) => total + (e.dur ?? 0) / 1000, 0);
  return { scriptMs, longestTaskMs, renderingMs, gcMs };
}

/**
 * Loads `url` in a new tab of `browser` while tracing, waits `settleMs` after the load event for the work to
 * finish (no polling), and returns the trace's events. `prepare` may set the tab up before the load (a script
 * to run at document start, for instance).
 */
export async function traceEvents(
  browser: Browser,
  url: string,
  settleMs = 2000,
  prepare?: (page: Page) => Promise<void>,
): Promise<TraceEvent[]> {
  const page = await browser.newPage();
  try {
    await prepare?.(page);
    const cdp = await page.createCDPSession();
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e: { value: TraceEvent[] }) => events.push(...e.value));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute',
      transferMode: 'ReportEvents',
    });
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** The cost of loading `url` (`traceEvents`), counted on the threads where script marked by `marker` ran. */
export async function traceLoad(
  browser: Browser,
  url: string,
  marker: string,
  settleMs = 2000,
  prepare?: (page: Page) => Promise<void>,
): Promise<TraceCost> {
  return costOf(await traceEvents(browser, url, settleMs, prepare), marker);
}

/** Whether the trace names a file whose address holds `name` (the full stage, fetched and run, say). */
export const traceNames = (events: TraceEvent[], name: string) =>
  events.some((e) => JSON.stringify(e.args ?? {}).includes(name));
