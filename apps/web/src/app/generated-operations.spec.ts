/**
 * @jest-environment node
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const workspaceRoot = path.resolve(__dirname, '../../../..');

describe('typed GraphQL operations', () => {
  it('are what codegen makes from the committed schema and the current operations (`npm run codegen` rewrites them)', () => {
    const codegen = path.join(workspaceRoot, 'node_modules/.bin/graphql-codegen');
    const result = spawnSync(codegen, ['--config', 'apps/web/codegen.ts', '--check'], { cwd: workspaceRoot, encoding: 'utf8' });
    expect({ status: result.status, output: result.status === 0 ? '' : `${result.stdout}${result.stderr}` }).toEqual({ status: 0, output: '' });
  }, 60_000);
});
