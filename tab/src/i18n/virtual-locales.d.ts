// The build's locale plugin (tab/locale-plugin.mts) serves each catalog as a module.
declare module 'virtual:rapport-locale/*' {
  import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
  const catalog: Record<string, MessageFormatElement[]>;
  export default catalog;
}
