/**
 * WXT's content-script context announces every start to the page: a `postMessage` and a
 * CustomEvent on `document`, both named after the extension's id. Any page sees them (and learns
 * the id), and a page that forges that CustomEvent makes the context think a newer copy of the
 * script started, which invalidates ours: a hostile page could switch Quotemark off on itself.
 * Its location watcher dispatches `wxt:locationchange` on `window`, which pages see and forge too.
 *
 * `QuietContentScriptContext` (lib/page/quiet-context-class.ts) is WXT's context without the
 * announcement and without listening for one; wxt.config.ts gives it to WXT's content-script entry
 * in place of the original. `watchLocation` follows address changes without dispatching anything
 * into the page. What the announcement was for, stopping an orphaned copy after the extension is
 * updated, still happens: `ctx.isInvalid` notices that `browser.runtime.id` is gone, and the
 * content script checks it before every message.
 */

/** The Navigation API's target, as far as it is used here. */
interface NavigationLike {
  addEventListener(type: string, listener: () => void, options?: { signal?: AbortSignal }): void;
}

export interface LocationDeps {
  /** The page's address now. */
  href(): string;
  /** `window.navigation` when the browser has the Navigation API. */
  navigation?: NavigationLike | null;
  setTimeout(handler: () => void, ms: number): unknown;
  setInterval(handler: () => void, ms: number): unknown;
  signal: AbortSignal;
}

/**
 * Call `onChange` with the new address whenever the page's address changes without a reload.
 * With the Navigation API, each `navigate` event only prompts a look at `location.href` once the
 * navigation is done (a page can dispatch a `navigate` event of its own; it learns nothing and
 * changes nothing); without it, the address is polled once a second. Never throws into the page.
 */
export function watchLocation(onChange: (url: string) => void, deps: LocationDeps): void {
  let last = deps.href();
  const check = () => {
    try {
      if (deps.signal.aborted) return;
      const now = deps.href();
      if (now === last) return;
      last = now;
      onChange(now);
    } catch {
      // never let an error reach the page
    }
  };
  const nav = deps.navigation;
  if (nav && typeof nav.addEventListener === 'function') {
    // `navigate` fires before the address changes: look once the navigation has been applied
    nav.addEventListener('navigate', () => void deps.setTimeout(check, 0), { signal: deps.signal });
    nav.addEventListener('navigatesuccess', check, { signal: deps.signal });
  } else {
    deps.setInterval(check, 1_000);
  }
}
