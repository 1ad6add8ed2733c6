/** Escapes text for use inside a regular expression (valid with and without the `u` flag). */
export const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
