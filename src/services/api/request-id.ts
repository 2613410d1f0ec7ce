/**
 * A new id for one act (a submit, an approval, a prompt's answers): the server does an act once
 * per id, so a retry after a lost reply, or a double tap, is never done twice. 8–64 characters.
 */
export const newRequestId = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
