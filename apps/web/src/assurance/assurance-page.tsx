import { AreaPending } from '../ui/area-pending';

export function AssurancePage() {
  return (
    <AreaPending
      title="Assurance"
      purpose="CCG assurance: ratings by domain, the overall category, and special measures for the weakest."
      coming="assessments, ratings and special measures are being built."
    />
  );
}
