/**
 * A deterministic directory for the benchmark: about 85% Microsoft Teams users (international names with
 * diacritics, job titles, departments, one or two numbers in several formats), the rest contact-centre agents,
 * groups, interaction plans, auto attendants, call queues and external contacts. Same seed, same directory.
 * Fast: string concatenation from small tables, no per-entry normalisation (about 0.1–0.3 s at 100,000).
 */
import { toPhoneNumber, type DirectoryEntry, type PhoneNumber, type PhoneNumberType, type PresenceRecord, type SignedInAgent, type VccState } from '../src/index.js';

const FIRST = [
  'Anna', 'Zoë', 'José', 'Łukasz', 'Søren', 'Björn', 'Renée', 'François', 'Chloé', 'Mateo', 'Sofía', 'Ahmed', 'Fatma',
  'Ayşe', 'Mehmet', 'Oğuz', 'Priya', 'Arjun', 'Wei', 'Mei', 'Hiroshi', 'Yuki', 'Kenji', 'Ji-woo', 'Minh', 'Ngọc', 'Thảo',
  'Olga', 'Dmitrij', 'Małgorzata', 'Zofia', 'Jiří', 'Tomáš', 'Ágnes', 'Zoltán', 'Siobhán', 'Seán', 'Niamh', 'Eoin',
  'Oliver', 'Emma', 'Liam', 'Noah', 'Amelia', 'Isabella', 'Lucas', 'Jonas', 'Lea', 'Jürgen', 'Sébastien', 'Inês', 'João',
  'Gonçalo', 'Åsa', 'Øystein', 'Halldóra', 'Þórunn', 'Đorđe', 'Nikola', 'Ivana', 'Kwame', 'Chidi', 'Adaeze', 'Carlos',
  'Lucía', 'Marta', 'Giulia', 'Lorenzo', 'Matteo', 'Aleksandra', 'Sarah', 'David', 'Michael', 'Laura', 'Hannah', 'Ben',
];
const LAST = [
  'Müller', 'Schmidt', 'Nowak', 'Kowalski', 'Wiśniewska', 'Dvořák', 'Novák', 'Horváth', 'Nagy', 'Kovačević', 'Jovanović',
  'Yılmaz', 'Öztürk', 'Çelik', 'García', 'Fernández', 'López', 'Núñez', 'Peña', 'Gonçalves', 'Sørensen', 'Jørgensen',
  'Andersson', 'Lindqvist', 'Åberg', 'Østergaard', 'Björklund', 'Häkkinen', 'Virtanen', "O'Brien", 'Ó Súilleabháin',
  'MacGregor', 'Smith', 'Johnson', 'Williams', 'Brown', 'Taylor', 'Davies', 'Evans', 'Dubois', 'Lefèvre', 'Girard',
  'Rossi', 'Bianchi', 'Esposito', 'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Kim', 'Park', 'Lee', 'Wang', 'Li', 'Zhang', 'Chen',
  'Tanaka', 'Suzuki', 'Satō', 'Patel', 'Sharma', 'Iyer', 'Okafor', 'Mensah', 'Adeyemi', 'Haddad', 'Khoury', 'Cohen',
  'Levi', 'Ivanov', 'Petrova', 'Kuznetsov', 'Popescu', 'Ionescu', 'Papadopoulos', 'Georgiou', 'van der Berg', 'de Vries',
  'Janssen', 'Schäfer', 'Weiß', 'Hoffmann',
];
const MIDDLE = ['A.', 'B.', 'C.', 'D.', 'E.', 'J.', 'K.', 'L.', 'M.', 'P.', 'R.', 'S.', 'T.'];
const TITLES = [
  'Account Manager', 'Software Engineer', 'Senior Software Engineer', 'Product Manager', 'Sales Representative',
  'Customer Service Agent', 'Team Lead', 'HR Business Partner', 'Financial Analyst', 'Legal Counsel', 'Office Manager',
  'Operations Manager', 'IT Support Specialist', 'Marketing Specialist', 'Data Scientist', 'Procurement Officer',
  'Chef de projet', 'Ingénieure logiciel', 'Responsable comptable', 'Vertriebsleiter', 'Sachbearbeiterin',
  'Técnico de soporte', 'Directora de ventas', 'Gerente de operaciones', 'Recepcionista',
];
const DEPARTMENTS = [
  'Finance', 'Legal', 'Sales', 'Marketing', 'Engineering', 'Human Resources', 'Customer Service', 'Operations',
  'IT Support', 'Procurement', 'Research & Development', 'Logistics', 'Compliance', 'Facilities', 'Product Management',
  'Comptabilité', 'Relations clients', 'Personalabteilung', 'Vertrieb', 'Atención al cliente', 'Contabilidad',
];
const CITIES = ['London', 'Manchester', 'Dublin', 'Paris', 'Lyon', 'Berlin', 'München', 'Madrid', 'Málaga', 'Lisboa',
  'Kraków', 'Praha', 'Budapest', 'Istanbul', 'København', 'Göteborg', 'Zürich', 'Wien', 'New York', 'Seattle', 'Toronto',
  'São Paulo', 'Singapore', 'Tokyo', 'Sydney'];
