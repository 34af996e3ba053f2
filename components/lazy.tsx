import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Loading } from './ui/Empty';

/**
 * A view whose code loads when first shown (or earlier with `.preload()`), so the popup's first
 * view does not wait for code it does not need.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>, what: string): ComponentType<P> & { preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<unknown> | null = null;
  const preload = () =>
    (pending ??= load().then((c) => {
      loaded = c;
    }));
  function Lazy(props: P) {
    const [, setReady] = useState(!!loaded);
    useEffect(() => {
      if (!loaded) void preload().then(() => setReady(true));
    }, []);
    const C = loaded;
    return C ? <C {...props} /> : <Loading what={what} />;
  }
  return Object.assign(Lazy, { preload });
}
