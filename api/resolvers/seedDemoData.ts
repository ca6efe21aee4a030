// Realistic demo data for an empty database: Duret Électricité's last three months of
// activity and its next two weeks of planning, in French, deterministic for a given seed.
//
// Everything is generated in memory first (plain objects linked to each other), then
// written table by table with createMany inside one transaction: a failed seed leaves
// the database empty, and a few dozen statements replace thousands of single inserts.
import { createHash } from 'node:crypto';
import { Faker, base, en, fr } from '@faker-js/faker';
import { hashPassword } from '../auth/password.ts';
import type {
  AppointmentSource,
  AppointmentStatus,
  ContractStatus,
  CustomerKind,
  InvoiceStatus,
  Prisma,
  PrismaClient,
  QuoteStatus,
  ReportStatus,
  Role,
  TicketCategory,
  TicketEventKind,
  TicketPriority,
  TicketSource,
  TicketStatus,
} from '../generated/prisma/client.ts';
import { addBusinessMinutes, computeSlaDueAt } from './computeSlaDueAt.ts';
import { customerSearchText, foldForSearch } from './customerSearchText.ts';
import { frenchPublicHolidays } from './frenchHolidays.ts';
import { parisInstant, parisWallClock } from './parisTime.ts';
import { normalizePhone } from './normalizePhone.ts';

export interface SeedSummary {
  skipped: boolean;
  users: number;
  technicians: number;
  workingHours: number;
  timeOff: number;
  services: number;
  catalogItems: number;
  customers: number;
  sites: number;
  contacts: number;
  equipment: number;
  contracts: number;
  appointments: number;
  interventions: number;
  interventionMaterials: number;
  tickets: number;
  ticketEvents: number;
  calls: number;
  emailMessages: number;
  messages: number;
  quotes: number;
  quoteLines: number;
  invoices: number;
  surveys: number;
}

export const DEMO_PASSWORD = 'demo1234';

const DEFAULT_SEED = 20260310;
const COMPANY_PHONE = '+33145000000';
const COMPANY_EMAIL = 'contact@duret-electricite.fr';
const HISTORY_MONTHS = 3;
const PLANNING_DAYS = 14;
const CUSTOMER_COUNT = 600;
const CONTRACT_COUNT = 280;
const TICKET_COUNT = 1500;
const OPEN_TICKET_COUNT = 40;
const CALL_COUNT = 2500;
const QUOTE_COUNT = 300;
const INVOICE_COUNT = 250;
const INSERT_BATCH = 500;

// ───────────────────────────── Entry point ─────────────────────────────

type Db = Prisma.TransactionClient;