const TOPICS = ['Support', 'Billing', 'Sales', 'Renewals', 'Onboarding', 'Complaints', 'Reception', 'Claims', 'Bookings', 'Technical help'];
const ORGS = ['Woodgrove Logistics', 'Globex', 'Initech', 'Umbrella Insurance', 'Contoso Bank', 'Fabrikam', 'Northwind Traders', 'Tailspin Toys', 'Wingtip Travel', 'Litware'];
const VCC_STATES: readonly VccState[] = ['ready', 'ready-outbound', 'busy', 'wrap', 'away', 'extended-away', 'logged-out'];
const AVAILABILITY = ['Available', 'AvailableIdle', 'Busy', 'BusyIdle', 'Away', 'BeRightBack', 'DoNotDisturb', 'Offline'];
const ACTIVITY = ['Available', 'InACall', 'InAMeeting', 'Presenting', 'Away', 'OffWork', 'InAConferenceCall', 'Offline'];

/** ASCII for mail addresses, computed once per table entry (not per directory entry). */
const SPECIAL: Readonly<Record<string, string>> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', æ: 'ae', đ: 'd', Đ: 'D', ð: 'd', þ: 'th', Þ: 'Th', ß: 'ss', ı: 'i' };
function ascii(text: string): string {
  const spelt = [...text].map((char) => SPECIAL[char] ?? char).join('');
  return spelt.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^A-Za-z]/g, '').toLowerCase();
}
const FIRST_ASCII = FIRST.map(ascii);
const LAST_ASCII = LAST.map(ascii);

