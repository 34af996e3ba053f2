import type { QuoteView } from '../lib/store/queries';
import { quoteLink } from './links';

/** The quote as shown: the exact text, less the comma that led into the cue ("…,\" she said"). */
export function displayQuote(text: string): string {
  return text.trim().replace(/,$/, '');
}

export function QuoteItem({ quote, showSpeaker, showSource }: { quote: QuoteView; showSpeaker: boolean; showSource: boolean }) {
  const href = quoteLink(quote.url, quote.text);
  return (
    <li class="qm-quote" data-kind={quote.kind}>
      <blockquote>
        <span class="qm-text">{displayQuote(quote.text)}</span>
        {quote.kind === 'partial' && <span class="qm-kind"> (partial)</span>}
      </blockquote>
      <div class="qm-meta">
        {showSpeaker && <span class="qm-speaker">{quote.speakerName ?? 'Unknown speaker'}</span>}
        {showSource && (
          <a class="qm-source" href={href} target="_blank" rel="noopener noreferrer">
            {quote.site}
          </a>
        )}
      </div>
    </li>
  );
}