export async function seedDemoData(prisma: PrismaClient, options: { now?: Date; seed?: number } = {}): Promise<SeedSummary> {
  if ((await prisma.user.count()) > 0) return emptySummary();
  const now = options.now ?? new Date();
  // A private Faker instance: seeding the shared fakerFR would change what other code draws.
  const faker = new Faker({ locale: [fr, en, base] });
  faker.seed(options.seed ?? DEFAULT_SEED);
  // argon2 is deliberately slow: every demo account shares one hash.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return prisma.$transaction(
    async (tx) => {
      // Checked again inside the transaction; should two seeds still race, the second one trips over
      // the unique demo e-mails and rolls back entirely.
      if ((await tx.user.count()) > 0) return emptySummary();
      const dice = new Dice(faker);
      const reference = await insertReferenceData(tx, dice);
      const data = buildDemoData(dice, calendarAround(now), reference, passwordHash);
      await insertDemoData(tx, data);
      return summarize(data, reference);
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
}

function emptySummary(): SeedSummary {
  return {
    skipped: true,
    users: 0,
    technicians: 0,
    workingHours: 0,
    timeOff: 0,
    services: 0,
    catalogItems: 0,
    customers: 0,
    sites: 0,
    contacts: 0,
    equipment: 0,
    contracts: 0,
    appointments: 0,
    interventions: 0,
    interventionMaterials: 0,
    tickets: 0,
    ticketEvents: 0,
    calls: 0,
    emailMessages: 0,
    messages: 0,
    quotes: 0,
    quoteLines: 0,
    invoices: 0,
    surveys: 0,
  };
}

function summarize(data: DemoData, reference: ReferenceData): SeedSummary {
  return {
    skipped: false,
    users: data.users.length,
    technicians: data.technicians.length,
    workingHours: data.workingHours.length,
    timeOff: data.timeOff.length,
    services: reference.servicesCreated,
    catalogItems: reference.catalogItemsCreated,
    customers: data.customers.length,
    sites: data.sites.length,
    contacts: data.contacts.length,
    equipment: data.equipment.length,
    contracts: data.contracts.length,
    appointments: data.appointments.length,
    interventions: data.interventions.length,
    interventionMaterials: data.interventionMaterials.length,
    tickets: data.tickets.length,
    ticketEvents: data.ticketEvents.length,
    calls: data.calls.length,
    emailMessages: data.emailMessages.length,
    messages: data.messages.length,
    quotes: data.quotes.length,
    quoteLines: data.quoteLines.length,
    invoices: data.invoices.length,
    surveys: data.surveys.length,
  };
}

// ───────────────────────────── Randomness ─────────────────────────────

/** The seeded random source: every draw goes through it, so a seed replays the same data. */
class Dice {
  constructor(readonly faker: Faker) {}

  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  chance(probability: number): boolean {
    return this.faker.datatype.boolean({ probability });
  }

  pick<T>(items: readonly T[]): T {
    return this.faker.helpers.arrayElement(items);
  }

  /** Picks by relative weight; options weighted 0 are never picked. */
  weighted<T>(options: ReadonlyArray<readonly [T, number]>): T {
    const candidates = options.filter(([, weight]) => weight > 0).map(([value, weight]) => ({ value, weight }));
    return this.faker.helpers.weightedArrayElement(candidates);
  }

  sample<T>(items: readonly T[], count: number): T[] {
    return this.faker.helpers.arrayElements(items, Math.min(count, items.length));
  }

  shuffle<T>(items: readonly T[]): T[] {
    return this.faker.helpers.shuffle([...items]);
  }

  id(): string {
    return this.faker.string.uuid();
  }

  digits(length: number): string {
    return this.faker.string.numeric({ length, allowLeadingZeros: true });
  }

  lastName(): string {
    return this.faker.person.lastName();
  }
}

// ───────────────────────────── Europe/Paris calendar ─────────────────────────────

/** A Europe/Paris calendar date, 'YYYY-MM-DD'. */
type Day = string;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function parisDay(date: Date): Day {
  const wall = parisWallClock(date);
  return `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}

function parisMinuteOfDay(date: Date): number {
  const wall = parisWallClock(date);
  return wall.hour * 60 + wall.minute;
}

/** The instant at which Paris clocks show `minute` minutes past midnight on `day` (DST-safe). */
function atParisMinute(day: Day, minute: number): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return parisInstant(year, month, date, 0, minute);
}

function addDays(day: Day, days: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function addMonths(day: Day, months: number): Day {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1 + months, date)).toISOString().slice(0, 10);
}

function daysBetween(from: Day, to: Day): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
function isoWeekday(day: Day): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** What a @db.Date column stores for a calendar day. */
function dateOnly(day: Day): Date {
  return new Date(`${day}T00:00:00Z`);
}

function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * MINUTE);
}

function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

interface Calendar {
  now: Date;
  today: Day;
  nowMinute: number;
  firstDay: Day;
  lastDay: Day;
  /** Every calendar day from firstDay to lastDay. */
  days: Day[];
  holidays: Set<Day>;
  /** Weekdays that are not public holidays, from firstDay to today. */
  pastWorkingDays: Day[];
}

function calendarAround(now: Date): Calendar {
  const today = parisDay(now);
  const firstDay = addMonths(today, -HISTORY_MONTHS);
  const lastDay = addDays(today, PLANNING_DAYS);
  const days: Day[] = [];
  for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) days.push(day);
  const years = new Set(days.map((day) => Number(day.slice(0, 4))));
  const holidays = new Set([...years].flatMap((year) => frenchPublicHolidays(year).map((holiday) => holiday.date)));
  const calendar = { now, today, nowMinute: parisMinuteOfDay(now), firstDay, lastDay, days, holidays, pastWorkingDays: [] as Day[] };
  calendar.pastWorkingDays = days.filter((day) => day <= today && isWorkingDay(calendar, day));
  return calendar;
}

function isWorkingDay(calendar: Pick<Calendar, 'holidays'>, day: Day): boolean {
  return isoWeekday(day) <= 5 && !calendar.holidays.has(day);
}

function nextWorkingDay(calendar: Calendar, day: Day): Day {
  let candidate = day;
  while (!isWorkingDay(calendar, candidate)) candidate = addDays(candidate, 1);
  return candidate;
}

/** A random past instant during office hours (Paris), at least `marginMinutes` before now. */
function pastOfficeInstant(dice: Dice, calendar: Calendar, fromMinute = 480, toMinute = 1110, marginMinutes = 15): Date {
  // Days weigh by their elapsed office minutes: today, cut at now, gets its share of activity, not a whole day's.
  const windows = calendar.pastWorkingDays
    .map((day) => ({ day, latest: day === calendar.today ? Math.min(toMinute, calendar.nowMinute - marginMinutes) : toMinute }))
    .filter(({ latest }) => latest > fromMinute);
  const { day, latest } = dice.weighted(windows.map((window) => [window, window.latest - fromMinute] as const));
  return atParisMinute(day, dice.int(fromMinute, latest));
}

/** A random instant during office hours between two instants, or `from` plus a few minutes when none fits. */
function officeInstantBetween(dice: Dice, calendar: Calendar, from: Date, to: Date): Date {
  for (let attempt = 0; attempt < 6; attempt++) {
    const day = addDays(parisDay(from), dice.int(0, Math.max(0, daysBetween(parisDay(from), parisDay(to)))));
    if (!isWorkingDay(calendar, day)) continue;
    const instant = atParisMinute(day, dice.int(510, 1110));
    if (instant > from && instant < to) return instant;
  }
  return minDate(addMinutes(from, dice.int(5, 60)), to);
}

// ───────────────────────────── Company, staff, technicians ─────────────────────────────

const COMPANY_SETTING = {
  name: 'Duret Électricité',
  legalForm: 'SARL',
  siret: '48231654400014',
  vatNumber: 'FR62482316544',
  capitalCents: 5_000_000,
  address: { street: '27 rue de la Roquette', postalCode: '75011', city: 'Paris' },
  phone: COMPANY_PHONE,
  email: COMPANY_EMAIL,
  website: 'https://www.duret-electricite.fr',
  qualifications: ['Qualifelec', 'IRVE P1/P2', 'RGE'],
};

const ALL_SKILLS = ['depannage', 'entretien', 'devis', 'irve', 'conformite'];

interface StaffDefinition {
  email: string;
  name: string;
  role: Role;
  phone: string;
}

const MANAGER: StaffDefinition = { email: 'manager@demo.relais.fr', name: 'Philippe Duret', role: 'MANAGER', phone: '+33611428307' };
const ASSISTANT: StaffDefinition = { email: 'assistant@demo.relais.fr', name: 'Claire Martin', role: 'ASSISTANT', phone: '+33145000012' };

interface TechnicianDefinition extends StaffDefinition {
  skills: string[];
  zones: string[];
  color: string;
  worksSaturdayMorning: boolean;
}

const TECHNICIAN_DEFINITIONS: TechnicianDefinition[] = [
  {
    email: 'technicien@demo.relais.fr',
    name: 'Gaëtan Leroy',
    role: 'TECHNICIAN',
    phone: '+33678214590',
    skills: ALL_SKILLS,
    zones: ['75', '92', '93', '94'],
    color: '#2563eb',
    worksSaturdayMorning: false,
  },
  {
    email: 'karim.benali@duret-electricite.fr',
    name: 'Karim Benali',
    role: 'TECHNICIAN',
    phone: '+33652907134',
    skills: ['depannage', 'entretien', 'conformite'],
    zones: ['92', '78', '95'],
    color: '#16a34a',
    worksSaturdayMorning: false,
  },
  {
    email: 'julien.moreau@duret-electricite.fr',
    name: 'Julien Moreau',
    role: 'TECHNICIAN',
    phone: '+33761348825',
    skills: ['depannage', 'entretien', 'devis'],
    zones: ['75', '93', '95'],
    color: '#dc2626',
    worksSaturdayMorning: true,
  },
  {
    email: 'sebastien.lefevre@duret-electricite.fr',
    name: 'Sébastien Lefèvre',
    role: 'TECHNICIAN',
    phone: '+33687552019',
    skills: ['irve', 'depannage', 'devis'],
    zones: ['75', '92', '94', '91', '78'],
    color: '#9333ea',
    worksSaturdayMorning: false,
  },
  {
    email: 'nicolas.fontaine@duret-electricite.fr',
    name: 'Nicolas Fontaine',
    role: 'TECHNICIAN',
    phone: '+33614870362',
    skills: ['entretien', 'depannage', 'conformite', 'irve'],
    zones: ['94', '91', '77', '93'],
    color: '#ea580c',
    worksSaturdayMorning: false,
  },
];

const MORNING: [number, number] = [480, 720];
const AFTERNOON: [number, number] = [810, 1050];

/** Absences, placed relative to today so the demo always shows past and coming ones. */
const TIME_OFF_DEFINITIONS = [
  { technician: 2, fromDay: -63, days: 2, reason: 'Arrêt maladie' },
  { technician: 1, fromDay: -38, days: 5, reason: 'Congés' },
  { technician: 3, fromDay: -12, days: 1, reason: 'Formation IRVE (qualification P1/P2)' },
  { technician: 0, fromDay: 3, afternoonOnly: true, days: 1, reason: 'Rendez-vous médical' },
  { technician: 4, fromDay: 6, days: 3, reason: 'Congés' },
];

// ───────────────────────────── Services and catalogue ─────────────────────────────

// A type alias (not an interface) so that it is assignable to Prisma's JSON input type.
type ChecklistItem = { key: string; label: string };

interface ServiceDefinition {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  durationMinutes: number;
  requiredSkill: string;
  bufferMinutes: number;
  minNoticeHours: number;
  horizonDays: number;
  arrivalWindowMinutes: number | null;
  bookableOnline: boolean;
  cancelCutoffHours: number;
  priceCents: number | null;
  checklist: ChecklistItem[];
}

const SERVICE_DEFINITIONS: ServiceDefinition[] = [
  {
    code: 'DEPANNAGE',
    name: 'Dépannage électrique',
    nameEn: 'Electrical repair',
    description: 'Recherche de panne et remise en service : disjoncteur qui saute, panne partielle, prise ou éclairage hors service.',
    durationMinutes: 60,
    requiredSkill: 'depannage',
    bufferMinutes: 30,
    minNoticeHours: 2,
    horizonDays: 14,
    arrivalWindowMinutes: 120,
    bookableOnline: true,
    cancelCutoffHours: 2,
    priceCents: 9500,
    checklist: [
      { key: 'mise_en_securite', label: "Mise en sécurité de l'installation" },
      { key: 'diagnostic', label: 'Diagnostic de la panne' },
      { key: 'tableau', label: 'Contrôle du tableau électrique' },
      { key: 'differentiels', label: 'Test des différentiels 30 mA' },
      { key: 'remise_en_service', label: 'Remise en service et essais' },
    ],
  },
  {
    code: 'ENTRETIEN',
    name: 'Entretien annuel',
    nameEn: 'Annual maintenance',
    description: "Visite annuelle du contrat d'entretien : contrôle du tableau, des protections, de la terre et des équipements.",
    durationMinutes: 90,
    requiredSkill: 'entretien',
    bufferMinutes: 30,
    minNoticeHours: 48,
    horizonDays: 90,
    arrivalWindowMinutes: 120,
    bookableOnline: true,
    cancelCutoffHours: 24,
    priceCents: 14900,
    checklist: [
      { key: 'tableau', label: 'Contrôle du tableau électrique' },
      { key: 'differentiels', label: 'Test des différentiels 30 mA' },
      { key: 'terre', label: 'Vérification de la prise de terre' },
      { key: 'serrage', label: 'Serrage des connexions' },
      { key: 'parafoudre', label: 'Contrôle du parafoudre' },
      { key: 'appareillage', label: 'Contrôle visuel des prises et appareillages' },
      { key: 'vmc', label: 'Nettoyage des bouches et contrôle de la VMC' },
    ],
  },
  {
    code: 'DEVIS',
    name: 'Devis sur place',
    nameEn: 'On-site quote',
    description: 'Visite gratuite pour établir un devis détaillé : relevé de l’existant, besoins, métré.',
    durationMinutes: 45,
    requiredSkill: 'devis',
    bufferMinutes: 15,
    minNoticeHours: 24,
    horizonDays: 60,
    arrivalWindowMinutes: null,
    bookableOnline: true,
    cancelCutoffHours: 24,
    priceCents: 0,
    checklist: [
      { key: 'releve', label: "Relevé de l'installation existante" },
      { key: 'besoins', label: 'Recueil des besoins du client' },
      { key: 'photos', label: "Photos de l'existant" },
      { key: 'metre', label: 'Métré et cheminement des câbles' },
    ],
  },
  {
    code: 'IRVE',
    name: 'Installation borne IRVE',
    nameEn: 'EV charger installation',
    description: 'Pose et mise en service d’une borne de recharge pour véhicule électrique par un installateur qualifié IRVE.',
    durationMinutes: 240,
    requiredSkill: 'irve',
    bufferMinutes: 30,
    minNoticeHours: 72,
    horizonDays: 90,
    arrivalWindowMinutes: null,
    bookableOnline: true,
    cancelCutoffHours: 48,
    priceCents: null,
    checklist: [
      { key: 'puissance', label: 'Vérification de la puissance souscrite' },
      { key: 'protections', label: 'Pose des protections dédiées (différentiel type A, disjoncteur)' },
      { key: 'borne', label: 'Fixation et raccordement de la borne' },
      { key: 'pilotage', label: 'Paramétrage et pilotage de la charge' },
      { key: 'essai', label: 'Essai de charge avec le véhicule' },
      { key: 'attestation', label: "Remise de l'attestation de conformité IRVE" },
    ],
  },
  {
    code: 'CONFORMITE',
    name: 'Mise en conformité',
    nameEn: 'Compliance upgrade',
    description: 'Mise en conformité NF C 15-100 : terre, liaisons équipotentielles, protections différentielles, salle d’eau.',
    durationMinutes: 180,
    requiredSkill: 'conformite',
    bufferMinutes: 30,
    minNoticeHours: 72,
    horizonDays: 90,
    arrivalWindowMinutes: null,
    bookableOnline: false,
    cancelCutoffHours: 48,
    priceCents: null,
    checklist: [
      { key: 'terre', label: 'Mesure de la résistance de la prise de terre' },
      { key: 'liaisons', label: 'Liaisons équipotentielles' },
      { key: 'differentiels', label: 'Test des différentiels 30 mA' },
      { key: 'volumes', label: "Respect des volumes de la salle d'eau" },
      { key: 'reperage', label: 'Repérage des circuits au tableau' },
      { key: 'consuel', label: 'Préparation du dossier Consuel' },
    ],
  },
];

/** How often each service is planned, relative to the others. */
const SERVICE_WEIGHTS: Record<string, number> = { DEPANNAGE: 40, ENTRETIEN: 32, DEVIS: 15, IRVE: 6, CONFORMITE: 7 };

interface CatalogDefinition {
  code: string;
  label: string;
  unit: string;
  unitPriceCents: number;
  vatRateBp: number;
}

const CATALOG_DEFINITIONS: CatalogDefinition[] = [
  { code: 'DISJ-10A', label: 'Disjoncteur phase + neutre 10 A courbe C', unit: 'u', unitPriceCents: 890, vatRateBp: 2000 },
  { code: 'DISJ-16A', label: 'Disjoncteur phase + neutre 16 A courbe C', unit: 'u', unitPriceCents: 950, vatRateBp: 2000 },
  { code: 'DISJ-20A', label: 'Disjoncteur phase + neutre 20 A courbe C', unit: 'u', unitPriceCents: 1050, vatRateBp: 2000 },
  { code: 'DISJ-32A', label: 'Disjoncteur phase + neutre 32 A courbe C', unit: 'u', unitPriceCents: 1390, vatRateBp: 2000 },
  { code: 'DISJ-40A', label: 'Disjoncteur phase + neutre 40 A courbe C', unit: 'u', unitPriceCents: 2490, vatRateBp: 2000 },
  { code: 'DIFF-40A-A', label: 'Interrupteur différentiel 40 A 30 mA type A', unit: 'u', unitPriceCents: 7900, vatRateBp: 2000 },
  { code: 'DIFF-40A-AC', label: 'Interrupteur différentiel 40 A 30 mA type AC', unit: 'u', unitPriceCents: 4900, vatRateBp: 2000 },
  { code: 'PARAFOUDRE', label: 'Parafoudre monophasé type 2', unit: 'u', unitPriceCents: 8900, vatRateBp: 2000 },
  { code: 'TABLEAU-3R', label: 'Tableau électrique pré-équipé 3 rangées (39 modules)', unit: 'u', unitPriceCents: 18900, vatRateBp: 2000 },
  { code: 'PRISE-16A', label: 'Prise de courant 2P+T 16 A', unit: 'u', unitPriceCents: 690, vatRateBp: 2000 },
  { code: 'PRISE-32A', label: 'Sortie de câble 32 A pour plaque de cuisson', unit: 'u', unitPriceCents: 1890, vatRateBp: 2000 },
  { code: 'INTER-VV', label: 'Interrupteur va-et-vient', unit: 'u', unitPriceCents: 590, vatRateBp: 2000 },
  { code: 'BOITE-ENC', label: "Boîte d'encastrement", unit: 'u', unitPriceCents: 150, vatRateBp: 2000 },
  { code: 'CABLE-3G1.5', label: 'Câble R2V 3G1,5 mm² (au mètre)', unit: 'm', unitPriceCents: 120, vatRateBp: 2000 },
  { code: 'CABLE-3G2.5', label: 'Câble R2V 3G2,5 mm² (au mètre)', unit: 'm', unitPriceCents: 180, vatRateBp: 2000 },
  { code: 'CABLE-3G6', label: 'Câble R2V 3G6 mm² (au mètre)', unit: 'm', unitPriceCents: 490, vatRateBp: 2000 },
  { code: 'GAINE-ICTA20', label: 'Gaine ICTA Ø20 (au mètre)', unit: 'm', unitPriceCents: 95, vatRateBp: 2000 },
  { code: 'IRVE-7KW', label: 'Borne de recharge IRVE 7,4 kW monophasée', unit: 'u', unitPriceCents: 89000, vatRateBp: 2000 },
  { code: 'TERRE', label: 'Piquet de terre cuivre 1,5 m avec raccordement', unit: 'u', unitPriceCents: 4900, vatRateBp: 2000 },
  { code: 'LIAISON-SDB', label: "Liaison équipotentielle de la salle d'eau", unit: 'forfait', unitPriceCents: 12000, vatRateBp: 2000 },
  { code: 'VMC-HYGRO', label: 'VMC simple flux hygroréglable type B', unit: 'u', unitPriceCents: 34900, vatRateBp: 550 },
  { code: 'BOUCHE-VMC', label: "Bouche d'extraction hygroréglable", unit: 'u', unitPriceCents: 3200, vatRateBp: 550 },
  { code: 'THERMOSTAT', label: 'Thermostat programmable connecté', unit: 'u', unitPriceCents: 14900, vatRateBp: 550 },
  { code: 'CHAUFFE-EAU-200', label: 'Chauffe-eau électrique vertical 200 L', unit: 'u', unitPriceCents: 49900, vatRateBp: 2000 },
  { code: 'GROUPE-SECU', label: 'Groupe de sécurité pour chauffe-eau', unit: 'u', unitPriceCents: 2900, vatRateBp: 2000 },
  { code: 'RAD-INERTIE', label: 'Radiateur à inertie sèche 1500 W', unit: 'u', unitPriceCents: 42900, vatRateBp: 2000 },
  { code: 'DALLE-LED', label: 'Dalle LED 600 × 600 40 W', unit: 'u', unitPriceCents: 5900, vatRateBp: 2000 },
  { code: 'BAES', label: "Bloc autonome d'éclairage de sécurité (BAES)", unit: 'u', unitPriceCents: 7800, vatRateBp: 2000 },
  { code: 'VISIOPHONE', label: 'Visiophone 2 fils avec platine de rue', unit: 'u', unitPriceCents: 29900, vatRateBp: 2000 },
  { code: 'MO-H', label: "Main d'œuvre électricien (heure)", unit: 'h', unitPriceCents: 5500, vatRateBp: 1000 },
  { code: 'DEPL', label: 'Déplacement Paris et petite couronne', unit: 'forfait', unitPriceCents: 3500, vatRateBp: 1000 },
  { code: 'DIAG', label: 'Diagnostic électrique complet', unit: 'forfait', unitPriceCents: 9500, vatRateBp: 1000 },
];

// ───────────────────────────── Configuration rows ─────────────────────────────

const SLA_POLICIES = [
  { priority: 'URGENT', firstResponseMinutes: 60, resolutionMinutes: 480 },
  { priority: 'HIGH', firstResponseMinutes: 240, resolutionMinutes: 1440 },
  { priority: 'NORMAL', firstResponseMinutes: 480, resolutionMinutes: 2880 },
  { priority: 'LOW', firstResponseMinutes: 1440, resolutionMinutes: 7200 },
] satisfies Prisma.SlaPolicyCreateManyInput[];

const SLA_BY_PRIORITY = new Map(SLA_POLICIES.map((policy) => [policy.priority as TicketPriority, policy]));
const DEFAULT_SLA = { firstResponseMinutes: 480, resolutionMinutes: 2880 };

function slaFor(priority: TicketPriority): { firstResponseMinutes: number; resolutionMinutes: number } {
  return SLA_BY_PRIORITY.get(priority) ?? DEFAULT_SLA;
}

// Quiet hours 20:00–08:00 Paris: no customer message at night.
const QUIET = { quietStartMinute: 1200, quietEndMinute: 480 };

const AUTOMATION_RULES: Prisma.AutomationRuleCreateManyInput[] = [
  {
    key: 'appointment-reminder',
    name: 'Rappel de rendez-vous la veille',
    trigger: 'APPOINTMENT_REMINDER',
    offsetMinutes: -1440,
    templateKey: 'appointment.reminder',
    ...QUIET,
    config: { channels: ['EMAIL', 'SMS'] },
  },
  {
    key: 'survey-after-intervention',
    name: 'Enquête de satisfaction après intervention',
    trigger: 'SURVEY_AFTER_INTERVENTION',
    offsetMinutes: 1440,
    templateKey: 'survey.request',
    ...QUIET,
    config: {},
  },
  {
    key: 'quote-follow-up-7',
    name: 'Relance devis à J+7',
    trigger: 'QUOTE_FOLLOW_UP',
    offsetMinutes: 7 * 1440,
    templateKey: 'quote.follow-up',
    ...QUIET,
    config: {},
  },
  {
    key: 'quote-follow-up-14',
    name: 'Relance devis à J+14',
    trigger: 'QUOTE_FOLLOW_UP',
    offsetMinutes: 14 * 1440,
    templateKey: 'quote.follow-up',
    ...QUIET,
    config: {},
  },
  {
    key: 'sla-breach',
    name: 'Alerte dépassement de SLA',
    trigger: 'SLA_BREACH',
    offsetMinutes: 0,
    config: { notifyRoles: ['ASSISTANT', 'MANAGER'] },
  },
  {
    key: 'ticket-idle',
    name: 'Alerte ticket sans activité',
    trigger: 'TICKET_IDLE',
    offsetMinutes: 2 * 1440,
    config: { statuses: ['OPEN', 'PENDING'] },
  },
  {
    key: 'contract-renewal',
    name: 'Renouvellement de contrat à J-60',
    trigger: 'CONTRACT_RENEWAL',
    offsetMinutes: -60 * 1440,
    templateKey: 'contract.renewal',
    ...QUIET,
    config: {},
  },
  {
    key: 'maintenance-campaign',
    name: "Campagne annuelle de visite d'entretien",
    trigger: 'MAINTENANCE_CAMPAIGN',
    offsetMinutes: -30 * 1440,
    templateKey: 'maintenance.invitation',
    ...QUIET,
    config: { serviceCode: 'ENTRETIEN' },
  },
];

// ───────────────────────────── Reference data (inserted first) ─────────────────────────────

interface ServiceRef {
  id: string;
  code: string;
  durationMinutes: number;
  bufferMinutes: number;
  arrivalWindowMinutes: number | null;
  bookableOnline: boolean;
  priceCents: number | null;
  requiredSkill: string;
  checklist: ChecklistItem[];
}

interface CatalogRef {
  id: string;
  code: string;
  label: string;
  unit: string;
  unitPriceCents: number;
  vatRateBp: number;
}

interface ReferenceData {
  services: Map<string, ServiceRef>;
  catalog: Map<string, CatalogRef>;
  servicesCreated: number;
  catalogItemsCreated: number;
}

/**
 * Services, catalogue and settings may already have been set up by the manager before
 * any account exists: existing rows (matched by code or key) are kept and reused.
 */
async function insertReferenceData(tx: Db, dice: Dice): Promise<ReferenceData> {
  await tx.setting.createMany({ data: [{ key: 'company', value: COMPANY_SETTING }], skipDuplicates: true });
  await tx.slaPolicy.createMany({ data: SLA_POLICIES, skipDuplicates: true });
  // Seeded ids (rather than the schema's random cuid) keep the whole data set reproducible.
  await tx.automationRule.createMany({ data: AUTOMATION_RULES.map((rule) => ({ id: dice.id(), ...rule })), skipDuplicates: true });

  const servicesCreated = await tx.service.createMany({
    data: SERVICE_DEFINITIONS.map((service) => ({ id: dice.id(), ...service })),
    skipDuplicates: true,
  });
  const catalogCreated = await tx.catalogItem.createMany({
    data: CATALOG_DEFINITIONS.map((item) => ({ id: dice.id(), ...item })),
    skipDuplicates: true,
  });

  const services = await tx.service.findMany({ where: { code: { in: SERVICE_DEFINITIONS.map((service) => service.code) } } });
  const catalog = await tx.catalogItem.findMany({ where: { code: { in: CATALOG_DEFINITIONS.map((item) => item.code) } } });
  // Maps follow the definitions' order, not the database's, so random draws over them replay identically.
  const serviceByCode = new Map(services.map((service) => [service.code, service]));
  const itemByCode = new Map(catalog.map((item) => [item.code, item]));
  return {
    services: new Map(
      SERVICE_DEFINITIONS.flatMap(({ code }) => {
        const service = serviceByCode.get(code);
        return service ? [[code, { ...service, checklist: parseChecklist(service.checklist) }] as const] : [];
      }),
    ),
    catalog: new Map(
      CATALOG_DEFINITIONS.flatMap(({ code }) => {
        const item = itemByCode.get(code);
        return item ? [[code, item] as const] : [];
      }),
    ),
    servicesCreated: servicesCreated.count,
    catalogItemsCreated: catalogCreated.count,
  };
}

function parseChecklist(value: Prisma.JsonValue): ChecklistItem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    item && typeof item === 'object' && !Array.isArray(item) && typeof item.key === 'string' && typeof item.label === 'string'
      ? [{ key: item.key, label: item.label }]
      : [],
  );
}

// ───────────────────────────── The in-memory data set ─────────────────────────────

interface DemoData {
  users: Prisma.UserCreateManyInput[];
  credentials: Prisma.PasswordCredentialCreateManyInput[];
  technicians: Prisma.TechnicianCreateManyInput[];
  workingHours: Prisma.WorkingHoursCreateManyInput[];
  timeOff: Prisma.TimeOffCreateManyInput[];
  customers: Prisma.CustomerCreateManyInput[];
  sites: Prisma.SiteCreateManyInput[];
  contacts: Prisma.ContactCreateManyInput[];
  equipment: Prisma.EquipmentCreateManyInput[];
  contracts: Prisma.ContractCreateManyInput[];
  appointments: Prisma.AppointmentCreateManyInput[];
  interventions: Prisma.InterventionCreateManyInput[];
  interventionMaterials: Prisma.InterventionMaterialCreateManyInput[];
  tickets: Prisma.TicketCreateManyInput[];
  ticketEvents: Prisma.TicketEventCreateManyInput[];
  calls: Prisma.CallCreateManyInput[];
  emailMessages: Prisma.EmailMessageCreateManyInput[];
  messages: Prisma.MessageCreateManyInput[];
  quotes: Prisma.QuoteCreateManyInput[];
  quoteLines: Prisma.QuoteLineCreateManyInput[];
  invoices: Prisma.InvoiceCreateManyInput[];
  surveys: Prisma.SurveyCreateManyInput[];
  numberSequences: Prisma.NumberSequenceCreateManyInput[];
}

interface UserPlan {
  id: string;
  email: string;
  name: string;
}

interface TechnicianPlan {
  id: string;
  user: UserPlan;
  definition: TechnicianDefinition;
  /** [start, end) instants the technician is away. */
  absences: Array<[Date, Date]>;
  sites: SitePlan[];
  contractSites: SitePlan[];
}

interface Staff {
  manager: UserPlan;
  assistant: UserPlan;
  technicians: TechnicianPlan[];
}

interface SitePlan {
  id: string;
  customer: CustomerPlan;
  postalCode: string;
  latitude: number;
  longitude: number;
}

interface CustomerPlan {
  id: string;
  kind: CustomerKind;
  /** The person who signs reports and quotes for this customer. */
  signerName: string;
  phones: string[];
  emails: string[];
  createdAt: Date;
  sites: SitePlan[];
  portalUser?: UserPlan;
  contract?: ContractPlan;
  isDemo: boolean;
}

interface ContractPlan {
  id: string;
  customer: CustomerPlan;
  status: ContractStatus;
  startDay: Day;
  renewalDay: Day;
  priceCents: number;
  vatRateBp: number;
}

interface AppointmentPlan {
  id: string;
  service: ServiceRef;
  technician: TechnicianPlan;
  site: SitePlan;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  source: AppointmentSource;
  createdAt: Date;
  createdById: string | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  notes: string | null;
}

interface InterventionPlan {
  id: string;
  appointment: AppointmentPlan;
  clockOutAt: Date | null;
  opportunityQuote: string | null;
  materialsHtCents: number;
}

interface TicketPlan {
  id: string;
  createdAt: Date;
  source: TicketSource;
  template: TicketTemplate;
  priority: TicketPriority;
  status: TicketStatus;
  customer: CustomerPlan | null;
  site: SitePlan | null;
  author: UserPlan | null;
  assigneeId: string | null;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  /** Message-ID of the e-mail that opened the ticket, which the reply threads onto. */
  inboundMessageId: string | null;
}

interface QuotePlan {
  id: string;
  customer: CustomerPlan;
  createdAt: Date;
  status: QuoteStatus;
  acceptedAt: Date | null;
  totalHtCents: number;
  totalTtcCents: number;
  mustInvoice: boolean;
}

function buildDemoData(dice: Dice, calendar: Calendar, reference: ReferenceData, passwordHash: string): DemoData {
  const data: DemoData = {
    users: [],
    credentials: [],
    technicians: [],
    workingHours: [],
    timeOff: [],
    customers: [],
    sites: [],
    contacts: [],
    equipment: [],
    contracts: [],
    appointments: [],
    interventions: [],
    interventionMaterials: [],
    tickets: [],
    ticketEvents: [],
    calls: [],
    emailMessages: [],
    messages: [],
    quotes: [],
    quoteLines: [],
    invoices: [],
    surveys: [],
    numberSequences: [],
  };
  const phones = new UniquePool([COMPANY_PHONE, MANAGER.phone, ASSISTANT.phone, ...TECHNICIAN_DEFINITIONS.map((t) => t.phone)]);
  const emails = new UniquePool([MANAGER.email, ASSISTANT.email, ...TECHNICIAN_DEFINITIONS.map((t) => t.email), COMPANY_EMAIL]);

  const staff = buildStaff(dice, calendar, data);
  const customers = buildCustomers(dice, calendar, data, phones, emails);
  const contracts = buildContracts(dice, calendar, data, customers);
  assignTechnicianSites(staff, customers);
  buildUsers(calendar, data, staff, customers, passwordHash);

  const appointments = buildAppointments(dice, calendar, reference, staff);
  pinDemoCustomerAppointments(calendar, staff, customers, appointments);
  data.appointments = appointments.map(appointmentRow);
  const interventions = buildInterventions(dice, calendar, reference, data, appointments);
  buildSurveys(dice, calendar, data, interventions);

  const tickets = buildTickets(dice, calendar, data, staff, customers);
  buildCalls(dice, calendar, data, staff, customers, tickets, phones);

  const quotes = buildQuotes(dice, calendar, reference, data, staff, customers, interventions, tickets);
  buildInvoices(dice, calendar, reference, data, quotes, contracts, interventions);
  buildDemoConversation(dice, calendar, data, staff, customers);
  return data;
}

/** Values that must be unique across the data set (phones, e-mails, tokens). */
class UniquePool {
  private readonly taken: Set<string>;

  constructor(initial: string[] = []) {
    this.taken = new Set(initial);
  }

  claim(generate: (attempt: number) => string): string {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const value = generate(attempt);
      if (!this.taken.has(value)) {
        this.taken.add(value);
        return value;
      }
    }
    throw new Error('Demo data: could not generate a unique value');
  }
}

// ───────────────────────────── Staff and technicians ─────────────────────────────

function buildStaff(dice: Dice, calendar: Calendar, data: DemoData): Staff {
  const manager = { id: dice.id(), email: MANAGER.email, name: MANAGER.name };
  const assistant = { id: dice.id(), email: ASSISTANT.email, name: ASSISTANT.name };
  const technicians = TECHNICIAN_DEFINITIONS.map((definition): TechnicianPlan => ({
    id: dice.id(),
    user: { id: dice.id(), email: definition.email, name: definition.name },
    definition,
    absences: [],
    sites: [],
    contractSites: [],
  }));

  for (const technician of technicians) {
    data.technicians.push({
      id: technician.id,
      userId: technician.user.id,
      skills: technician.definition.skills,
      zones: technician.definition.zones,
      color: technician.definition.color,
      icsToken: dice.faker.string.alphanumeric(32),
    });
    for (let weekday = 1; weekday <= 5; weekday++) {
      for (const [startMinute, endMinute] of [MORNING, AFTERNOON]) {
        data.workingHours.push({ id: dice.id(), technicianId: technician.id, weekday, startMinute, endMinute });
      }
    }
    if (technician.definition.worksSaturdayMorning) {
      data.workingHours.push({ id: dice.id(), technicianId: technician.id, weekday: 6, startMinute: MORNING[0], endMinute: MORNING[1] });
    }
  }

  for (const absence of TIME_OFF_DEFINITIONS) {
    const technician = technicians[absence.technician];
    if (!technician) continue;
    const firstDay = addDays(calendar.today, absence.fromDay);
    const [startsAt, endsAt] = absence.afternoonOnly
      ? [atParisMinute(firstDay, AFTERNOON[0]), atParisMinute(firstDay, AFTERNOON[1])]
      : [atParisMinute(firstDay, 0), atParisMinute(addDays(firstDay, absence.days), 0)];
    technician.absences.push([startsAt, endsAt]);
    data.timeOff.push({ id: dice.id(), technicianId: technician.id, startsAt, endsAt, reason: absence.reason });
  }
  return { manager, assistant, technicians };
}

function assignTechnicianSites(staff: Staff, customers: CustomerPlan[]): void {
  // The demo customer's appointments are placed by hand so they stay few and readable.
  const sites = customers.filter((customer) => !customer.isDemo).flatMap((customer) => customer.sites);
  for (const technician of staff.technicians) {
    const covers = (site: SitePlan) => technician.definition.zones.some((zone) => site.postalCode.startsWith(zone));
    technician.sites = sites.filter(covers);
    technician.contractSites = technician.sites.filter((site) => site.customer.contract && site.customer.contract.status !== 'EXPIRED');
  }
}

function buildUsers(calendar: Calendar, data: DemoData, staff: Staff, customers: CustomerPlan[], passwordHash: string): void {
  const createdAt = atParisMinute(addMonths(calendar.firstDay, -1), 540);
  const staffUsers: Array<[UserPlan, StaffDefinition]> = [
    [staff.manager, MANAGER],
    [staff.assistant, ASSISTANT],
    ...staff.technicians.map((technician): [UserPlan, StaffDefinition] => [technician.user, technician.definition]),
  ];
  const addUser = (user: UserPlan, fields: Omit<Prisma.UserCreateManyInput, 'id' | 'email' | 'name'>) => {
    data.users.push({ id: user.id, email: user.email, name: user.name, ...fields });
    data.credentials.push({ userId: user.id, hash: passwordHash });
  };
  for (const [user, definition] of staffUsers) addUser(user, { phone: definition.phone, role: definition.role, createdAt });
  for (const customer of customers) {
    if (!customer.portalUser) continue;
    addUser(customer.portalUser, {
      phone: customer.phones[0],
      role: 'CLIENT',
      customerId: customer.id,
      createdAt: addMinutes(customer.createdAt, 30),
    });
  }
}

// ───────────────────────────── Customers, sites, contracts ─────────────────────────────

const FIRST_NAMES = [
  'Marie',
  'Nathalie',
  'Isabelle',
  'Sylvie',
  'Catherine',
  'Sophie',
  'Christine',
  'Valérie',
  'Sandrine',
  'Céline',
  'Stéphanie',
  'Julie',
  'Camille',
  'Émilie',
  'Aurélie',
  'Laure',
  'Hélène',
  'Anne',
  'Élodie',
  'Caroline',
  'Virginie',
  'Pauline',
  'Chloé',
  'Léa',
  'Manon',
  'Inès',
  'Sarah',
  'Fatima',
  'Yasmine',
  'Martine',
  'Françoise',
  'Monique',
  'Brigitte',
  'Nicole',
  'Dominique',
  'Agnès',
  'Jean',
  'Pierre',
  'Michel',
  'Philippe',
  'Alain',
  'Nicolas',
  'Christophe',
  'Stéphane',
  'Laurent',
  'Frédéric',
  'Olivier',
  'David',
  'Sébastien',
  'Thomas',
  'Julien',
  'Éric',
  'Patrick',
  'Vincent',
  'François',
  'Antoine',
  'Maxime',
  'Guillaume',
  'Alexandre',
  'Romain',
  'Mehdi',
  'Karim',
  'Hugo',
  'Lucas',
  'Benoît',
  'Thierry',
  'Jérôme',
  'Bruno',
  'Arnaud',
  'Mathieu',
  'Damien',
  'Cédric',
  'Yannick',
  'Hervé',
  'Gérard',
  'Bernard',
  'Jacques',
  'Daniel',
  'Rachid',
  'Kevin',
];

const STREET_NAMES = [
  'de la République',
  'Victor Hugo',
  'Jean Jaurès',
  'Pasteur',
  'du Général de Gaulle',
  'des Lilas',
  'de la Gare',
  'Gambetta',
  'Voltaire',
  'Émile Zola',
  'Jean Moulin',
  'des Écoles',
  'du Château',
  'de Paris',
  'Carnot',
  'Anatole France',
  'de la Mairie',
  'Pierre Brossolette',
  'Paul Vaillant-Couturier',
  'des Acacias',
  'du Moulin',
  'Marcel Sembat',
  'Édouard Vaillant',
  'du 8 Mai 1945',
  'de Verdun',
  'Denfert-Rochereau',
  'Aristide Briand',
  'du Maréchal Foch',
  'Henri Barbusse',
  'Saint-Antoine',
  'de la Paix',
  'des Tilleuls',
  'Jules Ferry',
  'du Faubourg Saint-Denis',
  'de Belleville',
  'Oberkampf',
  'de Charonne',
  'Daumesnil',
  'Lecourbe',
  'de Vaugirard',
  'Mouffetard',
  'de Ménilmontant',
  'des Pyrénées',
  'Championnet',
  'de la Convention',
  'Boileau',
  'Cardinet',
];

const STREET_TYPES: ReadonlyArray<readonly [string, number]> = [
  ['rue', 60],
  ['avenue', 18],
  ['boulevard', 8],
  ['allée', 5],
  ['impasse', 4],
  ['place', 3],
  ['square', 2],
];

interface Commune {
  postalCode: string;
  city: string;
  latitude: number;
  longitude: number;
}

const COMMUNE_ROWS: Array<[string, string, number, number]> = [
  ['75001', 'Paris', 48.862, 2.336],
  ['75002', 'Paris', 48.868, 2.343],
  ['75003', 'Paris', 48.863, 2.36],
  ['75004', 'Paris', 48.854, 2.357],
  ['75005', 'Paris', 48.845, 2.35],
  ['75006', 'Paris', 48.849, 2.333],
  ['75007', 'Paris', 48.856, 2.312],
  ['75008', 'Paris', 48.873, 2.312],
  ['75009', 'Paris', 48.877, 2.337],
  ['75010', 'Paris', 48.876, 2.361],
  ['75011', 'Paris', 48.859, 2.38],
  ['75012', 'Paris', 48.84, 2.39],
  ['75013', 'Paris', 48.828, 2.362],
  ['75014', 'Paris', 48.829, 2.326],
  ['75015', 'Paris', 48.84, 2.293],
  ['75016', 'Paris', 48.86, 2.262],
  ['75017', 'Paris', 48.887, 2.306],
  ['75018', 'Paris', 48.892, 2.348],
  ['75019', 'Paris', 48.887, 2.384],
  ['75020', 'Paris', 48.863, 2.401],
  ['92100', 'Boulogne-Billancourt', 48.835, 2.241],
  ['92130', 'Issy-les-Moulineaux', 48.824, 2.27],
  ['92300', 'Levallois-Perret', 48.895, 2.287],
  ['92200', 'Neuilly-sur-Seine', 48.885, 2.268],
  ['92000', 'Nanterre', 48.892, 2.207],
  ['92400', 'Courbevoie', 48.897, 2.256],
  ['92500', 'Rueil-Malmaison', 48.877, 2.18],
  ['92700', 'Colombes', 48.923, 2.252],
  ['92600', 'Asnières-sur-Seine', 48.914, 2.285],
  ['92140', 'Clamart', 48.8, 2.266],
  ['92120', 'Montrouge', 48.816, 2.316],
  ['92160', 'Antony', 48.754, 2.297],
  ['92310', 'Sèvres', 48.823, 2.211],
  ['92170', 'Vanves', 48.821, 2.29],
  ['93100', 'Montreuil', 48.861, 2.443],
  ['93200', 'Saint-Denis', 48.936, 2.357],
  ['93300', 'Aubervilliers', 48.914, 2.382],
  ['93500', 'Pantin', 48.894, 2.409],
  ['93000', 'Bobigny', 48.908, 2.439],
  ['93400', 'Saint-Ouen-sur-Seine', 48.912, 2.334],
  ['93160', 'Noisy-le-Grand', 48.848, 2.553],
  ['93340', 'Le Raincy', 48.899, 2.523],
  ['93260', 'Les Lilas', 48.88, 2.419],
  ['93170', 'Bagnolet', 48.869, 2.418],
  ['94300', 'Vincennes', 48.847, 2.439],
  ['94160', 'Saint-Mandé', 48.842, 2.419],
  ['94000', 'Créteil', 48.79, 2.455],
  ['94400', 'Vitry-sur-Seine', 48.787, 2.392],
  ['94200', 'Ivry-sur-Seine', 48.815, 2.385],
  ['94100', 'Saint-Maur-des-Fossés', 48.799, 2.494],
  ['94130', 'Nogent-sur-Marne', 48.837, 2.482],
  ['94700', 'Maisons-Alfort', 48.806, 2.438],
  ['94220', 'Charenton-le-Pont', 48.822, 2.414],
  ['94120', 'Fontenay-sous-Bois', 48.851, 2.476],
  ['78000', 'Versailles', 48.804, 2.13],
  ['78100', 'Saint-Germain-en-Laye', 48.898, 2.094],
  ['78150', 'Le Chesnay-Rocquencourt', 48.822, 2.122],
  ['78300', 'Poissy', 48.929, 2.046],
  ['78500', 'Sartrouville', 48.937, 2.164],
  ['78400', 'Chatou', 48.889, 2.157],
  ['78110', 'Le Vésinet', 48.893, 2.131],
  ['91300', 'Massy', 48.731, 2.271],
  ['91120', 'Palaiseau', 48.714, 2.245],
  ['91000', 'Évry-Courcouronnes', 48.629, 2.441],
  ['91600', 'Savigny-sur-Orge', 48.678, 2.349],
  ['91400', 'Orsay', 48.698, 2.187],
  ['91100', 'Corbeil-Essonnes', 48.611, 2.482],
  ['95100', 'Argenteuil', 48.948, 2.247],
  ['95000', 'Cergy', 49.036, 2.063],
  ['95880', 'Enghien-les-Bains', 48.97, 2.309],
  ['95200', 'Sarcelles', 48.997, 2.379],
  ['95130', 'Franconville', 48.989, 2.228],
  ['95210', 'Saint-Gratien', 48.972, 2.285],
  ['77500', 'Chelles', 48.881, 2.591],
  ['77100', 'Meaux', 48.96, 2.879],
  ['77000', 'Melun', 48.539, 2.661],
  ['77200', 'Torcy', 48.85, 2.651],
  ['77600', 'Bussy-Saint-Georges', 48.841, 2.704],
];

const COMMUNES: Commune[] = COMMUNE_ROWS.map(([postalCode, city, latitude, longitude]) => ({ postalCode, city, latitude, longitude }));

/** Where the customers are: mostly Paris and the inner suburbs. */
const DEPARTMENT_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['75', 35],
  ['92', 20],
  ['93', 12],
  ['94', 14],
  ['78', 7],
  ['91', 6],
  ['95', 4],
  ['77', 2],
];

const EMAIL_DOMAINS: ReadonlyArray<readonly [string, number]> = [
  ['gmail.com', 40],
  ['orange.fr', 18],
  ['free.fr', 12],
  ['hotmail.fr', 8],
  ['sfr.fr', 6],
  ['laposte.net', 6],
  ['wanadoo.fr', 4],
  ['outlook.fr', 4],
  ['yahoo.fr', 2],
];

const COMPANY_TRADES = [
  'Boulangerie',
  'Pharmacie',
  'Cabinet médical',
  'Cabinet dentaire',
  'Restaurant',
  'Brasserie',
  'Garage',
  'Agence immobilière',
  'Salon de coiffure',
  'Hôtel',
  'Boucherie',
  'Fromagerie',
  'Librairie',
  'Atelier',
  'Clinique vétérinaire',
  'Crèche',
  'Optique',
  'Fleurs',
  "Bureau d'études",
  'Imprimerie',
  'Cave',
  'Auto-école',
];

const LEGAL_FORMS = ['SARL', 'SAS', 'EURL', 'SASU'];

const RESIDENCE_NAMES = [
  'Les Tilleuls',
  'Le Parc',
  'Les Marronniers',
  'Le Clos Saint-Martin',
  'Les Jardins de la Marne',
  'Le Belvédère',
  'Les Terrasses',
  'La Roseraie',
  'Les Cèdres',
  'La Closerie',
  'Le Carré Bastille',
  'Les Acacias',
  'Le Village',
  'Les Hauts de Seine',
  'Le Square Voltaire',
  'Les Glycines',
];

const CUSTOMER_NOTES = [
  'Préfère être contacté par SMS.',
  'Paiement par virement uniquement.',
  'Client fidèle, très satisfait des précédentes interventions.',
  'Disponible uniquement le matin.',
  'Logement mis en location : prévenir le locataire avant passage.',
  'Ancienne installation (années 70), prévoir du temps.',
  'Demande systématiquement un devis écrit avant intervention.',
];

const CONTACT_ROLES_COMPANY = ['Gérant', 'Gérante', 'Responsable technique', 'Office manager', 'Comptabilité'];
const CONTACT_ROLES_SYNDIC = [
  'Gestionnaire de copropriété',
  'Assistante de gestion',
  'Gardien',
  'Gardienne',
  'Président du conseil syndical',
];

function buildCustomers(dice: Dice, calendar: Calendar, data: DemoData, phones: UniquePool, emails: UniquePool): CustomerPlan[] {
  const customers: CustomerPlan[] = [];
  for (let index = 0; index < CUSTOMER_COUNT; index++) {
    const sageAccount = `CL${String(index + 1).padStart(5, '0')}`;
    const customer =
      index === 0
        ? buildDemoCustomer(dice, calendar, data, phones, sageAccount)
        : buildCustomer(dice, calendar, data, phones, emails, sageAccount);
    customers.push(customer);
  }
  return customers;
}

/** The customer behind client@demo.relais.fr: a household in Paris with a maintenance contract. */
function buildDemoCustomer(dice: Dice, calendar: Calendar, data: DemoData, phones: UniquePool, sageAccount: string): CustomerPlan {
  const firstName = 'Sophie';
  const lastName = 'Bernard';
  const phone = phones.claim(() => '+33612457839');
  const customer: CustomerPlan = {
    id: dice.id(),
    kind: 'INDIVIDUAL',
    signerName: `${firstName} ${lastName}`,
    phones: [phone],
    emails: ['client@demo.relais.fr'],
    createdAt: atParisMinute(addMonths(calendar.today, -40), 600),
    sites: [],
    isDemo: true,
  };
  customer.portalUser = { id: dice.id(), email: 'client@demo.relais.fr', name: customer.signerName };
  const commune = COMMUNES.find((candidate) => candidate.postalCode === '75020') ?? pickCommune(dice);
  const site = addSite(dice, data, customer, commune, '14 rue des Pyrénées', 'Domicile', 'Digicode 4521B, 3e étage porte droite');
  data.equipment.push(
    {
      id: dice.id(),
      siteId: site.id,
      kind: 'Tableau électrique',
      brand: 'Legrand',
      model: 'Drivia 13 modules',
      installedAt: dateOnly('2009-06-15'),
    },
    {
      id: dice.id(),
      siteId: site.id,
      kind: 'Chauffe-eau',
      brand: 'Atlantic',
      model: 'Chauffeo Plus 200 L',
      installedAt: dateOnly('2016-03-02'),
    },
  );
  data.customers.push({
    id: customer.id,
    kind: 'INDIVIDUAL',
    sageAccount,
    name: `${lastName} ${firstName}`,
    firstName,
    lastName,
    phones: customer.phones,
    emails: customer.emails,
    consentSms: true,
    searchText: searchTextOf(`${lastName} ${firstName}`, null, sageAccount, customer),
    createdAt: customer.createdAt,
  });
  return customer;
}

function buildCustomer(
  dice: Dice,
  calendar: Calendar,
  data: DemoData,
  phones: UniquePool,
  emails: UniquePool,
  sageAccount: string,
): CustomerPlan {
  const kind = dice.weighted<CustomerKind>([
    ['INDIVIDUAL', 85],
    ['COMPANY', 12],
    ['PROPERTY_MANAGER', 3],
  ]);
  const createdAt = atParisMinute(addDays(calendar.firstDay, -dice.int(30, 8 * 365)), dice.int(540, 1080));
  const customer: CustomerPlan = { id: dice.id(), kind, signerName: '', phones: [], emails: [], createdAt, sites: [], isDemo: false };

  let row: Prisma.CustomerCreateManyInput;
  if (kind === 'INDIVIDUAL') {
    const firstName = dice.pick(FIRST_NAMES);
    const lastName = dice.lastName();
    customer.signerName = `${firstName} ${lastName}`;
    customer.phones = [phones.claim(() => frenchPhone(dice, 'mobile'))];
    if (dice.chance(0.3)) customer.phones.push(phones.claim(() => frenchPhone(dice, 'landline')));
    customer.emails = [emails.claim((attempt) => personalEmail(dice, firstName, lastName, attempt))];
    row = { id: customer.id, kind, sageAccount, name: `${lastName} ${firstName}`, firstName, lastName, phones: [], emails: [] };
  } else {
    const lastName = dice.lastName();
    const companyName = kind === 'COMPANY' ? companyNameFor(dice, lastName) : syndicNameFor(dice, lastName);
    customer.phones = [phones.claim(() => frenchPhone(dice, 'landline'))];
    if (dice.chance(0.4)) customer.phones.push(phones.claim(() => frenchPhone(dice, 'mobile')));
    customer.emails = [
      emails.claim((attempt) => `${dice.pick(['contact', 'accueil', 'info'])}@${slug(companyName)}${attempt ? attempt + 1 : ''}.fr`),
    ];
    const contactCount = kind === 'COMPANY' ? dice.int(1, 2) : dice.int(2, 3);
    const contacts = Array.from({ length: contactCount }, (_, position) => buildContact(dice, customer, phones, companyName, position));
    customer.signerName = contacts[0]?.name ?? companyName;
    data.contacts.push(...contacts);
    row = { id: customer.id, kind, sageAccount, name: companyName, companyName, siret: siret(dice), phones: [], emails: [] };
  }

  const siteCount =
    kind === 'PROPERTY_MANAGER'
      ? dice.int(3, 8)
      : dice.weighted([
          [1, 88],
          [2, 9],
          [3, 3],
        ]);
  for (let position = 0; position < siteCount; position++) {
    const commune = pickCommune(dice);
    const site = addSite(dice, data, customer, commune, streetAddress(dice), siteLabel(dice, kind, position), accessNotes(dice, kind));
    addEquipment(dice, data, site.id, kind);
  }

  customer.portalUser = wantsPortalAccount(dice, kind)
    ? { id: dice.id(), email: customer.emails[0] ?? '', name: customer.signerName }
    : undefined;
  data.customers.push({
    ...row,
    phones: customer.phones,
    emails: customer.emails,
    notes: dice.chance(0.1) ? dice.pick(CUSTOMER_NOTES) : null,
    consentEmail: dice.chance(0.93),
    consentSms: customer.phones.some((phone) => /^\+33[67]/.test(phone)) && dice.chance(0.45),
    searchText: searchTextOf(row.name, row.companyName ?? null, sageAccount, customer),
    createdAt,
  });
  return customer;
}

function wantsPortalAccount(dice: Dice, kind: CustomerKind): boolean {
  return dice.chance(kind === 'INDIVIDUAL' ? 0.3 : kind === 'COMPANY' ? 0.25 : 0.6);
}

function searchTextOf(name: string, companyName: string | null, sageAccount: string, customer: CustomerPlan): string {
  return customerSearchText({
    name,
    companyName,
    sageAccount,
    emails: customer.emails,
    phones: customer.phones,
    postalCodes: [...new Set(customer.sites.map((site) => site.postalCode))],
  });
}

function buildContact(
  dice: Dice,
  customer: CustomerPlan,
  phones: UniquePool,
  companyName: string,
  position: number,
): Prisma.ContactCreateManyInput & { name: string } {
  const firstName = dice.pick(FIRST_NAMES);
  const lastName = dice.lastName();
  const roles = customer.kind === 'COMPANY' ? CONTACT_ROLES_COMPANY : CONTACT_ROLES_SYNDIC;
  return {
    id: dice.id(),
    customerId: customer.id,
    name: `${firstName} ${lastName}`,
    role: dice.pick(roles),
    phone: phones.claim(() => frenchPhone(dice, 'mobile')),
    email: `${foldForEmail(firstName)}.${foldForEmail(lastName)}@${slug(companyName)}.fr`,
    isPrimary: position === 0,
    createdAt: customer.createdAt,
  };
}

function addSite(
  dice: Dice,
  data: DemoData,
  customer: CustomerPlan,
  commune: Commune,
  street: string,
  label: string | null,
  accessNotes: string | null,
): SitePlan {
  const site: SitePlan = {
    id: dice.id(),
    customer,
    postalCode: commune.postalCode,
    latitude: jitter(dice, commune.latitude, 0.008),
    longitude: jitter(dice, commune.longitude, 0.012),
  };
  customer.sites.push(site);
  data.sites.push({
    id: site.id,
    customerId: customer.id,
    label,
    street,
    postalCode: commune.postalCode,
    city: commune.city,
    accessNotes,
    latitude: site.latitude,
    longitude: site.longitude,
    createdAt: customer.createdAt,
  });
  return site;
}

function pickCommune(dice: Dice): Commune {
  const department = dice.weighted(DEPARTMENT_WEIGHTS);
  return dice.pick(COMMUNES.filter((commune) => commune.postalCode.startsWith(department)));
}

function streetAddress(dice: Dice): string {
  const number = dice.weighted([
    [dice.int(1, 40), 60],
    [dice.int(41, 180), 40],
  ]);
  const suffix = dice.chance(0.06) ? ' bis' : '';
  return `${number}${suffix} ${dice.weighted(STREET_TYPES)} ${dice.pick(STREET_NAMES)}`;
}

function siteLabel(dice: Dice, kind: CustomerKind, position: number): string | null {
  if (kind === 'PROPERTY_MANAGER') return `Résidence ${dice.pick(RESIDENCE_NAMES)}`;
  if (kind === 'COMPANY')
    return position === 0 ? dice.pick(['Boutique', 'Siège', 'Locaux', 'Agence']) : dice.pick(['Entrepôt', 'Atelier', 'Second magasin']);
  return position === 0 ? (dice.chance(0.3) ? 'Domicile' : null) : dice.pick(['Appartement en location', 'Maison de famille', 'Studio']);
}

function accessNotes(dice: Dice, kind: CustomerKind): string | null {
  if (!dice.chance(kind === 'PROPERTY_MANAGER' ? 0.8 : 0.25)) return null;
  const floor = dice.weighted([
    ['RDC', 2],
    [`${dice.int(1, 7)}e étage`, 8],
  ]);
  return dice.pick([
    `Digicode ${dice.int(1000, 9999)}${dice.pick(['A', 'B', 'C'])}, ${floor}`,
    'Clé chez la gardienne',
    'Clé chez la gardienne, local technique au sous-sol',
    `Interphone au nom de ${dice.lastName()}, ${floor}`,
    'Parking visiteurs au sous-sol, badge à récupérer à l’accueil',
    'Accès par la cour intérieure',
    'Chien dans le jardin, sonner avant d’entrer',
    `Tableau électrique dans la cave, box n°${dice.int(1, 40)}`,
    'Appeler 15 min avant d’arriver',
    'Stationnement difficile, parking public à 200 m',
  ]);
}

const EQUIPMENT_BY_KIND: Record<CustomerKind, Array<{ kind: string; models: Array<[string, string]> }>> = {
  INDIVIDUAL: [
    {
      kind: 'Tableau électrique',
      models: [
        ['Legrand', 'Drivia 13 modules'],
        ['Schneider Electric', 'Resi9'],
        ['Hager', 'Gamma 13'],
      ],
    },
    {
      kind: 'Borne IRVE',
      models: [
        ['Hager', 'Witty Start 7,4 kW'],
        ['Schneider Electric', 'EVlink Home'],
        ['Legrand', "Green'up Premium"],
        ['Wallbox', 'Pulsar Plus'],
      ],
    },
    {
      kind: 'VMC',
      models: [
        ['Atlantic', 'Autocosy IH'],
        ['Aldes', 'EasyHOME Hygro'],
        ['Unelvent', 'Ozeo'],
      ],
    },
    {
      kind: 'Chauffe-eau',
      models: [
        ['Atlantic', 'Chauffeo Plus 200 L'],
        ['Thermor', 'Duralis 200 L'],
        ['Ariston', 'Velis 80 L'],
      ],
    },
    {
      kind: 'Radiateurs électriques',
      models: [
        ['Atlantic', 'Divali'],
        ['Thermor', 'Équateur 4'],
        ['Noirot', 'Bellagio'],
      ],
    },
    {
      kind: 'Visiophone',
      models: [
        ['Legrand', 'Classe 300'],
        ['Aiphone', 'JOS'],
      ],
    },
  ],
  COMPANY: [
    {
      kind: 'Tableau électrique',
      models: [
        ['Schneider Electric', 'Prisma G'],
        ['Legrand', 'XL³ 400'],
      ],
    },
    {
      kind: 'Éclairage de sécurité (BAES)',
      models: [
        ['Legrand', 'URA One'],
        ['Kaufel', 'Ambiance'],
      ],
    },
    {
      kind: 'Climatisation',
      models: [
        ['Daikin', 'Sky Air'],
        ['Mitsubishi Electric', 'Mr Slim'],
      ],
    },
    {
      kind: 'Borne IRVE',
      models: [
        ['Schneider Electric', 'EVlink Pro AC'],
        ['Hager', 'Witty Park'],
      ],
    },
    { kind: 'Chauffe-eau', models: [['Atlantic', 'Chauffeo Plus 150 L']] },
  ],
  PROPERTY_MANAGER: [
    {
      kind: 'Tableau des services généraux',
      models: [
        ['Legrand', 'XL³ 160'],
        ['Hager', 'Volta'],
      ],
    },
    {
      kind: 'Éclairage des parties communes',
      models: [
        ['Philips', 'CoreLine'],
        ['Legrand', 'Minuterie MicroRex'],
      ],
    },
    {
      kind: 'Visiophone',
      models: [
        ['Urmet', 'Note 2'],
        ['Comelit', 'Simplebus'],
      ],
    },
    {
      kind: 'Portail électrique',
      models: [
        ['Came', 'BX-243'],
        ['Somfy', 'Ixengo'],
      ],
    },
    { kind: 'Colonne montante', models: [['Enedis', 'Colonne électrique']] },
  ],
};

function addEquipment(dice: Dice, data: DemoData, siteId: string, kind: CustomerKind): void {
  const count = dice.weighted([
    [0, 25],
    [1, 35],
    [2, 25],
    [3, 15],
  ]);
  for (const equipment of dice.sample(EQUIPMENT_BY_KIND[kind], count)) {
    const [brand, model] = dice.pick(equipment.models);
    data.equipment.push({
      id: dice.id(),
      siteId,
      kind: equipment.kind,
      brand,
      model,
      serial: dice.chance(0.6) ? dice.faker.string.alphanumeric({ length: 10, casing: 'upper' }) : null,
      installedAt: dice.chance(0.7)
        ? dateOnly(`${dice.int(1995, 2024)}-${String(dice.int(1, 12)).padStart(2, '0')}-${String(dice.int(1, 28)).padStart(2, '0')}`)
        : null,
      notes: equipment.kind === 'Tableau électrique' && dice.chance(0.15) ? 'Fusibles porcelaine encore présents sur deux circuits' : null,
    });
  }
}

function companyNameFor(dice: Dice, lastName: string): string {
  if (dice.chance(0.35)) return dice.faker.company.name();
  const name = `${dice.pick(COMPANY_TRADES)} ${lastName}`;
  return dice.chance(0.3) ? `${name} ${dice.pick(LEGAL_FORMS)}` : name;
}

function syndicNameFor(dice: Dice, lastName: string): string {
  return dice.pick([
    `Cabinet ${lastName} Immobilier`,
    `Syndic ${lastName} & Associés`,
    `${lastName} Gestion`,
    `Immobilière ${lastName}`,
    `Copropriétés ${lastName}`,
  ]);
}

/** E.164 French numbers: mobiles +336/+337, landlines mostly Île-de-France (+331). */
function frenchPhone(dice: Dice, kind: 'mobile' | 'landline'): string {
  const prefix =
    kind === 'mobile'
      ? dice.weighted([
          ['6', 75],
          ['7', 25],
        ])
      : dice.weighted([
          ['1', 85],
          ['2', 4],
          ['3', 4],
          ['4', 3],
          ['5', 4],
        ]);
  const digits = dice.digits(8);
  // Some blocks are not allocated (07 0x) or belong to overseas departments (06 9x): such a
  // number would never match a caller, so the next allocated block is taken, without a new draw.
  for (let shift = 0; shift < 10; shift += 1) {
    const candidate = `+33${prefix}${(Number(digits[0]) + shift) % 10}${digits.slice(1)}`;
    if (normalizePhone(candidate) === candidate) return candidate;
  }
  throw new Error(`no valid French number near +33${prefix}${digits}`);
}

function personalEmail(dice: Dice, firstName: string, lastName: string, attempt: number): string {
  const first = foldForEmail(firstName);
  const last = foldForEmail(lastName);
  const local = dice.weighted([
    [`${first}.${last}`, 50],
    [`${first}${last}`, 15],
    [`${first.charAt(0)}${last}`, 15],
    [`${first}.${last}${dice.int(1, 99)}`, 20],
  ]);
  return `${local}${attempt > 0 ? attempt + 1 : ''}@${dice.weighted(EMAIL_DOMAINS)}`;
}

function foldForEmail(text: string): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function slug(text: string): string {
  return foldForEmail(text).slice(0, 40);
}

/** 14 digits whose Luhn checksum is valid, like a real SIRET. */
function siret(dice: Dice): string {
  const body = dice.digits(13);
  for (let check = 0; check <= 9; check++) {
    if (luhnValid(`${body}${check}`)) return `${body}${check}`;
  }
  return `${body}0`;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function jitter(dice: Dice, value: number, spread: number): number {
  return Math.round((value + dice.faker.number.float({ min: -spread, max: spread })) * 1e6) / 1e6;
}

const CONTRACT_NOTES = [
  'Visite annuelle : tableau, différentiels et VMC.',
  'Inclut le contrôle de la borne de recharge.',
  'Contrôle des éclairages de sécurité inclus.',
  'Parties communes : tableau des services généraux et éclairage.',
];

function buildContracts(dice: Dice, calendar: Calendar, data: DemoData, customers: CustomerPlan[]): ContractPlan[] {
  const [demo, ...others] = customers;
  const holders = [...(demo ? [demo] : []), ...dice.sample(others, CONTRACT_COUNT - 1)];
  const contracts = holders.map((customer) => buildContract(dice, calendar, customer));
  contracts.sort((a, b) => a.startDay.localeCompare(b.startDay));

  const perYear = new Map<string, number>();
  for (const contract of contracts) {
    const year = contract.startDay.slice(0, 4);
    const sequence = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, sequence);
    contract.customer.contract = contract;
    data.contracts.push({
      id: contract.id,
      number: `CTR-${year}-${String(sequence).padStart(4, '0')}`,
      customerId: contract.customer.id,
      siteId: contract.customer.sites[0]?.id,
      status: contract.status,
      startDate: dateOnly(contract.startDay),
      renewalDate: dateOnly(contract.renewalDay),
      visitFrequencyMonths: 12,
      priceCents: contract.priceCents,
      vatRateBp: contract.vatRateBp,
      notes: dice.chance(0.3) ? dice.pick(CONTRACT_NOTES) : null,
      createdAt: atParisMinute(contract.startDay, 600),
    });
  }
  // saveContract numbers new contracts from these counters.
  for (const [year, value] of perYear) data.numberSequences.push({ name: 'contract', year: Number(year), value });
  return contracts;
}

function buildContract(dice: Dice, calendar: Calendar, customer: CustomerPlan): ContractPlan {
  const startDay = addDays(calendar.today, -dice.int(366, 5 * 365));
  let renewalDay = startDay;
  while (renewalDay <= calendar.today) renewalDay = addMonths(renewalDay, 12);

  let status: ContractStatus = 'ACTIVE';
  if (!customer.isDemo && dice.chance(0.04)) {
    // An expired contract was not renewed at its last anniversary.
    status = 'EXPIRED';
    renewalDay = addMonths(renewalDay, -12);
  } else if (!customer.isDemo && daysBetween(calendar.today, renewalDay) <= 60 && dice.chance(0.5)) {
    status = 'PENDING_RENEWAL';
  }
  const vatRateBp = customer.kind === 'COMPANY' ? 2000 : 1000;
  const base = customer.kind === 'INDIVIDUAL' ? dice.int(24, 40) : dice.int(40, 90);
  return { id: dice.id(), customer, status, startDay, renewalDay, priceCents: base * 500, vatRateBp };
}

// ───────────────────────────── Appointments and interventions ─────────────────────────────

const CANCEL_REASONS = [
  'Client indisponible, rendez-vous à replanifier',
  'Problème résolu entre-temps',
  'Report demandé par le client',
  'Doublon avec un autre rendez-vous',
  'Accès impossible au logement',
];

const APPOINTMENT_NOTES: Record<string, string[]> = {
  DEPANNAGE: [
    'Le disjoncteur général saute dès que le four est allumé.',
    'Plus de courant dans la moitié de l’appartement depuis ce matin.',
    'Le différentiel déclenche la nuit, sans raison apparente.',
    'Prises du salon hors service.',
    'Odeur de brûlé près du tableau, client inquiet.',
  ],
  ENTRETIEN: ['Visite annuelle du contrat.', 'Visite annuelle, vérifier aussi la VMC.', 'Prévoir le contrôle du parafoudre.'],
  DEVIS: ['Devis pour remplacement du tableau.', 'Projet de borne de recharge.', 'Rénovation de la cuisine, ajout de circuits.'],
  IRVE: ['Borne fournie par nos soins, véhicule sur place pour l’essai.', 'Garage en sous-sol, prévoir le passage de câble.'],
  CONFORMITE: ['Mise en conformité avant vente du logement.', 'Demande du bailleur après diagnostic électrique.'],
};

function buildAppointments(dice: Dice, calendar: Calendar, reference: ReferenceData, staff: Staff): AppointmentPlan[] {
  const appointments: AppointmentPlan[] = [];
  const demoTechnician = staff.technicians[0];
  for (const day of calendar.days) {
    const weekday = isoWeekday(day);
    if (calendar.holidays.has(day) || weekday === 7) continue;
    for (const technician of staff.technicians) {
      const intervals = weekday <= 5 ? [MORNING, AFTERNOON] : technician.definition.worksSaturdayMorning && weekday === 6 ? [MORNING] : [];
      // Whoever logs in as technicien@demo must find work today and on the coming days.
      const busy = technician === demoTechnician && day >= calendar.today;
      for (const [startMinute, endMinute] of intervals) {
        if (isAbsent(technician, atParisMinute(day, startMinute), atParisMinute(day, endMinute))) continue;
        const rate = weekday === 6 ? 0.45 : fillRate(calendar, day);
        appointments.push(...fillInterval(dice, calendar, reference, technician, { day, startMinute, endMinute, rate, busy }));
      }
    }
  }
  for (const appointment of appointments) {
    if (appointment.source !== 'PORTAL') appointment.createdById = staff.assistant.id;
  }
  return appointments;
}

function isAbsent(technician: TechnicianPlan, from: Date, to: Date): boolean {
  return technician.absences.some(([start, end]) => start < to && from < end);
}

/**
 * How full a day's planning is: the past was busy, the coming days fill up as they approach,
 * and online customers still find free time within the week (half-days for long jobs later on).
 */
function fillRate(calendar: Calendar, day: Day): number {
  if (day <= calendar.today) return 0.72;
  return Math.max(0.15, 0.55 - 0.05 * daysBetween(calendar.today, day));
}

/**
 * Places appointments one after another in one working interval, each followed by its
 * service buffer plus travel time: one technician's appointments can never overlap.
 */
function fillInterval(
  dice: Dice,
  calendar: Calendar,
  reference: ReferenceData,
  technician: TechnicianPlan,
  interval: { day: Day; startMinute: number; endMinute: number; rate: number; busy: boolean },
): AppointmentPlan[] {
  const { day, endMinute, rate, busy } = interval;
  const services = [...reference.services.values()].filter((service) => technician.definition.skills.includes(service.requiredSkill));
  const placed: AppointmentPlan[] = [];
  let cursor = interval.startMinute;
  while (cursor < endMinute) {
    if (!(busy && placed.length === 0) && !dice.chance(rate)) {
      cursor += 60;
      continue;
    }
    const fitting = services.filter((service) => cursor + service.durationMinutes <= endMinute);
    if (fitting.length === 0) break;
    const service = dice.weighted(fitting.map((candidate) => [candidate, SERVICE_WEIGHTS[candidate.code] ?? 5] as const));
    const pool = service.code === 'ENTRETIEN' && technician.contractSites.length > 0 ? technician.contractSites : technician.sites;
    if (pool.length === 0) break;
    const startsAt = atParisMinute(day, cursor);
    placed.push(planAppointment(dice, calendar, service, technician, dice.pick(pool), startsAt));
    cursor += service.durationMinutes + service.bufferMinutes + dice.pick([0, 15, 30]);
  }
  return placed;
}

function planAppointment(
  dice: Dice,
  calendar: Calendar,
  service: ServiceRef,
  technician: TechnicianPlan,
  site: SitePlan,
  startsAt: Date,
): AppointmentPlan {
  const endsAt = addMinutes(startsAt, service.durationMinutes);
  const customer = site.customer;
  const source = appointmentSource(dice, service, customer);
  const leadHours = service.code === 'DEPANNAGE' ? dice.int(3, 48) : dice.int(3, 30) * 24;
  const createdAt = minDate(addMinutes(startsAt, -leadHours * 60), addMinutes(calendar.now, -dice.int(10, 600)));

  let status: AppointmentStatus;
  if (endsAt <= calendar.now)
    status = dice.weighted<AppointmentStatus>([
      ['DONE', 88],
      ['CANCELLED', 8],
      ['NO_SHOW', 4],
    ]);
  else if (startsAt <= calendar.now) status = 'ON_SITE';
  else status = dice.chance(0.04) ? 'CANCELLED' : 'CONFIRMED';

  const notes = APPOINTMENT_NOTES[service.code];
  const cancelledAt = status === 'CANCELLED' ? officeInstantBetween(dice, calendar, createdAt, minDate(startsAt, calendar.now)) : null;
  return {
    id: dice.id(),
    service,
    technician,
    site,
    startsAt,
    endsAt,
    status,
    source,
    createdAt,
    createdById: source === 'PORTAL' ? (customer.portalUser?.id ?? null) : null,
    cancelledAt,
    cancelReason: cancelledAt ? dice.pick(CANCEL_REASONS) : null,
    notes: notes && dice.chance(0.4) ? dice.pick(notes) : null,
  };
}

function appointmentSource(dice: Dice, service: ServiceRef, customer: CustomerPlan): AppointmentSource {
  const online = service.bookableOnline && customer.portalUser ? 55 : 0;
  return dice.weighted<AppointmentSource>([
    ['PHONE', 40],
    ['EMAIL', 10],
    ['STAFF', 20],
    ['PORTAL', online],
  ]);
}

/**
 * The demo customer gets a readable history with Gaëtan (technicien@demo): an annual
 * visit two months ago, a repair three weeks ago, and one visit coming up.
 */
function pinDemoCustomerAppointments(calendar: Calendar, staff: Staff, customers: CustomerPlan[], appointments: AppointmentPlan[]): void {
  const demo = customers.find((customer) => customer.isDemo);
  const demoSite = demo?.sites[0];
  const gaetan = staff.technicians[0];
  if (!demo || !demoSite || !gaetan) return;
  const his = appointments.filter((appointment) => appointment.technician === gaetan);
  const closestTo = (day: Day, accept: (appointment: AppointmentPlan) => boolean) =>
    his
      .filter(accept)
      .sort((a, b) => Math.abs(daysBetween(day, parisDay(a.startsAt))) - Math.abs(daysBetween(day, parisDay(b.startsAt))))[0];

  const pins = [
    closestTo(addDays(calendar.today, -60), (a) => a.status === 'DONE' && a.service.code === 'ENTRETIEN'),
    closestTo(addDays(calendar.today, -21), (a) => a.status === 'DONE' && a.service.code === 'DEPANNAGE'),
    closestTo(
      addDays(calendar.today, 4),
      (a) => a.status === 'CONFIRMED' && parisDay(a.startsAt) > calendar.today && a.service.code !== 'IRVE',
    ),
  ];
  for (const appointment of pins) {
    if (!appointment) continue;
    appointment.site = demoSite;
    if (appointment.status === 'CONFIRMED') {
      appointment.source = 'PORTAL';
      appointment.createdById = demo.portalUser?.id ?? null;
    } else if (appointment.source === 'PORTAL') {
      appointment.createdById = demo.portalUser?.id ?? null;
    }
  }
}

function appointmentRow(appointment: AppointmentPlan): Prisma.AppointmentCreateManyInput {
  const window = appointment.service.arrivalWindowMinutes;
  return {
    id: appointment.id,
    serviceId: appointment.service.id,
    technicianId: appointment.technician.id,
    siteId: appointment.site.id,
    customerId: appointment.site.customer.id,
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    arrivalWindowStart: window ? appointment.startsAt : null,
    arrivalWindowEnd: window ? addMinutes(appointment.startsAt, window) : null,
    status: appointment.status,
    source: appointment.source,
    notes: appointment.notes,
    createdById: appointment.createdById,
    confirmedAt: appointment.status === 'REQUESTED' ? null : appointment.createdAt,
    cancelledAt: appointment.cancelledAt,
    cancelReason: appointment.cancelReason,
    createdAt: appointment.createdAt,
  };
}

const WORK_DONE: Record<string, string[]> = {
  DEPANNAGE: [
    'Recherche de panne : défaut d’isolement sur le circuit prises de la cuisine (prise derrière le réfrigérateur). Remplacement de la prise, remise en service, différentiel testé.',
    'Disjoncteur 20 A du circuit lave-linge défectueux, remplacé. Essais concluants.',
    'Connexion desserrée et échauffée au bornier du tableau, reprise et serrage de l’ensemble des connexions.',
    'Interrupteur différentiel type AC en fin de vie, remplacé par un type A 40 A 30 mA.',
    'Court-circuit dans une boîte de dérivation au plafond du couloir, reprise des connexions avec bornes automatiques.',
    'Panne partielle due à un neutre coupé au niveau du disjoncteur de branchement : Enedis prévenu, installation intérieure contrôlée.',
  ],
  ENTRETIEN: [
    'Visite annuelle réalisée : tableau dépoussiéré, connexions resserrées, différentiels testés, prise de terre mesurée à 32 Ω.',
    'Contrôle complet de l’installation, aucun défaut constaté. Bouches VMC nettoyées.',
    'Visite annuelle : un différentiel déclenche au-delà du seuil, remplacement conseillé (devis à suivre).',
    'Entretien réalisé, parafoudre en fin de vie signalé au client.',
  ],
  DEVIS: [
    'Relevé de l’installation existante et des besoins du client, photos prises. Devis à établir.',
    'Visite technique effectuée, métré des circuits et cheminements relevés.',
    'Projet discuté avec le client, plusieurs options présentées. Devis détaillé à envoyer sous 48 h.',
  ],
  IRVE: [
    'Pose d’une borne 7,4 kW en garage, ligne dédiée en 3G6 avec protections, pilotage heures creuses paramétré. Essai de charge concluant.',
    'Installation de la borne murale et du différentiel type A dédié, attestation de conformité IRVE remise au client.',
  ],
  CONFORMITE: [
    'Création d’une liaison équipotentielle dans la salle d’eau, remplacement de deux différentiels, repérage complet du tableau.',
    'Reprise de la prise de terre (piquet supplémentaire), mesure à 45 Ω. Dossier Consuel préparé.',
    'Mise en conformité des circuits cuisine et salle de bain, remplacement des prises sans terre.',
  ],
};

const CHECKLIST_ISSUES = [
  'Différentiel 30 mA ne déclenche pas au test, remplacement nécessaire.',
  'Résistance de terre élevée (110 Ω), à reprendre.',
  'Connexion échauffée au bornier, resserrée.',
  'Anomalie signalée au client, devis à suivre.',
];

const OBSERVATIONS = [
  'Tableau ancien, prévoir un remplacement à moyen terme.',
  'Client absent, intervention réalisée en présence du gardien.',
  'Accès au tableau encombré, merci de dégager pour la prochaine visite.',
  'Prises sans terre dans les chambres.',
  'Installation globalement en bon état.',
];

const OPPORTUNITIES: Array<{ note: string; quote: string }> = [
  { note: 'Tableau vétuste (fusibles porcelaine), le client est intéressé par un remplacement.', quote: 'tableau' },
  { note: 'Le client vient d’acheter un véhicule électrique : proposer une borne de recharge.', quote: 'irve' },
  { note: 'Radiateurs anciens très énergivores, proposer des radiateurs à inertie.', quote: 'radiateurs' },
  { note: 'Pas de VMC dans la salle de bain, humidité importante.', quote: 'vmc' },
  { note: 'Cuisine en rénovation, circuits spécialisés à créer.', quote: 'cuisine' },
  { note: 'Chauffe-eau de plus de 15 ans avec fuite au groupe de sécurité.', quote: 'chauffe-eau' },
  { note: 'Éclairage des bureaux en tubes fluorescents, proposer un passage en LED.', quote: 'led' },
];

const MATERIALS_BY_SERVICE: Record<string, { probability: number; lines: Array<[string, number, number]> }> = {
  DEPANNAGE: {
    probability: 0.6,
    lines: [
      ['DISJ-16A', 1, 2],
      ['DISJ-20A', 1, 1],
      ['DIFF-40A-A', 1, 1],
      ['PRISE-16A', 1, 3],
      ['INTER-VV', 1, 2],
      ['CABLE-3G2.5', 2, 10],
    ],
  },
  ENTRETIEN: {
    probability: 0.2,
    lines: [
      ['DISJ-16A', 1, 1],
      ['PARAFOUDRE', 1, 1],
      ['BOUCHE-VMC', 1, 2],
    ],
  },
  IRVE: {
    probability: 1,
    lines: [
      ['IRVE-7KW', 1, 1],
      ['DISJ-40A', 1, 1],
      ['DIFF-40A-A', 1, 1],
      ['CABLE-3G6', 8, 25],
    ],
  },
  CONFORMITE: {
    probability: 0.8,
    lines: [
      ['TERRE', 1, 1],
      ['PRISE-16A', 2, 6],
      ['DIFF-40A-A', 1, 2],
      ['LIAISON-SDB', 1, 1],
    ],
  },
};

function buildInterventions(
  dice: Dice,
  calendar: Calendar,
  reference: ReferenceData,
  data: DemoData,
  appointments: AppointmentPlan[],
): InterventionPlan[] {
  const interventions: InterventionPlan[] = [];
  for (const appointment of appointments) {
    if (appointment.status !== 'DONE' && appointment.status !== 'ON_SITE') continue;
    interventions.push(buildIntervention(dice, calendar, reference, data, appointment));
  }
  return interventions;
}

function buildIntervention(
  dice: Dice,
  calendar: Calendar,
  reference: ReferenceData,
  data: DemoData,
  appointment: AppointmentPlan,
): InterventionPlan {
  const { service, site } = appointment;
  const done = appointment.status === 'DONE';
  const clockInAt = minDate(addMinutes(appointment.startsAt, dice.int(0, 20)), calendar.now);
  // Clocking out before the next job's earliest start keeps one technician's clocked time disjoint.
  const clockOutAt = done
    ? minDate(
        minDate(addMinutes(clockInAt, service.durationMinutes + dice.int(-15, 25)), addMinutes(appointment.endsAt, service.bufferMinutes)),
        addMinutes(calendar.now, -1),
      )
    : null;
  const opportunity = done && service.code !== 'DEVIS' && dice.chance(0.12) ? dice.pick(OPPORTUNITIES) : null;
  const workDone = done ? dice.pick(WORK_DONE[service.code] ?? ['Intervention réalisée.']) : null;
  const reportStatus: ReportStatus = !done ? 'DRAFT' : dice.chance(0.85) ? 'SENT' : 'SIGNED';
  const signedAt = clockOutAt ? addMinutes(clockOutAt, -dice.int(1, 5)) : null;
  const id = dice.id();

  const materialsHtCents = addMaterials(dice, reference, data, id, service.code, done);
  data.interventions.push({
    id,
    appointmentId: appointment.id,
    technicianId: appointment.technician.id,
    enRouteAt: addMinutes(clockInAt, -dice.int(15, 40)),
    clockInAt,
    clockInLat: jitter(dice, site.latitude, 0.0003),
    clockInLng: jitter(dice, site.longitude, 0.0003),
    clockOutAt,
    clockOutLat: clockOutAt ? jitter(dice, site.latitude, 0.0003) : null,
    clockOutLng: clockOutAt ? jitter(dice, site.longitude, 0.0003) : null,
    workDone,
    checklistAnswers: done ? checklistAnswers(dice, service) : {},
    observations: done && dice.chance(0.25) ? dice.pick(OBSERVATIONS) : null,
    reservations: done && dice.chance(0.03) ? 'Le client émet une réserve sur la propreté du chantier.' : null,
    opportunity: opportunity !== null,
    opportunityNote: opportunity?.note ?? null,
    reportStatus,
    signerName: done ? site.customer.signerName : null,
    signedAt,
    signedContentHash: done ? sha256(`${id}|${workDone}|${signedAt?.toISOString()}`) : null,
    createdAt: clockInAt,
  });
  return { id, appointment, clockOutAt, opportunityQuote: opportunity?.quote ?? null, materialsHtCents };
}

function checklistAnswers(dice: Dice, service: ServiceRef): Prisma.InputJsonObject {
  return Object.fromEntries(
    service.checklist.map((item) => [item.key, dice.chance(0.07) ? { ok: false, comment: dice.pick(CHECKLIST_ISSUES) } : { ok: true }]),
  );
}

function addMaterials(
  dice: Dice,
  reference: ReferenceData,
  data: DemoData,
  interventionId: string,
  serviceCode: string,
  done: boolean,
): number {
  const usage = MATERIALS_BY_SERVICE[serviceCode];
  if (!done || !usage || !dice.chance(usage.probability)) return 0;
  const lines = usage.probability === 1 ? usage.lines : dice.sample(usage.lines, dice.int(1, 2));
  let totalCents = 0;
  for (const [code, min, max] of lines) {
    const item = reference.catalog.get(code);
    if (!item) continue;
    const quantity = dice.int(min, max);
    totalCents += quantity * item.unitPriceCents;
    data.interventionMaterials.push({
      id: dice.id(),
      interventionId,
      catalogItemId: item.id,
      label: item.label,
      quantity: String(quantity),
      unit: item.unit,
      unitPriceCents: item.unitPriceCents,
    });
  }
  return totalCents;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// ───────────────────────────── Surveys ─────────────────────────────

const SURVEY_COMMENTS: Record<number, string[]> = {
  5: [
    'Technicien ponctuel et très professionnel.',
    'Intervention rapide, merci !',
    'Travail soigné, explications claires.',
    'Parfait, je recommande.',
  ],
  4: ['Bon travail, un peu d’attente pour avoir un rendez-vous.', 'Satisfait, technicien sympathique.', 'Très bien dans l’ensemble.'],
  3: ['Un peu de retard mais travail soigné.', 'Correct, mais le devis a tardé.'],
  2: ['Difficile de joindre le standard.', 'Le problème est revenu deux jours après.'],
  1: ['Technicien arrivé très en retard sans prévenir.', 'Déçu, le problème n’est pas réglé.'],
};

function buildSurveys(dice: Dice, calendar: Calendar, data: DemoData, interventions: InterventionPlan[]): void {
  for (const intervention of interventions) {
    if (!intervention.clockOutAt || !dice.chance(0.6)) continue;
    const sentAt = addMinutes(intervention.clockOutAt, 24 * 60);
    if (sentAt > calendar.now) continue;
    const answeredAt = dice.chance(0.5) ? addMinutes(sentAt, dice.int(30, 3 * 24 * 60)) : null;
    const answered = answeredAt !== null && answeredAt < calendar.now;
    const csat = answered
      ? dice.weighted([
          [5, 55],
          [4, 30],
          [3, 9],
          [2, 4],
          [1, 2],
        ])
      : null;
    data.surveys.push({
      id: dice.id(),
      token: dice.faker.string.alphanumeric(32),
      customerId: intervention.appointment.site.customer.id,
      appointmentId: intervention.appointment.id,
      interventionId: intervention.id,
      sentAt,
      answeredAt: answered ? answeredAt : null,
      csat,
      nps: csat === null ? null : npsFor(dice, csat),
      comment: csat !== null && dice.chance(0.35) ? dice.pick(SURVEY_COMMENTS[csat] ?? []) : null,
    });
  }
}

function npsFor(dice: Dice, csat: number): number {
  if (csat === 5)
    return dice.weighted([
      [10, 45],
      [9, 40],
      [8, 15],
    ]);
  if (csat === 4) return dice.int(7, 9);
  if (csat === 3) return dice.int(5, 7);
  return dice.int(0, 4);
}

// ───────────────────────────── Tickets ─────────────────────────────

interface TicketTemplate {
  category: TicketCategory;
  subject: string;
  description: string;
  audience?: CustomerKind[];
  /** The quote template a quote request leads to. */
  quote?: string;
  priority?: ReadonlyArray<readonly [TicketPriority, number]>;
}

const URGENT_MIX: ReadonlyArray<readonly [TicketPriority, number]> = [
  ['URGENT', 18],
  ['HIGH', 45],
  ['NORMAL', 37],
];
const HIGH_MIX: ReadonlyArray<readonly [TicketPriority, number]> = [
  ['HIGH', 50],
  ['NORMAL', 50],
];
const CALM_MIX: ReadonlyArray<readonly [TicketPriority, number]> = [
  ['NORMAL', 70],
  ['LOW', 30],
];

const TICKET_TEMPLATES: TicketTemplate[] = [
  {
    category: 'BREAKDOWN',
    subject: 'Disjoncteur qui saute',
    description: 'Le disjoncteur général saute plusieurs fois par jour, surtout quand le four et le lave-linge tournent en même temps.',
    priority: URGENT_MIX,
  },
  {
    category: 'BREAKDOWN',
    subject: 'Panne de courant partielle',
    description: 'Plus de courant dans une partie du logement (chambres et salle de bain) depuis ce matin. Le reste fonctionne.',
    priority: URGENT_MIX,
  },
  {
    category: 'BREAKDOWN',
    subject: 'Différentiel qui déclenche sans raison',
    description: 'Le différentiel coupe la nuit, sans appareil particulier en marche. Le congélateur a décongelé deux fois.',
    priority: URGENT_MIX,
  },
  {
    category: 'BREAKDOWN',
    subject: 'Prises qui ne fonctionnent plus',
    description: 'Toutes les prises du salon sont hors service, le disjoncteur ne semble pas avoir sauté.',
    priority: URGENT_MIX,
  },
  {
    category: 'BREAKDOWN',
    subject: 'Odeur de brûlé au tableau électrique',
    description: 'Une odeur de brûlé se dégage du tableau électrique et un disjoncteur est chaud au toucher.',
    priority: [
      ['URGENT', 80],
      ['HIGH', 20],
    ],
  },
  {
    category: 'BREAKDOWN',
    subject: 'Chauffe-eau qui ne chauffe plus',
    description: 'Plus d’eau chaude depuis deux jours, le disjoncteur du chauffe-eau est bien enclenché.',
    priority: URGENT_MIX,
  },
  {
    category: 'BREAKDOWN',
    subject: 'Éclairage des parties communes en panne',
    description: 'L’éclairage de l’escalier B ne fonctionne plus, la minuterie semble bloquée.',
    audience: ['PROPERTY_MANAGER'],
    priority: HIGH_MIX,
  },
  {
    category: 'BREAKDOWN',
    subject: 'Interphone hors service',
    description: 'L’interphone de la résidence ne sonne plus dans les appartements depuis le week-end.',
    audience: ['PROPERTY_MANAGER'],
    priority: HIGH_MIX,
  },
  {
    category: 'BREAKDOWN',
    subject: 'Borne de recharge en défaut',
    description: 'La borne de recharge affiche un voyant rouge et ne démarre plus la charge.',
    priority: HIGH_MIX,
  },
  {
    category: 'BREAKDOWN',
    subject: 'Coupure dans la boutique',
    description: 'Coupure d’électricité sur les prises de la réserve, la caisse ne fonctionne plus.',
    audience: ['COMPANY'],
    priority: [
      ['URGENT', 50],
      ['HIGH', 50],
    ],
  },
  {
    category: 'QUOTE_REQUEST',
    subject: 'Demande de devis borne de recharge',
    description: 'Nous avons acheté une voiture électrique et souhaitons installer une borne dans le garage.',
    quote: 'irve',
  },
  {
    category: 'QUOTE_REQUEST',
    subject: 'Devis remplacement tableau électrique',
    description: 'Notre tableau est ancien (fusibles), nous aimerions un devis pour le remplacer.',
    quote: 'tableau',
  },
  {
    category: 'QUOTE_REQUEST',
    subject: 'Devis mise aux normes appartement',
    description: 'Nous vendons notre appartement et le diagnostic électrique signale plusieurs anomalies.',
    quote: 'conformite',
  },
  {
    category: 'QUOTE_REQUEST',
    subject: 'Devis installation VMC',
    description: 'Problème d’humidité dans la salle de bain, nous souhaitons installer une VMC.',
    quote: 'vmc',
  },
  {
    category: 'QUOTE_REQUEST',
    subject: 'Devis circuits cuisine',
    description: 'Rénovation de notre cuisine : il faudrait ajouter des prises et une ligne pour la plaque.',
    quote: 'cuisine',
  },
  {
    category: 'QUOTE_REQUEST',
    subject: 'Devis éclairage LED des bureaux',
    description: 'Nous souhaitons remplacer les néons de nos bureaux par des dalles LED.',
    audience: ['COMPANY'],
    quote: 'led',
  },
  {
    category: 'QUOTE_REQUEST',
    subject: 'Devis remplacement visiophone résidence',
    description: 'Le conseil syndical souhaite un devis pour remplacer l’interphone par un visiophone.',
    audience: ['PROPERTY_MANAGER'],
    quote: 'visiophone',
  },
  {
    category: 'APPOINTMENT',
    subject: 'Demande de rendez-vous entretien annuel',
    description: 'Bonjour, je souhaite planifier la visite annuelle de mon contrat d’entretien.',
  },
  {
    category: 'APPOINTMENT',
    subject: 'Report du rendez-vous de jeudi',
    description: 'Je ne serai pas disponible jeudi, est-il possible de décaler le rendez-vous à la semaine prochaine ?',
  },
  {
    category: 'APPOINTMENT',
    subject: 'Heure de passage du technicien',
    description: 'Pouvez-vous me confirmer l’heure de passage du technicien demain ?',
    priority: [['NORMAL', 100]],
  },
  {
    category: 'APPOINTMENT',
    subject: 'Annulation de rendez-vous',
    description: 'Le problème s’est résolu de lui-même, vous pouvez annuler le rendez-vous.',
    priority: CALM_MIX,
  },
  {
    category: 'BILLING',
    subject: 'Question sur la facture',
    description: 'Je ne comprends pas la ligne « déplacement » de ma dernière facture.',
    priority: CALM_MIX,
  },
  {
    category: 'BILLING',
    subject: 'Demande de duplicata de facture',
    description: 'Pourriez-vous me renvoyer la facture de l’intervention du mois dernier ?',
    priority: CALM_MIX,
  },
  {
    category: 'BILLING',
    subject: 'Taux de TVA sur la facture',
    description: 'Mon logement a plus de deux ans, la TVA à 10 % aurait dû s’appliquer.',
    priority: CALM_MIX,
  },
  {
    category: 'COMPLAINT',
    subject: 'Technicien arrivé en retard',
    description: 'Le technicien est arrivé avec plus d’une heure de retard sans prévenir.',
    priority: HIGH_MIX,
  },
  {
    category: 'COMPLAINT',
    subject: 'Problème persiste après intervention',
    description: 'Le disjoncteur saute de nouveau depuis hier malgré l’intervention de la semaine dernière.',
    priority: HIGH_MIX,
  },
  {
    category: 'INFORMATION',
    subject: 'Renseignement contrat d’entretien',
    description: 'Que comprend exactement votre contrat d’entretien annuel et quel est son tarif ?',
    priority: CALM_MIX,
  },
  {
    category: 'INFORMATION',
    subject: 'Attestation Consuel',
    description: 'Le notaire nous demande l’attestation Consuel des travaux réalisés l’an dernier.',
    priority: CALM_MIX,
  },
  {
    category: 'INFORMATION',
    subject: 'Aides pour une borne de recharge',
    description: 'Existe-t-il des aides (prime Advenir, crédit d’impôt) pour l’installation d’une borne ?',
    priority: CALM_MIX,
  },
  {
    category: 'OTHER',
    subject: 'Demande de rappel',
    description: 'Merci de me rappeler au sujet de mon installation.',
    priority: CALM_MIX,
  },
  {
    category: 'OTHER',
    subject: 'Changement d’adresse de facturation',
    description: 'Nous avons déménagé notre siège, merci de mettre à jour l’adresse de facturation.',
    priority: CALM_MIX,
  },
];

const TECHNICIAN_TICKET_TEMPLATES: TicketTemplate[] = [
  {
    category: 'OPPORTUNITY',
    subject: 'Opportunité : remplacement du tableau',
    description: 'Tableau vétuste constaté lors de l’entretien, le client souhaite un devis.',
    quote: 'tableau',
  },
  {
    category: 'OPPORTUNITY',
    subject: 'Opportunité : borne de recharge',
    description: 'Le client a un véhicule électrique et recharge sur une prise domestique.',
    quote: 'irve',
  },
  {
    category: 'OPPORTUNITY',
    subject: 'Opportunité : passage en LED',
    description: 'Local commercial éclairé en tubes fluorescents, gérant intéressé par la LED.',
    quote: 'led',
  },
  {
    category: 'OTHER',
    subject: 'Matériel à commander',
    description: 'Différentiel type B à commander pour la suite du chantier.',
    priority: CALM_MIX,
  },
  {
    category: 'BREAKDOWN',
    subject: 'Retour nécessaire chez le client',
    description: 'Pièce manquante, il faut repasser pour terminer la réparation.',
    priority: HIGH_MIX,
  },
];

const FOLLOW_UP_NOTES = [
  'Client rappelé, rendez-vous proposé.',
  'Rendez-vous planifié avec le technicien du secteur.',
  'Message laissé sur le répondeur.',
  'Devis envoyé par e-mail.',
  'En attente de photos du tableau de la part du client.',
  'Facture renvoyée par e-mail.',
  'Explications données au client, il rappellera si besoin.',
  'Transmis à Philippe pour validation.',
];

const RESOLUTION_NOTES = [
  'Intervention planifiée, ticket résolu.',
  'Devis envoyé, le client reviendra vers nous.',
  'Information transmise au client.',
  'Problème réglé lors de l’intervention.',
  'Rendez-vous confirmé au client.',
];

function buildTickets(dice: Dice, calendar: Calendar, data: DemoData, staff: Staff, customers: CustomerPlan[]): TicketPlan[] {
  const times = Array.from({ length: TICKET_COUNT }, () => pastOfficeInstant(dice, calendar, 480, 1110, 20)).sort(
    (a, b) => a.getTime() - b.getTime(),
  );
  const portalCustomers = customers.filter((customer) => customer.portalUser && !customer.isDemo);
  const regularCustomers = customers.filter((customer) => !customer.isDemo);
  const tickets = times.map((createdAt) => planTicket(dice, staff, createdAt, regularCustomers, portalCustomers));
  markOpenTickets(dice, calendar, tickets);

  for (const ticket of tickets) {
    settleTicketTimes(dice, calendar, ticket);
    data.tickets.push(ticketRow(ticket));
    addTicketTimeline(dice, calendar, data, staff, ticket);
  }
  return tickets;
}

function planTicket(dice: Dice, staff: Staff, createdAt: Date, customers: CustomerPlan[], portalCustomers: CustomerPlan[]): TicketPlan {
  const source = dice.weighted<TicketSource>([
    ['PHONE', 45],
    ['EMAIL', 35],
    ['PORTAL', 14],
    ['TECHNICIAN', 6],
  ]);
  const known = source === 'PORTAL' || source === 'TECHNICIAN' || dice.chance(source === 'EMAIL' ? 0.9 : 0.92);
  const customer = known ? dice.pick(source === 'PORTAL' ? portalCustomers : customers) : null;
  const templates = (source === 'TECHNICIAN' ? TECHNICIAN_TICKET_TEMPLATES : TICKET_TEMPLATES).filter(
    (template) => !template.audience || (customer && template.audience.includes(customer.kind)),
  );
  const template = dice.pick(templates);
  return {
    id: dice.id(),
    createdAt,
    source,
    template,
    priority: dice.weighted(template.priority ?? CALM_MIX),
    status: 'CLOSED',
    customer,
    site: customer ? dice.pick(customer.sites) : null,
    author: source === 'TECHNICIAN' ? dice.pick(staff.technicians).user : null,
    assigneeId: dice.weighted<string | null>([
      [staff.assistant.id, 60],
      [staff.manager.id, 5],
      [null, 35],
    ]),
    firstRespondedAt: null,
    resolvedAt: null,
    closedAt: null,
    inboundMessageId: null,
  };
}

/** The inbox of today: the newest tickets are still being handled, plus a few waiting on the customer. */
function markOpenTickets(dice: Dice, calendar: Calendar, tickets: TicketPlan[]): void {
  const newest = tickets.slice(-(OPEN_TICKET_COUNT - 10));
  for (const ticket of newest) {
    // Requests of the last day are partly still untouched: the assistant is triaging them.
    const ageMinutes = (calendar.now.getTime() - ticket.createdAt.getTime()) / MINUTE;
    ticket.status =
      ageMinutes < 24 * 60 && dice.chance(0.6)
        ? 'NEW'
        : dice.weighted<TicketStatus>([
            ['OPEN', 65],
            ['PENDING', 35],
          ]);
    if (ticket.status === 'NEW') ticket.assigneeId = null;
  }
  const threeWeeksAgo = addMinutes(calendar.now, -21 * 24 * 60);
  const older = tickets.slice(0, -(OPEN_TICKET_COUNT - 10)).filter((ticket) => ticket.createdAt > threeWeeksAgo);
  for (const ticket of dice.sample(older, 10)) ticket.status = 'PENDING';
}

function settleTicketTimes(dice: Dice, calendar: Calendar, ticket: TicketPlan): void {
  const sla = slaFor(ticket.priority);
  const latest = addMinutes(calendar.now, -5);
  if (ticket.status === 'NEW') return;
  // About one ticket in ten misses its first-response target.
  const responseFactor = dice.chance(0.9)
    ? dice.faker.number.float({ min: 0.05, max: 0.9 })
    : dice.faker.number.float({ min: 1.1, max: 2 });
  ticket.firstRespondedAt = minDate(
    addBusinessMinutes(ticket.createdAt, Math.max(3, Math.round(sla.firstResponseMinutes * responseFactor))),
    latest,
  );
  if (ticket.status === 'OPEN' || ticket.status === 'PENDING') return;

  const resolutionFactor = dice.chance(0.88)
    ? dice.faker.number.float({ min: 0.1, max: 0.95 })
    : dice.faker.number.float({ min: 1.05, max: 1.8 });
  ticket.resolvedAt = maxDate(
    minDate(addBusinessMinutes(ticket.createdAt, Math.round(sla.resolutionMinutes * resolutionFactor)), latest),
    addMinutes(ticket.firstRespondedAt, 1),
  );
  const closedAt = addMinutes(ticket.resolvedAt, dice.int(2, 5) * 24 * 60);
  if (closedAt < latest) ticket.closedAt = closedAt;
  else ticket.status = 'RESOLVED';
}

function ticketRow(ticket: TicketPlan): Prisma.TicketCreateManyInput {
  return {
    id: ticket.id,
    subject: ticket.template.subject,
    description: ticket.template.description,
    source: ticket.source,
    category: ticket.template.category,
    priority: ticket.priority,
    status: ticket.status,
    assigneeId: ticket.assigneeId,
    customerId: ticket.customer?.id,
    siteId: ticket.site?.id,
    ...computeSlaDueAt(ticket.createdAt, slaFor(ticket.priority)),
    firstRespondedAt: ticket.firstRespondedAt,
    resolvedAt: ticket.resolvedAt,
    closedAt: ticket.closedAt,
    createdAt: ticket.createdAt,
  };
}

function addTicketTimeline(dice: Dice, calendar: Calendar, data: DemoData, staff: Staff, ticket: TicketPlan): void {
  const event = (kind: TicketEventKind, createdAt: Date, fields: Partial<Prisma.TicketEventCreateManyInput> = {}) =>
    data.ticketEvents.push({ id: dice.id(), ticketId: ticket.id, kind, createdAt, ...fields });
  const handlerId = ticket.assigneeId ?? staff.assistant.id;

  if (ticket.source === 'EMAIL') addInboundEmail(dice, data, ticket, event);
  if (ticket.source === 'PORTAL') addPortalMessage(dice, data, staff, ticket, event);
  if (ticket.source === 'TECHNICIAN') event('NOTE', ticket.createdAt, { authorId: ticket.author?.id, body: ticket.template.description });
  // PHONE tickets get their CALL event from the call that created them (see buildCalls).

  if (!ticket.firstRespondedAt) return;
  if (ticket.assigneeId)
    event('ASSIGNMENT', ticket.firstRespondedAt, { authorId: staff.assistant.id, data: { assigneeId: ticket.assigneeId } });
  event('STATUS_CHANGE', ticket.firstRespondedAt, { authorId: handlerId, data: { from: 'NEW', to: 'OPEN' } });
  if (ticket.source === 'EMAIL') addEmailReply(dice, data, staff, ticket, event);

  const end = ticket.resolvedAt ?? minDate(addMinutes(ticket.firstRespondedAt, 24 * 60), addMinutes(calendar.now, -1));
  for (let note = dice.int(0, 2); note > 0; note--) {
    event('NOTE', between(dice, ticket.firstRespondedAt, end), { authorId: handlerId, body: dice.pick(FOLLOW_UP_NOTES) });
  }
  if (ticket.status === 'PENDING') {
    event('STATUS_CHANGE', addMinutes(ticket.firstRespondedAt, 2), {
      authorId: handlerId,
      body: 'En attente du retour du client.',
      data: { from: 'OPEN', to: 'PENDING' },
    });
  }
  if (ticket.resolvedAt) {
    event('STATUS_CHANGE', ticket.resolvedAt, {
      authorId: handlerId,
      body: dice.pick(RESOLUTION_NOTES),
      data: { from: 'OPEN', to: 'RESOLVED' },
    });
  }
  if (ticket.closedAt) {
    event('STATUS_CHANGE', ticket.closedAt, {
      body: 'Clôture automatique sans retour du client.',
      data: { from: 'RESOLVED', to: 'CLOSED' },
    });
  }
}

type AddEvent = (kind: TicketEventKind, createdAt: Date, fields?: Partial<Prisma.TicketEventCreateManyInput>) => void;

function addInboundEmail(dice: Dice, data: DemoData, ticket: TicketPlan, event: AddEvent): void {
  const id = dice.id();
  const messageId = `<${dice.id()}@${ticket.customer?.emails[0]?.split('@')[1] ?? 'gmail.com'}>`;
  const from = ticket.customer?.emails[0] ?? dice.faker.internet.email().toLowerCase();
  const signature = ticket.customer?.signerName ?? '';
  const sentAt = addMinutes(ticket.createdAt, -1);
  ticket.inboundMessageId = messageId;
  data.emailMessages.push({
    id,
    direction: 'INBOUND',
    status: 'RECEIVED',
    messageId,
    fromAddress: from,
    toAddresses: [COMPANY_EMAIL],
    ccAddresses: [],
    references: [],
    subject: ticket.template.subject,
    textBody: `Bonjour,\n\n${ticket.template.description}\n\nCordialement,\n${signature}`.trim(),
    ticketId: ticket.id,
    customerId: ticket.customer?.id,
    sentAt,
    createdAt: ticket.createdAt,
  });
  event('EMAIL_IN', ticket.createdAt, { body: ticket.template.description, emailMessageId: id });
}

function addEmailReply(dice: Dice, data: DemoData, staff: Staff, ticket: TicketPlan, event: AddEvent): void {
  const inReplyTo = ticket.inboundMessageId;
  const to = ticket.customer?.emails[0];
  if (!inReplyTo || !to || !ticket.firstRespondedAt) return;
  const id = dice.id();
  const body = `Bonjour,\n\nNous avons bien reçu votre demande et revenons vers vous très rapidement.\n\nBien cordialement,\n${staff.assistant.name}\nDuret Électricité — 01 45 00 00 00`;
  data.emailMessages.push({
    id,
    direction: 'OUTBOUND',
    status: 'SENT',
    messageId: `<${dice.id()}@duret-electricite.fr>`,
    inReplyTo,
    references: [inReplyTo],
    fromAddress: COMPANY_EMAIL,
    toAddresses: [to],
    ccAddresses: [],
    subject: `Re: ${ticket.template.subject}`,
    textBody: body,
    ticketId: ticket.id,
    customerId: ticket.customer?.id,
    sentAt: ticket.firstRespondedAt,
    createdAt: ticket.firstRespondedAt,
  });
  event('EMAIL_OUT', ticket.firstRespondedAt, { authorId: staff.assistant.id, body, emailMessageId: id });
}

function addPortalMessage(dice: Dice, data: DemoData, staff: Staff, ticket: TicketPlan, event: AddEvent): void {
  const customer = ticket.customer;
  if (!customer) return;
  data.messages.push({
    id: dice.id(),
    customerId: customer.id,
    authorId: customer.portalUser?.id,
    ticketId: ticket.id,
    direction: 'FROM_CUSTOMER',
    body: ticket.template.description,
    readAt: ticket.firstRespondedAt ?? null,
    createdAt: ticket.createdAt,
  });
  event('MESSAGE', ticket.createdAt, { authorId: customer.portalUser?.id, body: ticket.template.description });
  if (!ticket.firstRespondedAt) return;
  const reply = 'Bonjour, merci pour votre message. Nous revenons vers vous dans la journée pour vous proposer un créneau.';
  const replyAt = addMinutes(ticket.firstRespondedAt, 1);
  data.messages.push({
    id: dice.id(),
    customerId: customer.id,
    authorId: staff.assistant.id,
    ticketId: ticket.id,
    direction: 'FROM_STAFF',
    body: reply,
    readAt: dice.chance(0.7) ? addMinutes(replyAt, dice.int(20, 600)) : null,
    createdAt: replyAt,
  });
  event('MESSAGE', replyAt, { authorId: staff.assistant.id, body: reply });
}

function between(dice: Dice, from: Date, to: Date): Date {
  const span = to.getTime() - from.getTime();
  return span <= 0 ? from : new Date(from.getTime() + dice.int(0, span));
}

// ───────────────────────────── Calls ─────────────────────────────

function buildCalls(
  dice: Dice,
  calendar: Calendar,
  data: DemoData,
  staff: Staff,
  customers: CustomerPlan[],
  tickets: TicketPlan[],
  phones: UniquePool,
): void {
  const linkedTarget = Math.round(CALL_COUNT * 0.7);
  const missedTarget = Math.round(CALL_COUNT * 0.08);
  const unknownNumber = () => phones.claim(() => frenchPhone(dice, dice.chance(0.6) ? 'mobile' : 'landline'));
  const answerer = () =>
    dice.weighted([
      [staff.assistant.id, 85],
      [staff.manager.id, 15],
    ]);
  const calls = data.calls;

  for (const ticket of tickets) {
    if (ticket.source !== 'PHONE') continue;
    const startedAt = addMinutes(ticket.createdAt, -dice.int(1, 4));
    const from = ticket.customer ? dice.pick(ticket.customer.phones) : unknownNumber();
    const call = answeredCall(dice, 'INBOUND', from, startedAt, ticket.customer, ticket.id, answerer());
    calls.push(call);
    data.ticketEvents.push(callEvent(dice, ticket.id, call));
  }

  const followable = tickets.filter((ticket) => ticket.customer && ticket.firstRespondedAt);
  while (calls.length < linkedTarget && followable.length > 0) {
    const ticket = dice.pick(followable);
    const customer = ticket.customer;
    const from = ticket.firstRespondedAt;
    if (!customer || !from) continue;
    // Calls last up to a quarter of an hour: the latest one still ends before now.
    const until = ticket.resolvedAt ?? addMinutes(calendar.now, -30);
    const startedAt = officeInstantBetween(dice, calendar, from, until);
    const outbound = dice.chance(0.4);
    const number = dice.pick(customer.phones);
    const call = outbound
      ? answeredCall(dice, 'OUTBOUND', number, startedAt, customer, ticket.id, answerer())
      : answeredCall(dice, 'INBOUND', number, startedAt, customer, ticket.id, answerer());
    calls.push(call);
    data.ticketEvents.push(callEvent(dice, ticket.id, call));
  }

  for (let missed = 0; missed < missedTarget; missed++) {
    // Missed calls cluster at lunch time and at the end of the day.
    const window = dice.weighted([
      [[720, 840], 45],
      [[1050, 1140], 25],
      [[480, 1110], 30],
    ] as const);
    const startedAt = pastOfficeInstant(dice, calendar, window[0], window[1]);
    const customer = dice.chance(0.7) ? dice.pick(customers) : null;
    const from = customer ? dice.pick(customer.phones) : unknownNumber();
    calls.push(missedCall(dice, from, startedAt, customer));
  }

  while (calls.length < CALL_COUNT) {
    const startedAt = pastOfficeInstant(dice, calendar, 510, 1110);
    const customer = dice.chance(0.86) ? dice.pick(customers) : null;
    const number = customer ? dice.pick(customer.phones) : unknownNumber();
    const direction = customer && dice.chance(0.15) ? 'OUTBOUND' : 'INBOUND';
    calls.push(answeredCall(dice, direction, number, startedAt, customer, null, answerer()));
  }
}

function answeredCall(
  dice: Dice,
  direction: 'INBOUND' | 'OUTBOUND',
  customerNumber: string,
  startedAt: Date,
  customer: CustomerPlan | null,
  ticketId: string | null,
  answeredById: string,
): Prisma.CallCreateManyInput {
  const answeredAt = new Date(startedAt.getTime() + dice.int(3, direction === 'INBOUND' ? 25 : 15) * 1000);
  const durationSeconds = dice.weighted([
    [dice.int(20, 90), 35],
    [dice.int(91, 300), 45],
    [dice.int(301, 900), 20],
  ]);
  return {
    id: dice.id(),
    provider: 'generic',
    providerCallId: `call-${dice.id()}`,
    direction,
    fromNumber: direction === 'INBOUND' ? customerNumber : COMPANY_PHONE,
    toNumber: direction === 'INBOUND' ? COMPANY_PHONE : customerNumber,
    startedAt,
    answeredAt,
    endedAt: new Date(answeredAt.getTime() + durationSeconds * 1000),
    missed: false,
    durationSeconds,
    customerId: customer?.id,
    ticketId,
    answeredById,
    createdAt: startedAt,
  };
}

function missedCall(dice: Dice, from: string, startedAt: Date, customer: CustomerPlan | null): Prisma.CallCreateManyInput {
  return {
    id: dice.id(),
    provider: 'generic',
    providerCallId: `call-${dice.id()}`,
    direction: 'INBOUND',
    fromNumber: from,
    toNumber: COMPANY_PHONE,
    startedAt,
    endedAt: new Date(startedAt.getTime() + dice.int(15, 45) * 1000),
    missed: true,
    customerId: customer?.id,
    createdAt: startedAt,
  };
}

function callEvent(dice: Dice, ticketId: string, call: Prisma.CallCreateManyInput): Prisma.TicketEventCreateManyInput {
  const seconds = call.durationSeconds ?? 0;
  const label = call.direction === 'INBOUND' ? 'Appel entrant' : 'Appel sortant';
  return {
    id: dice.id(),
    ticketId,
    kind: 'CALL',
    authorId: call.answeredById,
    callId: call.id,
    body: `${label} (${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s)`,
    data: { direction: call.direction, durationSeconds: seconds },
    createdAt: call.startedAt,
  };
}

// ───────────────────────────── Quotes ─────────────────────────────

interface QuoteTemplate {
  key: string;
  title: string;
  audience: CustomerKind[];
  /** [catalogue code, min quantity, max quantity, step] */
  lines: Array<[string, number, number, number?]>;
}

const QUOTE_TEMPLATES: QuoteTemplate[] = [
  {
    key: 'tableau',
    title: 'Remplacement du tableau électrique',
    audience: ['INDIVIDUAL', 'COMPANY'],
    lines: [
      ['TABLEAU-3R', 1, 1],
      ['DIFF-40A-A', 1, 1],
      ['DIFF-40A-AC', 2, 3],
      ['DISJ-16A', 6, 10],
      ['DISJ-20A', 2, 4],
      ['DISJ-32A', 1, 1],
      ['PARAFOUDRE', 1, 1],
      ['MO-H', 6, 10],
      ['DEPL', 1, 1],
    ],
  },
  {
    key: 'irve',
    title: 'Installation d’une borne de recharge 7,4 kW',
    audience: ['INDIVIDUAL', 'COMPANY', 'PROPERTY_MANAGER'],
    lines: [
      ['IRVE-7KW', 1, 1],
      ['DIFF-40A-A', 1, 1],
      ['DISJ-40A', 1, 1],
      ['CABLE-3G6', 8, 35, 0.5],
      ['GAINE-ICTA20', 8, 35, 0.5],
      ['MO-H', 4, 6],
      ['DEPL', 1, 1],
    ],
  },
  {
    key: 'conformite',
    title: 'Mise en conformité NF C 15-100',
    audience: ['INDIVIDUAL', 'COMPANY'],
    lines: [
      ['TERRE', 1, 1],
      ['LIAISON-SDB', 1, 1],
      ['DIFF-40A-A', 1, 2],
      ['PRISE-16A', 4, 10],
      ['CABLE-3G2.5', 10, 40, 0.5],
      ['MO-H', 8, 16],
      ['DEPL', 1, 1],
    ],
  },
  {
    key: 'cuisine',
    title: 'Création des circuits de la cuisine',
    audience: ['INDIVIDUAL'],
    lines: [
      ['PRISE-16A', 4, 6],
      ['PRISE-32A', 1, 1],
      ['CABLE-3G2.5', 15, 40, 0.5],
      ['CABLE-3G6', 5, 12, 0.5],
      ['BOITE-ENC', 4, 8],
      ['DISJ-16A', 2, 3],
      ['DISJ-32A', 1, 1],
      ['MO-H', 4, 8],
      ['DEPL', 1, 1],
    ],
  },
  {
    key: 'chauffe-eau',
    title: 'Remplacement du chauffe-eau 200 L',
    audience: ['INDIVIDUAL'],
    lines: [
      ['CHAUFFE-EAU-200', 1, 1],
      ['GROUPE-SECU', 1, 1],
      ['MO-H', 3, 4],
      ['DEPL', 1, 1],
    ],
  },
  {
    key: 'vmc',
    title: 'Installation d’une VMC hygroréglable',
    audience: ['INDIVIDUAL'],
    lines: [
      ['VMC-HYGRO', 1, 1],
      ['BOUCHE-VMC', 2, 4],
      ['CABLE-3G1.5', 5, 15, 0.5],
      ['MO-H', 4, 6],
      ['DEPL', 1, 1],
    ],
  },
  {
    key: 'radiateurs',
    title: 'Remplacement des radiateurs électriques',
    audience: ['INDIVIDUAL'],
    lines: [
      ['RAD-INERTIE', 3, 6],
      ['THERMOSTAT', 1, 1],
      ['MO-H', 4, 8],
      ['DEPL', 1, 1],
    ],
  },
  {
    key: 'led',
    title: 'Passage en éclairage LED',
    audience: ['COMPANY'],
    lines: [
      ['DALLE-LED', 10, 40],
      ['BAES', 2, 6],
      ['CABLE-3G1.5', 20, 60, 0.5],
      ['MO-H', 6, 14],
      ['DEPL', 1, 1],
    ],
  },
  {
    key: 'visiophone',
    title: 'Remplacement de l’interphone par un visiophone',
    audience: ['PROPERTY_MANAGER'],
    lines: [
      ['VISIOPHONE', 1, 2],
      ['CABLE-3G1.5', 10, 30, 0.5],
      ['MO-H', 3, 6],
      ['DEPL', 1, 1],
    ],
  },
  {
    key: 'prises',
    title: 'Ajout de prises et points lumineux',
    audience: ['INDIVIDUAL', 'COMPANY', 'PROPERTY_MANAGER'],
    lines: [
      ['PRISE-16A', 2, 8],
      ['INTER-VV', 1, 3],
      ['BOITE-ENC', 3, 10],
      ['CABLE-3G1.5', 5, 20, 0.5],
      ['CABLE-3G2.5', 5, 25, 0.5],
      ['MO-H', 2, 6],
      ['DEPL', 1, 1],
    ],
  },
];

const VAT_ATTESTATION =
  'Le client atteste que les travaux sont réalisés dans des locaux affectés à l’habitation achevés depuis plus de deux ans (article 279-0 bis du CGI).';

interface QuoteOrigin {
  customer: CustomerPlan;
  site: SitePlan | null;
  createdAt: Date;
  templateKey: string | null;
  ticketId?: string;
  interventionId?: string;
  createdById: string;
  forcedStatus?: QuoteStatus;
  mustInvoice?: boolean;
}

function buildQuotes(
  dice: Dice,
  calendar: Calendar,
  reference: ReferenceData,
  data: DemoData,
  staff: Staff,
  customers: CustomerPlan[],
  interventions: InterventionPlan[],
  tickets: TicketPlan[],
): QuotePlan[] {
  const origins = [
    ...demoCustomerQuoteOrigins(calendar, staff, customers),
    ...quoteOriginsFromInterventions(dice, calendar, staff, interventions),
    ...quoteOriginsFromTickets(dice, calendar, staff, tickets),
  ].slice(0, QUOTE_COUNT);
  const others = customers.filter((customer) => !customer.isDemo);
  while (origins.length < QUOTE_COUNT) {
    const customer = dice.pick(others);
    origins.push({
      customer,
      site: dice.pick(customer.sites),
      createdAt: pastOfficeInstant(dice, calendar),
      templateKey: null,
      createdById: staff.assistant.id,
    });
  }
  origins.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  const quotes: QuotePlan[] = [];
  const perYear = new Map<number, number>();
  for (const origin of origins) {
    const year = Number(parisDay(origin.createdAt).slice(0, 4));
    const sequence = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, sequence);
    quotes.push(buildQuote(dice, calendar, reference, data, origin, `D-${year}-${String(sequence).padStart(5, '0')}`));
  }
  for (const [year, value] of perYear) data.numberSequences.push({ name: 'quote', year, value });
  return quotes;
}

/** The demo customer's quotes: one accepted and invoiced, one waiting for a signature. */
function demoCustomerQuoteOrigins(calendar: Calendar, staff: Staff, customers: CustomerPlan[]): QuoteOrigin[] {
  const demo = customers.find((customer) => customer.isDemo);
  const site = demo?.sites[0];
  if (!demo || !site) return [];
  const gaetan = staff.technicians[0]?.user.id ?? staff.assistant.id;
  return [
    {
      customer: demo,
      site,
      createdAt: atParisMinute(nextWorkingDay(calendar, addDays(calendar.today, -45)), 615),
      templateKey: 'tableau',
      createdById: gaetan,
      forcedStatus: 'ACCEPTED',
      mustInvoice: true,
    },
    {
      customer: demo,
      site,
      createdAt: minDate(atParisMinute(addDays(calendar.today, -5), 660), addMinutes(calendar.now, -60)),
      templateKey: 'irve',
      createdById: staff.assistant.id,
      forcedStatus: 'SENT',
    },
  ];
}

function quoteOriginsFromInterventions(dice: Dice, calendar: Calendar, staff: Staff, interventions: InterventionPlan[]): QuoteOrigin[] {
  const origins: QuoteOrigin[] = [];
  for (const intervention of interventions) {
    const { appointment, clockOutAt } = intervention;
    if (!clockOutAt || appointment.site.customer.isDemo) continue;
    const fromQuoteVisit = appointment.service.code === 'DEVIS';
    if (!fromQuoteVisit && !(intervention.opportunityQuote && dice.chance(0.6))) continue;
    const onSite = dice.chance(0.3);
    const createdAt = onSite
      ? addMinutes(clockOutAt, -10)
      : minDate(addMinutes(clockOutAt, dice.int(120, 3 * 24 * 60)), addMinutes(calendar.now, -30));
    origins.push({
      customer: appointment.site.customer,
      site: appointment.site,
      createdAt,
      templateKey: intervention.opportunityQuote,
      interventionId: intervention.id,
      createdById: onSite ? appointment.technician.user.id : staff.assistant.id,
    });
  }
  return origins;
}

function quoteOriginsFromTickets(dice: Dice, calendar: Calendar, staff: Staff, tickets: TicketPlan[]): QuoteOrigin[] {
  return tickets.flatMap((ticket): QuoteOrigin[] => {
    if (!ticket.template.quote || !ticket.customer || !ticket.firstRespondedAt || !dice.chance(0.6)) return [];
    return [
      {
        customer: ticket.customer,
        site: ticket.site,
        createdAt: minDate(addMinutes(ticket.firstRespondedAt, dice.int(60, 4 * 24 * 60)), addMinutes(calendar.now, -30)),
        templateKey: ticket.template.quote,
        ticketId: ticket.id,
        createdById: staff.assistant.id,
      },
    ];
  });
}

function buildQuote(
  dice: Dice,
  calendar: Calendar,
  reference: ReferenceData,
  data: DemoData,
  origin: QuoteOrigin,
  number: string,
): QuotePlan {
  const { customer } = origin;
  const template =
    QUOTE_TEMPLATES.find((candidate) => candidate.key === origin.templateKey && candidate.audience.includes(customer.kind)) ??
    dice.pick(QUOTE_TEMPLATES.filter((candidate) => candidate.audience.includes(customer.kind)));
  const id = dice.id();
  const lines = quoteLines(dice, reference, template, customer.kind);
  const totalHtCents = lines.reduce((sum, line) => sum + line.totalHtCents, 0);
  const totalVatCents = lines.reduce((sum, line) => sum + Math.round((line.totalHtCents * line.vatRateBp) / 10000), 0);
  lines.forEach((line, index) => data.quoteLines.push({ ...line, id: dice.id(), quoteId: id, position: index + 1 }));

  const validUntilDay = addDays(parisDay(origin.createdAt), 30);
  const status = origin.forcedStatus ?? quoteStatus(dice, calendar, origin.createdAt);
  const sentAt = status === 'DRAFT' ? null : addMinutes(origin.createdAt, dice.int(5, 240));
  const decisionAt = sentAt && (status === 'ACCEPTED' || status === 'REFUSED') ? decisionTime(dice, calendar, sentAt, validUntilDay) : null;
  const acceptedAt = status === 'ACCEPTED' ? decisionAt : null;

  data.quotes.push({
    id,
    number,
    customerId: customer.id,
    siteId: origin.site?.id,
    ticketId: origin.ticketId,
    interventionId: origin.interventionId,
    title: template.title,
    status,
    validUntil: dateOnly(validUntilDay),
    isFree: true,
    travelCostCents: 0,
    totalHtCents,
    totalVatCents,
    totalTtcCents: totalHtCents + totalVatCents,
    vatAttestation: lines.some((line) => line.vatRateBp < 2000) ? VAT_ATTESTATION : null,
    createdById: origin.createdById,
    sentAt,
    acceptedAt,
    acceptedByName: acceptedAt ? customer.signerName : null,
    acceptedHash: acceptedAt ? sha256(`${number}|${totalHtCents}|${totalVatCents}|${acceptedAt.toISOString()}`) : null,
    acceptedIp: acceptedAt ? dice.faker.internet.ipv4() : null,
    refusedAt: status === 'REFUSED' ? decisionAt : null,
    createdAt: origin.createdAt,
  });
  return {
    id,
    customer,
    createdAt: origin.createdAt,
    status,
    acceptedAt,
    totalHtCents,
    totalTtcCents: totalHtCents + totalVatCents,
    mustInvoice: origin.mustInvoice ?? false,
  };
}

function quoteStatus(dice: Dice, calendar: Calendar, createdAt: Date): QuoteStatus {
  const ageDays = (calendar.now.getTime() - createdAt.getTime()) / DAY;
  if (ageDays > 30)
    return dice.weighted<QuoteStatus>([
      ['ACCEPTED', 45],
      ['REFUSED', 20],
      ['EXPIRED', 35],
    ]);
  if (ageDays < 1)
    return dice.weighted<QuoteStatus>([
      ['DRAFT', 50],
      ['SENT', 50],
    ]);
  return dice.weighted<QuoteStatus>([
    ['DRAFT', ageDays < 10 ? 5 : 0],
    ['SENT', 50],
    ['ACCEPTED', 35],
    ['REFUSED', 10],
  ]);
}

/** Acceptance or refusal: after sending, before the validity end and before now. */
function decisionTime(dice: Dice, calendar: Calendar, sentAt: Date, validUntilDay: Day): Date {
  const latest = minDate(atParisMinute(validUntilDay, 1080), addMinutes(calendar.now, -10));
  return between(dice, addMinutes(sentAt, 30), maxDate(latest, addMinutes(sentAt, 31)));
}

function quoteLines(
  dice: Dice,
  reference: ReferenceData,
  template: QuoteTemplate,
  kind: CustomerKind,
): Array<Omit<Prisma.QuoteLineCreateManyInput, 'quoteId' | 'position'> & { totalHtCents: number; vatRateBp: number }> {
  return template.lines.flatMap(([code, min, max, step = 1]) => {
    const item = reference.catalog.get(code);
    if (!item) return [];
    const quantity = dice.int(Math.round(min / step), Math.round(max / step)) * step;
    // Quantities have at most three decimals: work in thousandths to stay exact.
    const totalHtCents = Math.round((Math.round(quantity * 1000) * item.unitPriceCents) / 1000);
    return [
      {
        catalogItemId: item.id,
        label: item.label,
        quantity: Number.isInteger(quantity) ? String(quantity) : quantity.toFixed(1),
        unit: item.unit,
        unitPriceCents: item.unitPriceCents,
        vatRateBp: lineVatRate(kind, item.vatRateBp),
        totalHtCents,
      },
    ];
  });
}

/** Works in homes over two years old take 10 % (5.5 % for energy renovation); businesses pay 20 %. */
function lineVatRate(kind: CustomerKind, catalogRateBp: number): number {
  if (kind === 'COMPANY') return 2000;
  return catalogRateBp === 550 ? 550 : 1000;
}

// ───────────────────────────── Invoices ─────────────────────────────

interface InvoiceDraft {
  customerId: string;
  quoteId: string | null;
  issuedDay: Day;
  totalHtCents: number;
  totalTtcCents: number;
  mustKeep: boolean;
}

function buildInvoices(
  dice: Dice,
  calendar: Calendar,
  reference: ReferenceData,
  data: DemoData,
  quotes: QuotePlan[],
  contracts: ContractPlan[],
  interventions: InterventionPlan[],
): void {
  const fromQuotes = invoicesFromQuotes(dice, calendar, quotes);
  const fromContracts = invoicesFromContracts(calendar, contracts);
  const fromRepairs = invoicesFromRepairs(dice, calendar, reference, interventions);
  const required = [...fromQuotes, ...fromContracts].filter((draft) => draft.mustKeep);
  const optional = [...fromQuotes, ...fromContracts].filter((draft) => !draft.mustKeep);
  const drafts = [...required, ...dice.shuffle(optional), ...dice.shuffle(fromRepairs)].slice(0, INVOICE_COUNT);

  // Invoice numbers follow issue dates without gaps, restarting each year.
  drafts.sort((a, b) => a.issuedDay.localeCompare(b.issuedDay));
  const perYear = new Map<number, number>();
  for (const draft of drafts) {
    const year = Number(draft.issuedDay.slice(0, 4));
    const sequence = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, sequence);
    const { status, paidCents } = paymentOf(dice, calendar, draft);
    data.invoices.push({
      id: dice.id(),
      number: `F-${year}-${String(sequence).padStart(5, '0')}`,
      customerId: draft.customerId,
      quoteId: draft.quoteId,
      status,
      issuedAt: dateOnly(draft.issuedDay),
      dueAt: dateOnly(addDays(draft.issuedDay, 30)),
      totalHtCents: draft.totalHtCents,
      totalTtcCents: draft.totalTtcCents,
      paidCents,
      createdAt: minDate(atParisMinute(draft.issuedDay, 1020), calendar.now),
    });
  }
  for (const [year, value] of perYear) data.numberSequences.push({ name: 'invoice', year, value });
}

function invoicesFromQuotes(dice: Dice, calendar: Calendar, quotes: QuotePlan[]): InvoiceDraft[] {
  return quotes.flatMap((quote): InvoiceDraft[] => {
    if (!quote.acceptedAt) return [];
    // Works are invoiced once done, one to three weeks after acceptance.
    const issuedDay = nextWorkingDay(calendar, addDays(parisDay(quote.acceptedAt), quote.mustInvoice ? 10 : dice.int(7, 21)));
    if (issuedDay > calendar.today) return [];
    return [
      {
        customerId: quote.customer.id,
        quoteId: quote.id,
        issuedDay,
        totalHtCents: quote.totalHtCents,
        totalTtcCents: quote.totalTtcCents,
        mustKeep: quote.mustInvoice,
      },
    ];
  });
}

function invoicesFromContracts(calendar: Calendar, contracts: ContractPlan[]): InvoiceDraft[] {
  return contracts.flatMap((contract): InvoiceDraft[] => {
    const anniversary = contract.status === 'EXPIRED' ? null : addMonths(contract.renewalDay, -12);
    if (!anniversary || anniversary < calendar.firstDay || anniversary > calendar.today) return [];
    const issuedDay = nextWorkingDay(calendar, anniversary);
    if (issuedDay > calendar.today) return [];
    const vat = Math.round((contract.priceCents * contract.vatRateBp) / 10000);
    return [
      {
        customerId: contract.customer.id,
        quoteId: null,
        issuedDay,
        totalHtCents: contract.priceCents,
        totalTtcCents: contract.priceCents + vat,
        mustKeep: contract.customer.isDemo,
      },
    ];
  });
}

function invoicesFromRepairs(dice: Dice, calendar: Calendar, reference: ReferenceData, interventions: InterventionPlan[]): InvoiceDraft[] {
  const repairPrice = reference.services.get('DEPANNAGE')?.priceCents ?? 9500;
  return interventions.flatMap((intervention): InvoiceDraft[] => {
    const { appointment, clockOutAt } = intervention;
    if (!clockOutAt || appointment.service.code !== 'DEPANNAGE') return [];
    const issuedDay = nextWorkingDay(calendar, addDays(parisDay(clockOutAt), dice.int(0, 3)));
    if (issuedDay > calendar.today) return [];
    const customer = appointment.site.customer;
    const totalHtCents = repairPrice + intervention.materialsHtCents;
    const vat = Math.round((totalHtCents * (customer.kind === 'COMPANY' ? 2000 : 1000)) / 10000);
    return [{ customerId: customer.id, quoteId: null, issuedDay, totalHtCents, totalTtcCents: totalHtCents + vat, mustKeep: false }];
  });
}

function paymentOf(dice: Dice, calendar: Calendar, draft: InvoiceDraft): { status: InvoiceStatus; paidCents: number } {
  // Most customers pay within the 30-day term; a few are late or paid a deposit only.
  const ageDays = daysBetween(draft.issuedDay, calendar.today);
  const mix: ReadonlyArray<readonly [InvoiceStatus, number]> =
    ageDays > 60
      ? [
          ['PAID', 92],
          ['PARTIALLY_PAID', 3],
          ['ISSUED', 5],
        ]
      : ageDays > 30
        ? [
            ['PAID', 75],
            ['PARTIALLY_PAID', 8],
            ['ISSUED', 17],
          ]
        : [
            ['PAID', 35],
            ['PARTIALLY_PAID', 10],
            ['ISSUED', 55],
          ];
  const status = draft.mustKeep ? 'PAID' : dice.weighted(mix);
  if (status === 'PAID') return { status, paidCents: draft.totalTtcCents };
  if (status === 'PARTIALLY_PAID') return { status, paidCents: Math.round((draft.totalTtcCents * dice.pick([30, 40, 50])) / 100) };
  return { status, paidCents: 0 };
}

// ───────────────────────────── Demo customer's conversation ─────────────────────────────

function buildDemoConversation(dice: Dice, calendar: Calendar, data: DemoData, staff: Staff, customers: CustomerPlan[]): void {
  const demo = customers.find((customer) => customer.isDemo);
  if (!demo?.portalUser) return;
  const start = atParisMinute(nextWorkingDay(calendar, addDays(calendar.today, -6)), 1140);
  const conversation: Array<[string | null, 'FROM_CUSTOMER' | 'FROM_STAFF', string, number]> = [
    [
      demo.portalUser.id,
      'FROM_CUSTOMER',
      'Bonjour, pourriez-vous m’envoyer un devis pour une borne de recharge ? Nous venons d’acheter une voiture électrique.',
      0,
    ],
    [
      staff.assistant.id,
      'FROM_STAFF',
      'Bonjour Madame Bernard, avec plaisir. Gaëtan, qui connaît votre installation, prépare le devis : vous le recevrez dans votre espace client.',
      14 * 60,
    ],
    [
      demo.portalUser.id,
      'FROM_CUSTOMER',
      'Merci beaucoup ! La place de parking est au sous-sol, à une quinzaine de mètres du tableau.',
      15 * 60,
    ],
  ];
  for (const [authorId, direction, body, offsetMinutes] of conversation) {
    const createdAt = minDate(addMinutes(start, offsetMinutes), addMinutes(calendar.now, -30));
    data.messages.push({ id: dice.id(), customerId: demo.id, authorId, direction, body, readAt: addMinutes(createdAt, 45), createdAt });
  }
}

// ───────────────────────────── Writing ─────────────────────────────

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) await insert(rows.slice(start, start + INSERT_BATCH));
}

/** Parents before children, so every foreign key already exists when its row arrives. */
async function insertDemoData(tx: Db, data: DemoData): Promise<void> {
  await insertInBatches(data.customers, (rows) => tx.customer.createMany({ data: rows }));
  await insertInBatches(data.sites, (rows) => tx.site.createMany({ data: rows }));
  await insertInBatches(data.contacts, (rows) => tx.contact.createMany({ data: rows }));
  await insertInBatches(data.equipment, (rows) => tx.equipment.createMany({ data: rows }));
  await insertInBatches(data.contracts, (rows) => tx.contract.createMany({ data: rows }));
  await insertInBatches(data.users, (rows) => tx.user.createMany({ data: rows }));
  await insertInBatches(data.credentials, (rows) => tx.passwordCredential.createMany({ data: rows }));
  await insertInBatches(data.technicians, (rows) => tx.technician.createMany({ data: rows }));
  await insertInBatches(data.workingHours, (rows) => tx.workingHours.createMany({ data: rows }));
  await insertInBatches(data.timeOff, (rows) => tx.timeOff.createMany({ data: rows }));
  await insertInBatches(data.appointments, (rows) => tx.appointment.createMany({ data: rows }));
  await insertInBatches(data.interventions, (rows) => tx.intervention.createMany({ data: rows }));
  await insertInBatches(data.interventionMaterials, (rows) => tx.interventionMaterial.createMany({ data: rows }));
  await insertInBatches(data.surveys, (rows) => tx.survey.createMany({ data: rows }));
  // Tickets go in creation order so their auto-incremented numbers are chronological.
  await insertInBatches(data.tickets, (rows) => tx.ticket.createMany({ data: rows }));
  await insertInBatches(data.calls, (rows) => tx.call.createMany({ data: rows }));
  await insertInBatches(data.emailMessages, (rows) => tx.emailMessage.createMany({ data: rows }));
  await insertInBatches(data.messages, (rows) => tx.message.createMany({ data: rows }));
  await insertInBatches(data.ticketEvents, (rows) => tx.ticketEvent.createMany({ data: rows }));
  await insertInBatches(data.quotes, (rows) => tx.quote.createMany({ data: rows }));
  await insertInBatches(data.quoteLines, (rows) => tx.quoteLine.createMany({ data: rows }));
  await insertInBatches(data.invoices, (rows) => tx.invoice.createMany({ data: rows }));
  for (const sequence of data.numberSequences) {
    await tx.numberSequence.upsert({
      where: { name_year: { name: sequence.name, year: sequence.year } },
      create: sequence,
      update: { value: sequence.value ?? 0 },
    });
  }
}
