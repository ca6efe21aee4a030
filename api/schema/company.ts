import { readCompanyProfile, type CompanyProfile } from '../resolvers/readCompanyProfile.ts';
import { builder } from './builder.ts';

type CompanyAddress = NonNullable<CompanyProfile['address']>;

const CompanyAddressType = builder.objectRef<CompanyAddress>('CompanyAddress').implement({
  authScopes: { public: true },
  fields: (t) => ({
    street: t.exposeString('street'),
    postalCode: t.exposeString('postalCode'),
    city: t.exposeString('city'),
  }),
});

const CompanyType = builder.objectRef<CompanyProfile>('Company').implement({
  description: 'The contractor running this Relais: what customers see on quotes, e-mails and the portal.',
  authScopes: { public: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    legalForm: t.exposeString('legalForm', { nullable: true }),
    siret: t.exposeString('siret', { nullable: true }),
    vatNumber: t.exposeString('vatNumber', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true, description: 'E.164.' }),
    email: t.exposeString('email', { nullable: true }),
    address: t.field({ type: CompanyAddressType, nullable: true, resolve: (company) => company.address ?? null }),
  }),
});

builder.queryField('company', (t) =>
  t.field({
    type: CompanyType,
    nullable: true,
    description: 'Public identity and contact details of the company (null until a manager sets them).',
    authScopes: { public: true },
    resolve: (_root, _args, context) => readCompanyProfile(context.prisma),
  }),
);
