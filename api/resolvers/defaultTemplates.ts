// The message templates Relais ships with, in French and English. They are installed
// once (installDefaultTemplates.ts) and then belong to the office, who may edit them;
// automations find them by key, channel and the customer's language.
import type { Locale, TemplateChannel } from '../generated/prisma/client.ts';

export interface DefaultTemplate {
  key: string;
  channel: TemplateChannel;
  locale: Locale;
  name: string;
  subject: string | null;
  body: string;
}

type Wording = { name: string; subject?: string; body: string };

const emailTemplates: Record<string, Record<Locale, Wording>> = {
  'ticket.acknowledgement': {
    fr: {
      name: 'Accusé de réception d’une demande',
      subject: 'Nous avons bien reçu votre demande [#{{ticket.number}}]',
      body: `Bonjour {{customer.name}},

Nous avons bien reçu votre demande « {{ticket.subject}} » et elle est enregistrée sous le numéro {{ticket.number}}.
Nous revenons vers vous rapidement, au plus tard le prochain jour ouvré.

Pour une urgence (panne totale, odeur de brûlé), appelez-nous au {{company.phone}}.

Bien cordialement,
{{user.name}}
{{company.name}}`,
    },
    en: {
      name: 'Request acknowledgement',
      subject: 'We have received your request [#{{ticket.number}}]',
      body: `Hello {{customer.name}},

We have received your request "{{ticket.subject}}"; its reference is {{ticket.number}}.
We will get back to you shortly, by the next working day at the latest.

For an emergency (total power loss, burning smell), please call us on {{company.phone}}.

Kind regards,
{{user.name}}
{{company.name}}`,
    },
  },
  'appointment.confirmation': {
    fr: {
      name: 'Confirmation de rendez-vous',
      subject: 'Votre rendez-vous du {{appointment.date}} est confirmé',
      body: `Bonjour {{customer.name}},

Votre rendez-vous « {{appointment.service}} » est confirmé :
- date : {{appointment.date}}, {{appointment.time}}
- adresse : {{site.address}}
- technicien : {{technician.name}}

Vous pouvez le déplacer ou l’annuler depuis votre espace client : {{portal.link}}

À bientôt,
{{company.name}} – {{company.phone}}`,
    },
    en: {
      name: 'Appointment confirmation',
      subject: 'Your appointment on {{appointment.date}} is confirmed',
      body: `Hello {{customer.name}},

Your "{{appointment.service}}" appointment is confirmed:
- date: {{appointment.date}}, {{appointment.time}}
- address: {{site.address}}
- technician: {{technician.name}}

You can reschedule or cancel it from your customer area: {{portal.link}}

See you soon,
{{company.name}} – {{company.phone}}`,
    },
  },
  'appointment.reminder': {
    fr: {
      name: 'Rappel de rendez-vous (la veille)',
      subject: 'Rappel : votre rendez-vous {{appointment.date}}',
      body: `Bonjour {{customer.name}},

Nous vous rappelons votre rendez-vous « {{appointment.service}} » {{appointment.date}}, {{appointment.time}}, au {{site.address}}.
Merci de prévoir un accès au tableau électrique.

Un empêchement ? Prévenez-nous au {{company.phone}} ou depuis votre espace client : {{portal.link}}

{{company.name}}`,
    },
    en: {
      name: 'Appointment reminder (the day before)',
      subject: 'Reminder: your appointment on {{appointment.date}}',
      body: `Hello {{customer.name}},

This is a reminder of your "{{appointment.service}}" appointment on {{appointment.date}}, {{appointment.time}}, at {{site.address}}.
Please make sure the electrical panel can be reached.

Cannot make it? Let us know on {{company.phone}} or from your customer area: {{portal.link}}

{{company.name}}`,
    },
  },
  'appointment.rescheduled': {
    fr: {
      name: 'Rendez-vous déplacé',
      subject: 'Votre rendez-vous est déplacé au {{appointment.date}}',
      body: `Bonjour {{customer.name}},

Votre rendez-vous « {{appointment.service}} » a été déplacé au {{appointment.date}}, {{appointment.time}}.
Adresse : {{site.address}}.

Si ce nouvel horaire ne vous convient pas, appelez-nous au {{company.phone}}.

{{company.name}}`,
    },
    en: {
      name: 'Appointment rescheduled',
      subject: 'Your appointment has moved to {{appointment.date}}',
      body: `Hello {{customer.name}},

Your "{{appointment.service}}" appointment has moved to {{appointment.date}}, {{appointment.time}}.
Address: {{site.address}}.

If this new time does not suit you, please call us on {{company.phone}}.

{{company.name}}`,
    },
  },
  'appointment.cancelled': {
    fr: {
      name: 'Annulation de rendez-vous',
      subject: 'Annulation de votre rendez-vous du {{appointment.date}}',
      body: `Bonjour {{customer.name}},

Votre rendez-vous « {{appointment.service}} » du {{appointment.date}} est annulé.
Vous pouvez en reprendre un à tout moment : {{portal.link}}

{{company.name}} – {{company.phone}}`,
    },
    en: {
      name: 'Appointment cancelled',
      subject: 'Your appointment on {{appointment.date}} is cancelled',
      body: `Hello {{customer.name}},

Your "{{appointment.service}}" appointment on {{appointment.date}} is cancelled.
You can book another one at any time: {{portal.link}}

{{company.name}} – {{company.phone}}`,
    },
  },
  'technician.en-route': {
    fr: {
      name: 'Technicien en route',
      subject: '{{technician.name}} est en route',
      body: `Bonjour {{customer.name}},

{{technician.name}} est en route pour votre rendez-vous « {{appointment.service}} » au {{site.address}}.

{{company.name}} – {{company.phone}}`,
    },
    en: {
      name: 'Technician on the way',
      subject: '{{technician.name}} is on the way',
      body: `Hello {{customer.name}},

{{technician.name}} is on the way to your "{{appointment.service}}" appointment at {{site.address}}.

{{company.name}} – {{company.phone}}`,
    },
  },
  'quote.sent': {
    fr: {
      name: 'Envoi de devis',
      subject: 'Votre devis {{quote.number}}',
      body: `Bonjour {{customer.name}},

Veuillez trouver votre devis {{quote.number}} d’un montant de {{quote.totalIncludingTax}} TTC, valable jusqu’au {{quote.validUntil}}.
Vous pouvez le consulter et l’accepter depuis votre espace client : {{portal.link}}

Nous restons à votre disposition pour toute question.

Bien cordialement,
{{user.name}}
{{company.name}}`,
    },
    en: {
      name: 'Quote sent',
      subject: 'Your quote {{quote.number}}',
      body: `Hello {{customer.name}},

Please find your quote {{quote.number}} for {{quote.totalIncludingTax}} including VAT, valid until {{quote.validUntil}}.
You can view and accept it from your customer area: {{portal.link}}

We are happy to answer any question.

Kind regards,
{{user.name}}
{{company.name}}`,
    },
  },
  'quote.follow-up': {
    fr: {
      name: 'Relance de devis',
      subject: 'Votre devis {{quote.number}} – avez-vous des questions ?',
      body: `Bonjour {{customer.name}},

Nous vous avons adressé le devis {{quote.number}} ({{quote.totalIncludingTax}} TTC), valable jusqu’au {{quote.validUntil}}.
Avez-vous pu en prendre connaissance ? Nous pouvons l’ajuster ou répondre à vos questions au {{company.phone}}.

Pour l’accepter : {{portal.link}}

Bien cordialement,
{{company.name}}`,
    },
    en: {
      name: 'Quote follow-up',
      subject: 'Your quote {{quote.number}} – any questions?',
      body: `Hello {{customer.name}},

We sent you quote {{quote.number}} ({{quote.totalIncludingTax}} including VAT), valid until {{quote.validUntil}}.
Have you had a chance to look at it? We can adjust it or answer your questions on {{company.phone}}.

To accept it: {{portal.link}}

Kind regards,
{{company.name}}`,
    },
  },
  'intervention.report': {
    fr: {
      name: 'Bon d’intervention',
      subject: 'Votre bon d’intervention du {{appointment.date}}',
      body: `Bonjour {{customer.name}},

Vous trouverez ci-joint le bon d’intervention de la visite de {{technician.name}} le {{appointment.date}} au {{site.address}}, signé sur place.

Merci de votre confiance,
{{company.name}}`,
    },
    en: {
      name: 'Intervention report',
      subject: 'Your intervention report of {{appointment.date}}',
      body: `Hello {{customer.name}},

Please find attached the report of {{technician.name}}'s visit on {{appointment.date}} at {{site.address}}, signed on site.

Thank you for your trust,
{{company.name}}`,
    },
  },
  'survey.request': {
    fr: {
      name: 'Enquête de satisfaction',
      subject: 'Votre avis sur notre intervention du {{appointment.date}}',
      body: `Bonjour {{customer.name}},

{{technician.name}} est intervenu chez vous le {{appointment.date}}. Votre avis nous aide à progresser :
répondez simplement à ce message avec une note de 1 (pas satisfait) à 5 (très satisfait) et, si vous le souhaitez, un commentaire.

Merci d’avance,
{{company.name}}`,
    },
    en: {
      name: 'Satisfaction survey',
      subject: 'How was our visit on {{appointment.date}}?',
      body: `Hello {{customer.name}},

{{technician.name}} visited you on {{appointment.date}}. Your opinion helps us improve:
just reply to this message with a score from 1 (not satisfied) to 5 (very satisfied) and, if you like, a comment.

Thank you,
{{company.name}}`,
    },
  },
  'call.missed-callback': {
    fr: {
      name: 'Suite à votre appel manqué',
      subject: 'Suite à votre appel',
      body: `Bonjour {{customer.name}},

Nous n’avons pas pu répondre à votre appel et nous en excusons. Nous vous rappelons au plus vite.
Vous pouvez aussi répondre à ce message en décrivant votre besoin, ou prendre rendez-vous en ligne : {{portal.link}}

{{user.name}}
{{company.name}} – {{company.phone}}`,
    },
    en: {
      name: 'After your missed call',
      subject: 'About your call',
      body: `Hello {{customer.name}},

We could not answer your call and we are sorry about that. We will call you back shortly.
You can also reply to this message describing what you need, or book an appointment online: {{portal.link}}

{{user.name}}
{{company.name}} – {{company.phone}}`,
    },
  },
  'contract.renewal': {
    fr: {
      name: 'Renouvellement du contrat d’entretien',
      subject: 'Votre contrat d’entretien arrive à échéance',
      body: `Bonjour {{customer.name}},

Votre contrat d’entretien arrive bientôt à échéance. Il sera renouvelé pour un an aux mêmes conditions, sauf avis contraire de votre part.
Pour toute question : {{company.phone}}.

Bien cordialement,
{{company.name}}`,
    },
    en: {
      name: 'Maintenance contract renewal',
      subject: 'Your maintenance contract is coming to an end',
      body: `Hello {{customer.name}},

Your maintenance contract ends soon. It will be renewed for one year on the same terms unless you tell us otherwise.
Any question: {{company.phone}}.

Kind regards,
{{company.name}}`,
    },
  },
  'maintenance.invitation': {
    fr: {
      name: 'Invitation à l’entretien annuel',
      subject: 'C’est le moment de votre entretien annuel',
      body: `Bonjour {{customer.name}},

Votre installation au {{site.address}} arrive à sa visite d’entretien annuelle prévue par votre contrat.
Choisissez le créneau qui vous convient en ligne : {{portal.link}}

{{company.name}} – {{company.phone}}`,
    },
    en: {
      name: 'Annual maintenance invitation',
      subject: 'Time for your annual maintenance visit',
      body: `Hello {{customer.name}},

Your installation at {{site.address}} is due for the annual maintenance visit of your contract.
Choose a time that suits you online: {{portal.link}}

{{company.name}} – {{company.phone}}`,
    },
  },
  'ticket.resolved': {
    fr: {
      name: 'Demande traitée',
      subject: 'Votre demande {{ticket.number}} est traitée',
      body: `Bonjour {{customer.name}},

Votre demande « {{ticket.subject}} » est traitée. Si quelque chose n’est pas réglé, répondez simplement à ce message : elle sera rouverte.

Bien cordialement,
{{user.name}}
{{company.name}}`,
    },
    en: {
      name: 'Request resolved',
      subject: 'Your request {{ticket.number}} is resolved',
      body: `Hello {{customer.name}},

Your request "{{ticket.subject}}" is resolved. If anything is still wrong, just reply to this message and it will be reopened.

Kind regards,
{{user.name}}
{{company.name}}`,
    },
  },
};

