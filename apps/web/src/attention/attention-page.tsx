import { usePageTitle } from '../ui/page-title';
import { AttentionView } from './attention-view';

/** `/attention`: what needs attention, for everyone (scores are public; links only for those who may read them). */
export function AttentionPage() {
  usePageTitle('What needs attention');
  return <AttentionView />;
}
