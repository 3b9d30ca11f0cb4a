/** Built by src/web/attendee/vite-plugin.ts from the shared locale catalogs. */
declare module 'virtual:attendee-locale/*' {
  const messages: Record<string, unknown>;
  export default messages;
}
