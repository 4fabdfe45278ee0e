/** The columns of a key anyone may see again after it was created (never its hash). */
export const API_KEY_VIEW = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;
