// Writes the schema SDL for codegen and for integrators' documentation.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { schema } from '../schema/schema.ts';

const target = path.resolve(import.meta.dirname, '../generated/schema.graphql');
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, printSchema(schema));
console.log(`Schema written to ${path.relative(process.cwd(), target)}`);
