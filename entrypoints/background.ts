import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage } from '../lib/background/handle';
import { gateCapture } from '../lib/background/settings-gate'; // UI (issue 6)
import { registerContextMenu } from '../lib/contextmenu'; // UI (issue 6)
import { getDb } from '../lib/store/db';

export default defineBackground(() => {
  registerContextMenu();
  browser.runtime.onMessage.addListener(async (message: unknown, sender) => (await gateCapture(message)) ?? handleMessage(getDb(), message, { id: sender.id }, browser.runtime.id, Date.now()));
});
