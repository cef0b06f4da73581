import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { buildBareSchema } from './schema';

export const SCHEMA_FILE = path.resolve(__dirname, '../../schema/schema.graphql');

export async function renderSchema(): Promise<string> {
  return `${printSchema(await buildBareSchema())}\n`;
}

if (require.main === module) {
  void renderSchema().then((sdl) => {
    writeFileSync(SCHEMA_FILE, sdl);
    console.log(`wrote ${SCHEMA_FILE}`);
  });
}
