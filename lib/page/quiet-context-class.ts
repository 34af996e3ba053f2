/**
 * WXT's content-script context, quiet: it neither announces itself to the page nor obeys an
 * announcement the page can forge (see lib/page/quiet-context.ts for why). wxt.config.ts resolves
 * WXT's own `wxt/utils/content-script-context` to this module in the content script's entry; this
 * module imports the original. Browser-only: WXT's module reads `import.meta.env` when loaded.
 */
import { ContentScriptContext as WxtContentScriptContext } from 'wxt/utils/content-script-context';

export class ContentScriptContext extends WxtContentScriptContext {
  override stopOldScripts(): void {
    // nothing is dispatched into the page
  }

  override listenForNewerScripts(): void {
    // nothing the page dispatches invalidates this context
  }
}
