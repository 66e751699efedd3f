/**
 * Data tables for the demo tenant's people: names from many languages (so search, sorting and diacritic folding are
 * exercised by ordinary data), departments and job titles. Plain data; the generator lives in demo-tenant.ts.
 */
import type { WeightedTable } from './prng.js';

/** First and last names that belong together, so generated people read as plausible. */
export interface DemoNameCulture {
  readonly first: readonly string[];
  readonly last: readonly string[];
}

/** Name cultures, weighted by how often the demo organisation's people come from each. */
export const DEMO_NAME_CULTURES: WeightedTable<DemoNameCulture> = [
  [{
    first: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Olivia', 'Jack', 'Poppy', 'Charlotte', 'James', 'Emily',
      'Thomas', 'Sophie', 'William', 'Grace', 'Daniel'],
    last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Davies', 'Evans', 'Roberts', 'Walker',
      'Wright', 'Hughes', 'Clarke', 'Patel', 'Ashworth', 'Fairbrother'],
  }, 16],
  [{
    first: ['Siobhán', 'Aoife', 'Seán', 'Niamh', 'Ciarán', 'Róisín', 'Pádraig', 'Eoin', 'Caoimhe', 'Darragh'],
    last: ["O'Brien", 'Murphy', 'Kelly', "O'Sullivan", 'Byrne', 'Ryan', 'Walsh', 'McCarthy', 'Ó Súilleabháin',
      "O'Connor"],
  }, 6],
  [{
    first: ['Michael', 'Jennifer', 'Christopher', 'Jessica', 'Matthew', 'Ashley', 'Joshua', 'Brittany', 'Tyler',
      'Madison', 'Ethan', 'Hannah', 'DeShawn', 'Kayla'],
    last: ['Johnson', 'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Anderson', 'Thompson', 'Washington', 'Nguyen',
      'Robinson', 'Whitaker', 'Bennett'],
  }, 14],
  [{
    first: ['Zoë', 'Jürgen', 'Jörg', 'Günter', 'Lukas', 'Lea', 'Felix', 'Mia', 'Maximilian', 'Björn', 'Sören', 'Käthe',
      'Anja', 'Uwe'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weiß', 'Schäfer', 'Becker', 'Hoffmann', 'Koch', 'Groß',
      'Köhler', 'Wagner', 'Krüger', 'Bräuer'],
  }, 10],
  [{
    first: ['Zoé', 'Chloé', 'Hélène', 'Léa', 'Amélie', 'Élodie', 'François', 'Jérôme', 'Benoît', 'Théo', 'Clément',
      'Noël', 'Anaïs', 'Gaëlle', 'Anne-Sophie', 'Jean-Baptiste'],
    last: ['Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Mercier', 'Fontaine', 'Bérenger', 'Duchêne', 'Rousseau',
      'Lemaître', 'Faure', 'Chevalier', 'Bonnet', 'de la Fontaine'],
  }, 8],
  [{
    first: ['José', 'María', 'Álvaro', 'Lucía', 'Sofía', 'Andrés', 'Begoña', 'Íñigo', 'Mónica', 'Raúl', 'Ramón',
      'Inés', 'María José'],
    last: ['Álvarez', 'García', 'Fernández', 'Martínez', 'Núñez', 'Pérez', 'Gómez', 'Sánchez', 'Muñoz', 'Ibáñez',
      'Jiménez', 'Ortega', 'de la Cruz'],
  }, 7],
  [{
    first: ['Łukasz', 'Małgorzata', 'Paweł', 'Agnieszka', 'Wojciech', 'Katarzyna', 'Grzegorz', 'Zofia', 'Michał',
      'Joanna', 'Bartłomiej', 'Ewa'],
    last: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymańska',
      'Woźniak', 'Dąbrowski', 'Kozłowska', 'Jankowski'],
  }, 5],
  [{
    first: ['Ingrid', 'Søren', 'Åsa', 'Bjørn', 'Astrid', 'Mads', 'Sigrid', 'Håkon', 'Freja', 'Lars', 'Linnéa',
      'Ørjan'],
    last: ['Sørensen', 'Johansson', 'Nielsen', 'Andersson', 'Hansen', 'Lindqvist', 'Ødegaard', 'Åberg', 'Bergström',
      'Kjær', 'Eriksson', 'Halvorsen'],
  }, 5],
  [{
    first: ['Sanne', 'Bram', 'Joost', 'Femke', 'Daan', 'Lotte', 'Ruud', 'Marieke'],
    last: ['de Vries', 'van der Berg', 'Jansen', 'Bakker', 'van Dijk', 'Visser', "van 't Hof", 'Smit'],
  }, 3],
  [{
    first: ['Priya', 'Arjun', 'Ananya', 'Rohan', 'Aditi', 'Vikram', 'Kavya', 'Rahul', 'Deepika', 'Sanjay'],
    last: ['Sharma', 'Patel', 'Iyer', 'Reddy', 'Gupta', 'Nair', 'Singh', 'Mukherjee', 'Krishnan', 'Desai'],
  }, 7],
  [{
    first: ['Wei', 'Mei', 'Hiroshi', 'Yuki', 'Min-jun', 'Ji-woo', 'Haruto', 'Sakura', 'Jun', 'Xin'],
    last: ['Wang', 'Li', 'Zhang', 'Chen', 'Tanaka', 'Suzuki', 'Kim', 'Park', 'Watanabe', 'Liu'],
  }, 6],
  [{
    first: ['Thảo', 'Minh', 'Linh', 'Đức', 'Phương', 'Quân'],
    last: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ'],
  }, 2],
  [{
    first: ['Çağla', 'Şule', 'Gökhan', 'İlker', 'Ömer', 'Ayşe', 'Emre', 'Özge'],
    last: ['Yılmaz', 'Öztürk', 'Çelik', 'Şahin', 'Doğan', 'Aydın', 'Kılıç', 'Arslan'],
  }, 3],
  [{
    first: ['Omar', 'Layla', 'Youssef', 'Fatima', 'Karim', 'Nour', 'Rania', 'Tariq'],
    last: ['Haddad', 'Khalil', 'Mansour', 'El-Amin', 'Saleh', 'Nasser', 'Bishara', 'Farouk'],
  }, 4],
  [{
    first: ['João', 'Conceição', 'Gonçalo', 'Leonor', 'Tiago', 'Beatriz', 'Sebastião'],
    last: ['Gonçalves', 'Araújo', 'Simões', 'Magalhães', 'Lopes', 'Brandão', 'Assunção'],
  }, 3],
];

