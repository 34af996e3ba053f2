import type { ComponentChildren } from 'preact';
import { day, displayQuote, fullDate } from './format';
import { quoteLink } from './links';
import { Icon } from './ui/Icon';

export { displayQuote } from './format';

/** What a quote row shows; text from pages is only ever rendered as text. */
export interface QuoteLike {
  id?: number;
  text: string;
  kind: string;
  speakerId: number | null;
  speakerName: string | null;
  speaker?: { name: string } | null;
  /** The attribution words as written ("Okafor said"). */
  cue?: string | null;
  site: string;
  url: string;
  date: number;
}

export interface QuoteItemProps {
  quote: QuoteLike;
  /** Show who said it (lists that are not already one speaker's). */
  showSpeaker?: boolean;
  /** Show the site as a link that opens the article at the quote. */
  showSource?: boolean;
  showDate?: boolean;
  /** Show the attribution words as the article wrote them (This page: check who said it at a glance). */
  showCue?: boolean;
  now?: number;
  /** Clicking the text shows the quote on the page (This page). */
  onShow?: () => void;
  onOpenSpeaker?: (id: number, name: string) => void;
  onFixSpeaker?: () => void;
  onDelete?: () => void;
  /** Parts of the text to mark (search terms), as [start, end) offsets into the displayed text. */
  marks?: [number, number][];
  children?: ComponentChildren;
}

export function Marked({ text, marks }: { text: string; marks?: [number, number][] }) {
  if (!marks?.length) return <>{text}</>;
  const out: ComponentChildren[] = [];
  let at = 0;
  for (const [s, e] of marks) {
    if (s < at || e <= s) continue;
    if (s > at) out.push(text.slice(at, s));
    out.push(<mark key={s}>{text.slice(s, e)}</mark>);
    at = e;
  }
  out.push(text.slice(at));
  return <>{out}</>;
}

export function QuoteItem({ quote, showSpeaker = false, showSource = false, showDate = false, showCue = false, now = Date.now(), onShow, onOpenSpeaker, onFixSpeaker, onDelete, marks, children }: QuoteItemProps) {
  const text = displayQuote(quote.text);
  const href = quoteLink(quote.url, quote.text);
  const body = (
    <span class="qm-text">
      <Marked text={text} marks={marks} />
    </span>
  );
  const who = quote.speaker?.name ?? quote.speakerName ?? 'Speaker not identified';
  return (
    <li class="qm-quote" data-kind={quote.kind}>
      {onShow ? (
        <button type="button" class="qm-quote__text" onClick={onShow} title="Show this quote on the page">
          {body}
        </button>
      ) : (
        <blockquote class="qm-quote__text">{body}</blockquote>
      )}
      <div class="qm-meta">
        {showSpeaker &&
          (quote.speakerId != null && onOpenSpeaker ? (
            <button type="button" class="qm-speaker qm-link-btn" onClick={() => onOpenSpeaker(quote.speakerId!, who)}>
              {who}
            </button>
          ) : (
            <span class="qm-speaker">{who}</span>
          ))}
        {showCue && quote.cue && <span class="qm-cue">{quote.cue}</span>}
        {quote.kind === 'partial' && (
          <span class="qm-kind" title="A fragment built into the reporter’s sentence">
            partial
          </span>
        )}
        {quote.kind === 'block' && <span class="qm-kind">block quote</span>}
        {showSource &&
          (href ? (
            <a class="qm-source" href={href} target="_blank" rel="noopener noreferrer" title="Open the article at this quote">
              {quote.site}
            </a>
          ) : (
            <span class="qm-source">{quote.site}</span>
          ))}
        {showDate && (
          <time dateTime={new Date(quote.date).toISOString()} title={fullDate(quote.date)}>
            {day(quote.date, now)}
          </time>
        )}
        {(onFixSpeaker || onDelete) && (
          <span class="qm-quote__actions">
            {onFixSpeaker && (
              <button type="button" class="qm-icon-btn qm-icon-btn--small" aria-label={`Fix speaker of “${text.slice(0, 40)}”`} title="Fix speaker" onClick={onFixSpeaker}>
                <Icon name="edit" />
              </button>
            )}
            {onDelete && (
              <button type="button" class="qm-icon-btn qm-icon-btn--small" aria-label={`Delete quote “${text.slice(0, 40)}”`} title="Not a quote: delete" onClick={onDelete}>
                <Icon name="trash" />
              </button>
            )}
          </span>
        )}
      </div>
      {children}
    </li>
  );
}
