import { useState } from 'preact/hooks';
import { AlsoOn } from '../AlsoOn';
import type { QuotemarkDB, QuoteView } from '../data';
import { day, displayQuote, fullDate } from '../format';
import { quoteLink } from '../links';
import { Icon } from '../ui/Icon';
import { useToast } from '../ui/Toast';

/** A citation to paste: “text” — Speaker, Role (Site, date). URL */
export function citation(q: QuoteView): string {
  const who = q.speaker?.name ?? q.speakerName ?? 'Unidentified speaker';
  const src = [q.article?.siteName ?? q.site, day(q.date, Date.now())].join(', ');
  return `“${displayQuote(q.text)}” — ${who}${q.role ? `, ${q.role}` : ''} (${src}). ${quoteLink(q.url, q.text) ?? q.url}`;
}

/** Everything about one quote, with its corrections. */
export function QuoteDetail({ db, quote, onFilterSpeaker, onFixSpeaker, onDelete }: { db: QuotemarkDB; quote: QuoteView; onFilterSpeaker: (id: number, name: string) => void; onFixSpeaker: () => void; onDelete: () => void }) {
  const toast = useToast();
  const [copied, setCopied] = useState(false);
  const href = quoteLink(quote.url, quote.text);
  const who = quote.speaker?.name ?? quote.speakerName;
  return (
    <article class="qm-detail" aria-label="Selected quote" data-kind={quote.kind}>
      <blockquote class="qm-quote__text">
        <span class="qm-text">{displayQuote(quote.text)}</span>
      </blockquote>
      <p style={{ marginTop: '12px' }}>
        {quote.speaker ? (
          <button type="button" class="qm-speaker qm-group__name" onClick={() => onFilterSpeaker(quote.speaker!.id, quote.speaker!.name)} title="Only their quotes">
            {who}
          </button>
        ) : (
          <span class="qm-speaker">{who ?? 'Speaker not identified'}</span>
        )}
        {quote.role && <span class="qm-role">, {quote.role}</span>}
      </p>
      <dl class="qm-facts">
        <dt>Source</dt>
        <dd>
          {href ? (
            <a class="qm-source" href={href} target="_blank" rel="noopener noreferrer">
              {quote.article?.title || quote.site} <Icon name="external" />
            </a>
          ) : (
            quote.article?.title || quote.site
          )}
          <div class="qm-hint">{quote.article?.siteName ?? quote.site}</div>
        </dd>
        <dt>Date</dt>
        <dd>
          <time dateTime={new Date(quote.date).toISOString()} title={fullDate(quote.date)}>
            {day(quote.date, Date.now())}
          </time>
        </dd>
        <dt>Collected</dt>
        <dd>
          {fullDate(quote.seen)}
          {quote.origin === 'manual' ? ' · saved by you' : ''}
        </dd>
        {quote.cue && (
          <>
            <dt>Attribution</dt>
            <dd>{quote.cue}</dd>
          </>
        )}
        <dt>Kind</dt>
        <dd>{quote.kind === 'partial' ? 'Partial quote (a fragment in the reporter’s sentence)' : quote.kind === 'block' ? 'Block quote' : 'Direct quote'}</dd>
      </dl>
      {quote.group && <AlsoOn db={db} group={quote.group} />}
      <div class="qm-speaker-head__actions" style={{ marginTop: '16px' }}>
        <button
          type="button"
          class="qm-btn qm-btn--small"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(citation(quote));
              setCopied(true);
              toast({ text: 'Citation copied.' });
            } catch {
              toast({ text: 'Could not copy: the browser refused access to the clipboard.', error: true });
            }
          }}
        >
          <Icon name={copied ? 'check' : 'copy'} /> Copy citation
        </button>
        <button type="button" class="qm-btn qm-btn--small" onClick={onFixSpeaker}>
          <Icon name="edit" /> Fix speaker
        </button>
        <button type="button" class="qm-btn qm-btn--small qm-btn--danger" onClick={onDelete}>
          <Icon name="trash" /> Delete
        </button>
      </div>
    </article>
  );
}
