/** Which documents the language server is started for. Pure: used by the client and by the unit tests. */

/** The languages the server checks. */
export const LANGUAGES: readonly string[] = ['nianbao', 'markdown', 'plaintext'];
/** The URI schemes it checks them in: saved files and new, unsaved documents. */
export const SCHEMES: readonly string[] = ['file', 'untitled'];

/** The client's document selector: every language in every scheme. */
export const DOCUMENT_SELECTOR: readonly { readonly language: string; readonly scheme: string }[] = LANGUAGES.flatMap((language) =>
  SCHEMES.map((scheme) => ({ language, scheme })),
);

/** Whether a document is one the server is told about. */
export function isSelected(doc: { readonly languageId: string; readonly uri: { readonly scheme: string } }): boolean {
  return LANGUAGES.includes(doc.languageId) && SCHEMES.includes(doc.uri.scheme);
}
