/** Filled in by the mechanism's work (issue 5). */
export {};
