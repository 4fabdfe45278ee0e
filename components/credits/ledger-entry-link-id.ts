/** The DOM id of an entry's link in the ledger table: a drawer opened from it gives focus back there. */
export const ledgerEntryLinkId = (entryId: string) => `entry-link-${entryId}`;