/** mulberry32: a small, fast, seeded generator. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateDirectory(size: number, seed = 20261125): { entries: DirectoryEntry[]; agent: SignedInAgent } {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  // Lookup tables (garbage once generation ends): number formatting per entry is what made generation slow.
  const HEX4 = Array.from({ length: 65536 }, (_, i) => i.toString(16).padStart(4, '0'));
  const DEC4 = Array.from({ length: 10000 }, (_, i) => String(i).padStart(4, '0'));
  const hex4 = () => HEX4[int(65536)]!;
  const guid = () => `${hex4()}${hex4()}-${hex4()}-4${hex4().slice(1)}-${hex4()}-${hex4()}${hex4()}${hex4()}`;

  /** One number in one of the formats directories really give. */
  const format = (d4: string): string => {
    switch (int(10)) {
      case 0: return `+44 20 7946 ${d4}`;
      case 1: return `020 7946 ${d4}`;
      case 2: return `+44 7700 900${d4.slice(1)}`;
      case 3: return `+1 (425) 555-${d4}`;
      case 4: return `+1 425.555.${d4}`;
      case 5: return `+49 30 9018 ${d4}`;
      case 6: return `+33 1 42 68 ${d4.slice(0, 2)} ${d4.slice(2)}`;
      case 7: return `+34 91 123 ${d4}`;
      case 8: return `+4420794${d4}`;
      default: return `+81 3-5555-${d4}`;
    }
  };
  const number = (type: PhoneNumberType): PhoneNumber => {
    const d4 = DEC4[int(10000)]!;
    const value = type === 'extension' ? d4 : format(d4);
    const phone = toPhoneNumber(value, type);
    if (!phone) throw new Error(`not a number: ${value}`);
    return phone;
  };
  const personName = (f: number, l: number) => (int(8) === 0 ? `${FIRST[f]!} ${pick(MIDDLE)} ${LAST[l]!}` : `${FIRST[f]!} ${LAST[l]!}`);

  const entries: DirectoryEntry[] = [];
  for (let i = 0; i < size; i++) {
    const roll = int(1000);
    if (roll < 850 || i === 0) {
      const f = int(FIRST.length);
      const l = int(LAST.length);
      const mail = `${FIRST_ASCII[f]!}.${LAST_ASCII[l]!}${i % 5 === 0 ? '' : String(i % 97)}@contoso.com`;
      const numbers = [number(int(3) === 0 ? 'mobile' : 'ddi')];
      if (int(10) < 3) numbers.push(number(int(2) === 0 ? 'business' : 'mobile'));
      entries.push({
        kind: 'teams-user', id: guid(), displayName: personName(f, l), numbers,
        mail, userPrincipalName: mail, jobTitle: pick(TITLES), department: pick(DEPARTMENTS),
      });
    } else if (roll < 910) {
      const f = int(FIRST.length);
      const l = int(LAST.length);
      const state = int(9);
      entries.push({
        kind: 'vcc-agent', id: `vcc-agent-${i}`, displayName: personName(f, l), numbers: int(3) === 0 ? [number('extension')] : [],
        mail: `${FIRST_ASCII[f]!}.${LAST_ASCII[l]!}@cc.contoso.com`,
        ...(state < VCC_STATES.length ? { vccState: VCC_STATES[state]! } : {}),
      });
    } else if (roll < 930) {
      entries.push({ kind: 'vcc-group', id: `vcc-group-${i}`, displayName: `${pick(TOPICS)} – ${pick(CITIES)} ${i}`, numbers: [], description: `Queue for ${pick(TOPICS).toLowerCase()}` });
    } else if (roll < 940) {
      entries.push({ kind: 'interaction-plan', id: `plan-${i}`, displayName: `IVR ${pick(TOPICS)} ${pick(CITIES)}`, numbers: [], description: 'Interaction plan' });
    } else if (roll < 960) {
      const city = pick(CITIES);
      entries.push({ kind: 'auto-attendant', id: guid(), displayName: `Reception ${city}`, numbers: [number('ddi')], userPrincipalName: `aa-${ascii(city)}-${i}@contoso.com` });
    } else if (roll < 980) {
      const topic = pick(TOPICS);
      entries.push({ kind: 'call-queue', id: guid(), displayName: `${topic} queue ${pick(CITIES)}`, numbers: [number('ddi')], userPrincipalName: `cq-${ascii(topic)}-${i}@contoso.com` });
    } else {
      const org = pick(ORGS);
      entries.push({ kind: 'external-contact', id: `contact-${i}`, displayName: `${org} – ${pick(TOPICS)}`, numbers: [number('business')], organization: org });
    }
  }
  // The agent is linked to a Teams user (so Teams entries are offered) and is not in the directory as an agent.
  return { entries, agent: { agentId: 'vcc-agent-self', linkedTeamsUserId: entries[0]!.id } };
}

/** A Graph presence for any id: never PresenceUnknown, so every Teams row gets a known icon. */
export function presenceRecord(id: string): PresenceRecord {
  const h = (id.charCodeAt(id.length - 1) + id.charCodeAt(id.length - 2) * 7) % AVAILABILITY.length;
  return { id, availability: AVAILABILITY[h]!, activity: ACTIVITY[h]! };
}

/**
 * What agents type: name prefixes (with and without diacritics), departments, job titles, mail, digits and numbers.
 * 1 to 6 characters each, typed one character at a time.
 */
export const QUERIES: readonly string[] = [
  'a', 'anna', 'anna m', 'zoe', 'zoë', 'jose', 'lukasz', 'søren', 'soren', 'müll', 'mull', 'nguyen', 'garc', 'o\'bri',
  'kim', 'li', 'wang', 'patel', 'sharma', 'ivanov', 'finan', 'legal', 'sales', 'engin', 'compta', 'vertri',
  'manag', 'chef', 'j', 's', 'm', 'e', '7946', '0207', '555', '+44 20', '4255', '9018', 'contos', 'queue', 'recep',
  'billin', 'fabrik', 'łuk', 'çelik', 'åberg', 'ng', 'th', 'x', 'zz',
];
