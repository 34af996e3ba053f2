import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage } from '../lib/background/handle';
import { loadSettings } from '../lib/settings'; // issue 8: private windows
import { decideRead, gateCapture } from '../lib/background/settings-gate'; // UI (issue 6)
import { registerContextMenu } from '../lib/contextmenu'; // UI (issue 6)
import { noteSaveResult } from '../lib/save-status'; // UI (issue 6)
import { getDb } from '../lib/store/db';

export default defineBackground(() => {
  registerContextMenu();
  browser.runtime.onMessage.addListener(async (message: unknown, sender) => {
    const refused = await gateCapture(message);
    if (refused) return refused;
    const decision = await decideRead(message);
    const incognito = sender.tab?.incognito === true; // issue 8: private windows only when the user turned it on
    const reply = await handleMessage(getDb(), message, { id: sender.id, incognito }, browser.runtime.id, Date.now(), decision, incognito && (await loadSettings()).privateWindows);
    const type = (message as { type?: unknown } | null)?.type;
    if (type === 'page/captured' || type === 'page/read') void noteSaveResult(reply); // UI (issue 6): the popup says when saving fails
    return reply;
  });
});
