/**
 * Corrections on a quote, shared by every list: fix its speaker (pick one or type a name) and
 * delete it (with an undo). Failures (a full disk above all) are said in a toast.
 */
import { useState } from 'preact/hooks';
import { edits, errorText, findSpeakers, type QuotemarkDB, type QuoteView } from './data';
import { displayQuote } from './format';
import { SpeakerPicker, type SpeakerChoice } from './SpeakerPicker';
import { Dialog, FormActions } from './ui/Dialog';
import { useToast } from './ui/Toast';

export function FixSpeakerDialog({ db, quote, onClose, onChanged }: { db: QuotemarkDB; quote: QuoteView; onClose: () => void; onChanged?: () => void }) {
  const toast = useToast();
  const current = quote.speaker?.name ?? quote.speakerName ?? '';
  const [choice, setChoice] = useState<SpeakerChoice>({ name: current, id: quote.speakerId ?? undefined });
  const [error, setError] = useState<string | null>(null);
  async function save(unknown = false) {
    try {
      const name = choice.name.trim();
      if (!unknown && !name) {
        setError('Type a name, or choose “Speaker not identified”.');
        return;
      }
      const picked = unknown ? null : choice.id !== undefined ? { speakerId: choice.id } : { name };
      const view = await (await edits()).setQuoteSpeaker(db, quote.id, picked);
      onClose();
      onChanged?.();
      toast({ text: view ? `Speaker set to ${view.name}.` : 'Speaker cleared.' });
    } catch (e) {
      setError(errorText(e));
    }
  }
  return (
    <Dialog title="Fix speaker" onClose={onClose}>
      <form
        style={{ padding: 0 }}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p class="qm-dialog__quote">{displayQuote(quote.text)}</p>
        <SpeakerPicker find={(p) => findSpeakers(db, p)} value={choice} onChange={setChoice} label="Who said it" autoFocus />
        <FormActions
          error={error}
          onCancel={onClose}
          submit="Save"
          extra={
            <button type="button" class="qm-btn qm-btn--ghost" onClick={() => save(true)} style={{ marginRight: 'auto' }}>
              Speaker not identified
            </button>
          }
        />
      </form>
    </Dialog>
  );
}

/** The quote actions a list offers, and the dialog they may open (render `dialog`). */
export function useQuoteActions(db: QuotemarkDB, onChanged?: () => void): { onFixSpeaker: (q: QuoteView) => void; onDelete: (q: QuoteView) => Promise<void>; dialog: preact.JSX.Element | null } {
  const toast = useToast();
  const [fixing, setFixing] = useState<QuoteView | null>(null);
  async function onDelete(q: QuoteView) {
    try {
      const { deleteQuote, restoreQuotes } = await edits();
      const deleted = await deleteQuote(db, q.id);
      onChanged?.();
      toast({
        text: 'Quote deleted. It will not come back when you visit the page again.',
        action: {
          label: 'Undo',
          run: () => {
            restoreQuotes(db, deleted).then(
              () => {
                onChanged?.();
                toast({ text: 'Quote restored.' });
              },
              (e: unknown) => toast({ text: errorText(e), error: true }),
            );
          },
        },
      });
    } catch (e) {
      toast({ text: errorText(e), error: true });
    }
  }
  return {
    onFixSpeaker: setFixing,
    onDelete,
    dialog: fixing ? <FixSpeakerDialog db={db} quote={fixing} onClose={() => setFixing(null)} onChanged={onChanged} /> : null,
  };
}
