// Reference formatting lives with the card text it is part of (src/glossary/card-text.ts); kept here for the
// components that import it from the UI folder.
export { referenceLinkLabel, shortAuthors } from '../glossary/index.ts';
