import { AreaPending } from '../ui/area-pending';

export function FinancePage() {
  return (
    <AreaPending
      title="Finance"
      purpose="CCG financial plans checked against each year's planning rules: surplus, contingency, non-recurrent fund, Better Care Fund and running costs, with the QIPP saving each plan implies."
      coming="the plan editor, compliance check and plan history are being built."
    />
  );
}
