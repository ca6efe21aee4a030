// Assembles the schema: each aggregate file registers its types on the builder.
import { builder } from './builder.ts';
import './scalars.ts';
import './errors.ts';
import './user.ts';
import './apiToken.ts';
import './customer.ts';
import './appointment.ts';
import './ticket.ts';
import './customerRequest.ts';
import './call.ts';
import './email.ts';
import './template.ts';
import './billing.ts';
import './overview.ts';
import './company.ts';
import './booking.ts';
import './intervention.ts';
import './onSiteQuote.ts';

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

export const schema = builder.toSchema({ sortSchema: true });
