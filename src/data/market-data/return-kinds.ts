/** Return kinds of `ballast returns` (a module of its own: input schemas need only this). */
export const RETURN_KINDS = ['total', 'price', 'log', 'real', 'excess'] as const;
/** One of {@link RETURN_KINDS}. */
export type ReturnKind = (typeof RETURN_KINDS)[number];
