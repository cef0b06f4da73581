/** The most records one batch may hold (API.md), and the most ids one retraction names; more is refused before anything is written. */
export const MAX_BATCH = 1000;
