import { InsetText } from './nhs';
import { usePageTitle } from './page-title';

/** An area of the product whose pages are still being built: said plainly, with nothing faked. */
export function AreaPending({ title, purpose, coming }: { title: string; purpose: string; coming: string }) {
  usePageTitle(title);
  return (
    <>
      <h1 className="nhsuk-heading-l">{title}</h1>
      <p className="nhsuk-lede-text">{purpose}</p>
      <InsetText>
        <p>Not available yet: {coming}</p>
      </InsetText>
    </>
  );
}
