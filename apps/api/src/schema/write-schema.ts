// Writes apps/api/schema.graphql from the code. Run after changing the schema: npm run schema:write
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printAppSchema } from './build-schema';

void printAppSchema().then((sdl) => {
  const file = path.resolve(__dirname, '../../schema.graphql');
  writeFileSync(file, sdl);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
});
