// The baseline: a bare graphql-yoga server answering `{ __typename }`, started the same
// way as Relais (Node + tsx), so ratios show what Relais itself adds.
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

const yoga = createYoga({ schema: createSchema({ typeDefs: 'type Query { ok: Boolean }' }), logging: false });
createServer(yoga).listen(Number(process.env.PORT), () => console.log('ready'));
