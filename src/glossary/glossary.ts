import compiled from './generated/glossary.json';
import type { Glossary, Reference, Term } from './types.ts';

/** The compiled glossary (written by `npm run glossary` from glossary/). */
export const glossary: Glossary = compiled as unknown as Glossary;

const termsById = new Map(glossary.terms.map((term) => [term.id, term]));
const referencesByNumber = new Map(glossary.references.map((ref) => [ref.number, ref]));

export const termById = (id: string): Term | undefined => termsById.get(id);
export const referenceByNumber = (n: number): Reference | undefined => referencesByNumber.get(n);
