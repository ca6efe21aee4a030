// Message templates: `{{group.name}}` placeholders filled from what a message is about
// (a ticket, an appointment, a quote), in the customer's language.
import type { Locale } from '../generated/prisma/client.ts';

export interface TemplateVariable {
  name: string;
  labelFr: string;
  labelEn: string;
}

/** Every variable a template may use, as the editor offers them. */
export const templateVariables: readonly TemplateVariable[] = [
  { name: 'customer.name', labelFr: 'Nom du client', labelEn: 'Customer name' },
  { name: 'site.address', labelFr: 'Adresse d’intervention', labelEn: 'Site address' },
  { name: 'appointment.date', labelFr: 'Date du rendez-vous', labelEn: 'Appointment date' },
  { name: 'appointment.time', labelFr: 'Horaire du rendez-vous', labelEn: 'Appointment time' },
  { name: 'appointment.service', labelFr: 'Prestation', labelEn: 'Service' },
  { name: 'technician.name', labelFr: 'Technicien', labelEn: 'Technician' },
  { name: 'ticket.number', labelFr: 'Numéro de demande', labelEn: 'Request number' },
  { name: 'ticket.subject', labelFr: 'Objet de la demande', labelEn: 'Request subject' },
  { name: 'quote.number', labelFr: 'Numéro de devis', labelEn: 'Quote number' },
  { name: 'quote.totalIncludingTax', labelFr: 'Montant TTC du devis', labelEn: 'Quote total incl. VAT' },
  { name: 'quote.validUntil', labelFr: 'Validité du devis', labelEn: 'Quote valid until' },
  { name: 'portal.link', labelFr: 'Lien de l’espace client', labelEn: 'Customer area link' },
  { name: 'user.name', labelFr: 'Votre nom', labelEn: 'Your name' },
  { name: 'company.name', labelFr: 'Nom de l’entreprise', labelEn: 'Company name' },
  { name: 'company.phone', labelFr: 'Téléphone de l’entreprise', labelEn: 'Company phone' },
];

const knownNames: ReadonlySet<string> = new Set(templateVariables.map((variable) => variable.name));
const placeholderPattern = /\{\{\s*([A-Za-z]+\.[A-Za-z]+)\s*\}\}/g;

export type TemplateValues = Partial<Record<string, string>>;

export interface RenderedTemplate {
  subject: string | null;
  body: string;
  /** Variables the template uses that had no value here: left as written, for the sender to fill in. */
  missing: string[];
}

function placeholdersIn(text: string): string[] {
  return [...text.matchAll(placeholderPattern)].map((match) => match[1]!);
}

/** The placeholders of a template text that are not variables (a typo, a removed field). */
export function unknownTemplateVariables(text: string): string[] {
  return [...new Set(placeholdersIn(text).filter((name) => !knownNames.has(name)))];
}

export function renderTemplate(template: { subject: string | null; body: string }, values: TemplateValues): RenderedTemplate {
  const missing = new Set<string>();
  const fill = (text: string) =>
    text.replace(placeholderPattern, (placeholder, name: string) => {
      const value = values[name];
      if (value === undefined || value === '') {
        missing.add(name);
        return placeholder;
      }
      return value;
    });
  return { subject: template.subject === null ? null : fill(template.subject), body: fill(template.body), missing: [...missing] };
}

const euros: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};

export function formatEuros(cents: number, locale: Locale): string {
  return euros[locale].format(cents / 100);
}
