/** The address the user sees: a frame follows the site it is shown on (where the browser tells us). */
export const siteUrl = () => location.ancestorOrigins?.[location.ancestorOrigins.length - 1] ?? location.href;
