/** The dashboard's session cookie: its own name, and eight hours from sign-in. */
export const ADMIN_COOKIE = 'faq_admin';
export const ADMIN_SESSION_HOURS = 8;
