import DataLoader from 'dataloader';
import type { IndicatorView, IndicatorsService } from './indicators.service';

export function createIndicatorLoaders(service: IndicatorsService) {
  return {
    indicator: new DataLoader<string, IndicatorView | null>(async (codes) => {
      const rows = await service.byCodes(codes);
      const byCode = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
  };
}