/**
 * People every seed contains (with a business number), so demo scripts and stories can say "type mül" and find
 * someone. They are the names the product brief uses as examples.
 */
export const DEMO_FEATURED_NAMES: readonly (readonly [first: string, last: string])[] = [
  ['Zoë', 'Müller'],
  ['José', 'Álvarez'],
  ['Łukasz', 'Nowak'],
  ['Ingrid', 'Sørensen'],
  ['Siobhán', "O'Brien"],
];

/** The department a Teams user belongs to, with the titles people there hold. */
export interface DemoDepartment {
  readonly name: string;
  readonly titles: readonly string[];
}

/** Departments, weighted by their share of the demo organisation's people. */
export const DEMO_DEPARTMENTS: WeightedTable<DemoDepartment> = [
  [{ name: 'Sales', titles: ['Account Executive', 'Sales Manager', 'Business Development Representative',
    'Regional Sales Director', 'Sales Operations Analyst', 'Inside Sales Representative'] }, 16],
  [{ name: 'Support', titles: ['Support Engineer', 'Customer Support Specialist', 'Support Team Lead',
    'Technical Account Manager', 'Escalation Engineer'] }, 14],
  [{ name: 'Customer Service', titles: ['Contact Centre Agent', 'Senior Contact Centre Agent', 'Team Leader',
    'Workforce Planner', 'Quality Analyst', 'Contact Centre Manager'] }, 14],
  [{ name: 'Finance', titles: ['Financial Analyst', 'Accounts Payable Clerk', 'Financial Controller',
    'Finance Director', 'Payroll Specialist', 'Credit Controller'] }, 8],
  [{ name: 'IT', titles: ['Systems Administrator', 'Service Desk Analyst', 'Network Engineer', 'IT Manager',
    'Security Analyst', 'Microsoft 365 Administrator'] }, 9],
  [{ name: 'HR', titles: ['HR Business Partner', 'Recruiter', 'People Operations Coordinator', 'Head of People',
    'Learning and Development Manager'] }, 6],
  [{ name: 'Legal', titles: ['Legal Counsel', 'Paralegal', 'Contracts Manager', 'General Counsel',
    'Compliance Officer'] }, 4],
  [{ name: 'Marketing', titles: ['Marketing Manager', 'Content Strategist', 'Product Marketing Manager',
    'Events Coordinator', 'Brand Designer'] }, 8],
  [{ name: 'Operations', titles: ['Operations Manager', 'Facilities Coordinator', 'Logistics Planner',
    'Office Manager', 'Executive Assistant'] }, 9],
  [{ name: 'Engineering', titles: ['Software Engineer', 'Senior Software Engineer', 'Engineering Manager',
    'QA Engineer', 'Site Reliability Engineer'] }, 8],
  [{ name: 'Executive', titles: ['Chief Executive Officer', 'Chief Operating Officer', 'Chief Financial Officer',
    'Chief of Staff'] }, 1],
];

/** Departments whose people are most likely to be contact-centre agents, so linked agents land there first. */
export const AGENT_DEPARTMENTS: ReadonlySet<string> = new Set(['Customer Service', 'Support', 'Sales']);

/**
 * Letters that Unicode decomposition does not reduce to ASCII (NFD leaves "ł", "ø", "ß"… whole), mapped as
 * mail administrators usually do.
 */
const ASCII_FOLD: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i',
};

/** The local part of a mail address for a name: "Zoë Müller" → "zoe.muller", "Seán O'Brien" → "sean.obrien". */
export function mailLocalPart(first: string, last: string): string {
  const fold = (text: string): string =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[łŁøØđĐßæÆœŒı]/g, (letter) => ASCII_FOLD[letter] ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '');
  return `${fold(first)}.${fold(last)}`;
}
