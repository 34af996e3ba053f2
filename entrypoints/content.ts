import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { capturePage } from '../lib/capture';
import { attachPageUi } from '../lib/highlight'; // UI hook (issue 6)
import type { Request } from '../lib/messaging';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    try {
      const result = capturePage(document, location.href);
      if (!result) return;
      const message: Request = { type: 'page/captured', capture: result.capture };
      browser.runtime.sendMessage(message).catch(() => {
        /* the background may be restarting; the next visit saves again */
      });
      // UI hook (issue 6): the popup's requests about this page, and optional highlights (lib/highlight/)
      attachPageUi(ctx, result);
    } catch {
      // never let an error reach the page
    }
  },
});
