import { organisationName } from './organisation-name';

describe('organisationName', () => {
  it('writes an ODS name in capitals as the NHS writes it, keeping NHS, CCG, CSU and STP', () => {
    expect(organisationName('NHS LEEDS NORTH CCG')).toBe('NHS Leeds North CCG');
    expect(organisationName('THE LEEDS TEACHING HOSPITALS NHS TRUST')).toBe('The Leeds Teaching Hospitals NHS Trust');
    expect(organisationName('NORTH OF ENGLAND COMMISSIONING SUPPORT UNIT')).toBe('North of England Commissioning Support Unit');
  });

  it('keeps a name already in mixed case as it is', () => {
    expect(organisationName('Leeds and York Partnership NHS Foundation Trust')).toBe('Leeds and York Partnership NHS Foundation Trust');
  });
});
