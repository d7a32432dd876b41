/**
 * Values used as field names (object ids, tags people type): a "." or a leading "$" would be
 * read as a path or an operator, so both are escaped, and the whole value is URI-encoded so that
 * decoding is exact.
 */
export const asFieldName = (value: string) =>
  encodeURIComponent(value).replace(/\./g, '%2E').replace(/^\$/, '%24');

export const fromFieldName = (field: string) => decodeURIComponent(field);
