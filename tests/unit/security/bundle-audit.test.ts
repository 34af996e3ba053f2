/** The bundle reader used by tests/e2e/build-audit.test.ts finds what it must and nothing else. */
import { describe, expect, it } from 'vitest';
import { auditBundle } from '../../../scripts/support/bundle-audit';

const whats = (code: string) => auditBundle(code).map((f) => `${f.kind} ${f.what}`);

describe('auditBundle', () => {
  it('finds every way to the network', () => {
    expect(whats('fetch("https://x.example/a")')).toEqual(['network fetch']);
    expect(whats('window.fetch(u); self.fetch(u); globalThis.fetch(u)')).toEqual(['network window.fetch', 'network self.fetch', 'network globalThis.fetch']);
    expect(whats('const x = new XMLHttpRequest(); x.open("GET", u)')).toEqual(['network new XMLHttpRequest']);
    expect(whats('navigator.sendBeacon(u, d)')).toEqual(['network .sendBeacon']);
    expect(whats('new WebSocket(u); new EventSource(u); new RTCPeerConnection()')).toEqual(['network new WebSocket', 'network new EventSource', 'network new RTCPeerConnection']);
    expect(whats('importScripts(u); navigator.serviceWorker.register(u)')).toEqual(['network importScripts', 'network .serviceWorker']);
    expect(whats('chrome.runtime.connectNative("host")')).toEqual(['network .connectNative']);
    expect(whats('const f = fetch; f(u)')).toEqual(['network fetch']);
  });

  it('finds code made from strings', () => {
    expect(whats('eval(s)')).toEqual(['code-from-string eval']);
    expect(whats('(0, eval)(s)')).toEqual(['code-from-string eval']);
    expect(whats('new Function("a", s)')).toEqual(['code-from-string new Function']);
    expect(whats('Function(s)()')).toEqual(['code-from-string Function()']);
    expect(whats('setTimeout("run()", 10)')).toEqual(['code-from-string setTimeout(string)']);
    expect(whats('import(url)')).toEqual(['code-from-string import(expression)']);
  });

  it('finds HTML written from strings', () => {
    expect(whats('el.innerHTML = s; el.outerHTML = s')).toEqual(['html-from-string .innerHTML =', 'html-from-string .outerHTML =']);
    expect(whats('el.insertAdjacentHTML("beforeend", s); document.write(s)')).toEqual(['html-from-string .insertAdjacentHTML()', 'html-from-string .write()']);
  });

  it('leaves alone what only looks like them', () => {
    expect(whats('const pager = { async fetch(a, b) { return a } }; pager.fetch(1, 2)')).toEqual([]);
    expect(whats('function f(fetch) { return fetch(1) }')).toEqual([]);
    expect(whats('const has = Function.call.bind(Object.prototype.hasOwnProperty)')).toEqual([]);
    expect(whats('throw new Error("see https://example.com/help")')).toEqual([]);
    expect(whats('import("./chunk.js"); setTimeout(() => run(), 10)')).toEqual([]);
    expect(whats('const html = el.innerHTML; el.textContent = s')).toEqual([]);
    expect(whats('const o = { eval: 1, fetch: 2 }; o.eval')).toEqual([]);
  });
});
