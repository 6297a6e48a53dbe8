/** How long a session lasts (8 hours, a working day), shared by Auth.js and local sign-in. */
export const SESSION_MAX_AGE = 8 * 60 * 60;
