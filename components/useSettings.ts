import { useEffect, useState } from 'preact/hooks';
import { loadSettings, watchSettings, updateSettings, type Settings } from '../lib/settings';

/** The user's settings, following changes made anywhere; `update` saves a change. */
export function useSettings(): { settings: Settings | null; update: (change: (s: Settings) => Settings) => Promise<Settings> } {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let alive = true;
    loadSettings().then((s) => alive && setSettings(s));
    const stop = watchSettings((s) => alive && setSettings(s));
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return {
    settings,
    update: async (change) => {
      const next = await updateSettings(change);
      setSettings(next);
      return next;
    },
  };
}