const smsTemplates: Record<string, Record<Locale, Wording>> = {
  'appointment.reminder': {
    fr: {
      name: 'Rappel de rendez-vous (SMS)',
      body: '{{company.name}} : rappel de votre RDV {{appointment.date}}, {{appointment.time}}. Empêchement ? {{company.phone}}',
    },
    en: {
      name: 'Appointment reminder (SMS)',
      body: '{{company.name}}: reminder of your appointment on {{appointment.date}}, {{appointment.time}}. Cannot make it? {{company.phone}}',
    },
  },
  'technician.en-route': {
    fr: { name: 'Technicien en route (SMS)', body: '{{company.name}} : {{technician.name}} est en route pour votre rendez-vous.' },
    en: { name: 'Technician on the way (SMS)', body: '{{company.name}}: {{technician.name}} is on the way to your appointment.' },
  },
  'call.missed-callback': {
    fr: {
      name: 'Appel manqué (SMS)',
      body: '{{company.name}} : nous avons manqué votre appel et vous rappelons au plus vite. {{company.phone}}',
    },
    en: { name: 'Missed call (SMS)', body: '{{company.name}}: we missed your call and will call you back shortly. {{company.phone}}' },
  },
};

function flatten(channel: TemplateChannel, templates: Record<string, Record<Locale, Wording>>): DefaultTemplate[] {
  return Object.entries(templates).flatMap(([key, byLocale]) =>
    (Object.entries(byLocale) as [Locale, Wording][]).map(([locale, wording]) => ({
      key,
      channel,
      locale,
      name: wording.name,
      subject: wording.subject ?? null,
      body: wording.body,
    })),
  );
}

export const defaultTemplates: readonly DefaultTemplate[] = [...flatten('EMAIL', emailTemplates), ...flatten('SMS', smsTemplates)];
