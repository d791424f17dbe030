import { InsetText } from '../ui/nhs';

interface NoticeIndicator {
  name: string;
  source: string;
  definedByImport: boolean;
}

/**
 * Says what the figures shown are (decision 0031): real, as published, for the indicators a national return defines
 * (the A&E indicators); as an analyst loaded them, with their sources, for indicators an administrator defined, which
 * this product cannot vouch for. "Nothing … is illustrative" only when every indicator shown is from a national return.
 */
export function FiguresNotice({ indicators, where }: { indicators: readonly NoticeIndicator[]; where: 'on this page' | 'here' }) {
  const published = indicators.filter((indicator) => indicator.definedByImport);
  const loaded = indicators.filter((indicator) => !indicator.definedByImport);
  const sources = (list: readonly NoticeIndicator[]) => [...new Set(list.map((indicator) => indicator.source))].join('; ');
  return (
    <InsetText>
      {published.length > 0 && (
        <p>
          {loaded.length === 0 ? 'These are real figures' : `${published.map((indicator) => indicator.name).join(', ')}: real figures`}, as published: {sources(published)}.
          {loaded.length === 0 && ` Nothing ${where} is illustrative.`}
        </p>
      )}
      {loaded.length > 0 && (
        <p>
          {loaded.map((indicator) => indicator.name).join(', ')}: defined in this product, with values an analyst imported; their source as recorded: {sources(loaded)}. This product
          cannot say whether they are as published.
        </p>
      )}
    </InsetText>
  );
}
