/** The department key for "the grid's own staff" (属地): a ticket no department takes is handled by its grid. */
export const TERRITORIAL = "territorial";
