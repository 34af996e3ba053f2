import { createContext } from 'preact';
import type { ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';

export interface ToastMessage {
  text: string;
  error?: boolean;
  action?: { label: string; run: () => void };
}

const Ctx = createContext<(m: ToastMessage) => void>(() => {});

/** Say what just happened ("Quote deleted. Undo"), in a polite live region; errors stay until dismissed. */
export function useToast(): (m: ToastMessage) => void {
  return useContext(Ctx);
}

export function ToastHost({ children }: { children: ComponentChildren }) {
  const [msg, setMsg] = useState<ToastMessage | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const show = useCallback((m: ToastMessage) => {
    clearTimeout(timer.current);
    setMsg(m);
    if (!m.error) timer.current = setTimeout(() => setMsg(null), m.action ? 8000 : 4000);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <Ctx.Provider value={show}>
      {children}
      <div aria-live={msg?.error ? 'assertive' : 'polite'} class="qm-sr-host">
        {msg && (
          <div class={`qm-toast${msg.error ? ' qm-toast--error' : ''}`} role={msg.error ? 'alert' : 'status'}>
            <span>{msg.text}</span>
            {msg.action && (
              <button
                type="button"
                class="qm-btn qm-btn--small"
                onClick={() => {
                  msg.action!.run();
                  setMsg(null);
                }}
              >
                {msg.action.label}
              </button>
            )}
            <button type="button" class="qm-icon-btn qm-icon-btn--small" aria-label="Dismiss" onClick={() => setMsg(null)} style={{ color: 'inherit' }}>
              ×
            </button>
          </div>
        )}
      </div>
    </Ctx.Provider>
  );
}
