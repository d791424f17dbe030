import { todayInEngland } from '@ccg-assure/domain';
import DataLoader from 'dataloader';
import type { RequestContext } from '../server/request-context';
import type { Board, EscalationAction, EscalationEvent } from './escalation.type';

/** The escalation area's DataLoaders: boards, histories and actions, batched across the items of one answer. */
interface EscalationLoaders {
  board: DataLoader<string, Board | null>;
  history: DataLoader<string, EscalationEvent[]>;
  actions: DataLoader<string, EscalationAction[]>;
}

// One set per request (keyed by its context, so nothing is cached across users or requests).
const loadersOfRequest = new WeakMap<RequestContext, EscalationLoaders>();

export function escalationLoaders(context: RequestContext): EscalationLoaders {
  let loaders = loadersOfRequest.get(context);
  if (!loaders) {
    const service = context.services.escalation;
    const today = todayInEngland(new Date());
    loaders = {
      board: new DataLoader((ids) => service.boardsByIds(context.viewer, ids)),
      history: new DataLoader((ids) => service.historiesOf(ids)),
      actions: new DataLoader((ids) => service.actionsOf(ids, today)),
    };
    loadersOfRequest.set(context, loaders);
  }
  return loaders;
}
