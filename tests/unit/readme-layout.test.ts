import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const layout = readme.slice(readme.indexOf('## Layout')).split('```')[1] ?? '';
const foldersIn = (dir: string) =>
  readdirSync(new URL(`../../${dir}`, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name);

describe("the README's layout section", () => {
  it('names every folder of the project and of src/, and no folder that is not there', () => {
    const listedTop = [...layout.matchAll(/^([a-z]+)\/ /gm)].map((m) => m[1]);
    const listedSrc = [...layout.matchAll(/^ {2}([a-z]+)\/ /gm)].map((m) => m[1]);
    const top = foldersIn('.').filter((name) => !['node_modules', 'coverage'].includes(name));
    expect(listedTop.sort()).toEqual(top.sort());
    expect(listedSrc.sort()).toEqual(foldersIn('src').sort());
  });
});
