import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** 130 real-world pages of another project, read in place (never copied into this repository). */
export const realPagesDir = resolve('../shared/pages/readability');

/**
 * Every `step`th of the real pages, as the bench loads them: without their scripts (every script task on the
 * page's thread is then the extension's) and without their remote files (the machine has no network, and a
 * load must not wait on one). Null where the folder is absent.
 */
export function realPagesSample(step = 6): { name: string; html: string }[] | null {
  if (!existsSync(realPagesDir)) return null;
  return readdirSync(realPagesDir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .filter((_, i) => i % step === 0)
    .map((name) => ({ name, html: offline(readFileSync(resolve(realPagesDir, name), 'utf8')) }));
}

const offline = (html: string) =>
  html
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/\s(?:src|srcset|href|data-src|poster)\s*=\s*(["'])(?:https?:)?\/\/[^"']*\1/gi, '');
