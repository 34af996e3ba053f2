import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage } from '../lib/background/handle';
import { getDb } from '../lib/store/db';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => handleMessage(getDb(), message, { id: sender.id }, browser.runtime.id, Date.now()));
});
