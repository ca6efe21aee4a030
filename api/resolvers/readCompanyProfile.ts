import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';

const companyProfile = z.object({
  name: z.string(),
  legalForm: z.string().nullish(),
  siret: z.string().nullish(),
  vatNumber: z.string().nullish(),
  phone: z.string().nullish(),
  email: z.string().nullish(),
  address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }).nullish(),
});

export type CompanyProfile = z.output<typeof companyProfile>;

/** The company's identity and contact details (the manager's "company" setting), or null before it is set. */
export async function readCompanyProfile(prisma: PrismaClient): Promise<CompanyProfile | null> {
  const setting = await prisma.setting.findUnique({ where: { key: 'company' }, select: { value: true } });
  const parsed = companyProfile.safeParse(setting?.value);
  return parsed.success ? parsed.data : null;
}
