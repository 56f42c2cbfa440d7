/** Text made safe inside HTML (element content and quoted attributes): every character that could open markup is a reference. */
export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
