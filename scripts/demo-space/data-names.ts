/**
 * People of the fictional "Northwind Orbital" organization. The curated list covers many scripts and the
 * awkward cases a people search must handle (diacritics, apostrophes, CJK and RTL names, letters NFD cannot
 * decompose such as Ł/ø/ı, several "jo…" names); the pools fill the directory past one page of results.
 */

export type OfficeKey = 'AMS' | 'BER' | 'NYC' | 'TYO' | 'BLR';

/** An office or, for remote people, an IANA zone of their own. */
export type Whereabouts = { office: OfficeKey } | { remoteZone: string };

export interface CuratedPerson {
  firstName: string;
  lastName: string;
  username: string;
  where: Whereabouts;
  /** Team name from TEAMS in data-organization.ts; picked at random when absent. */
  team?: string;
  lead?: boolean;
  role?: string;
  about?: string;
  /** Languages as ISO codes besides English. */
  languages?: string[];
}

export const DEMO_USERNAME = 'alex.demo';

const office = (key: OfficeKey): Whereabouts => ({ office: key });
const remote = (zone: string): Whereabouts => ({ remoteZone: zone });

export const CURATED_PEOPLE: readonly CuratedPerson[] = [
  {
    firstName: 'Alex', lastName: 'Demo', username: DEMO_USERNAME, where: office('AMS'), team: 'Web Platform',
    role: 'Senior Software Engineer', about: 'Owner of the demo token. Builds the mission web tools.',
  },
  {
    firstName: 'Jonathan', lastName: 'Whitaker', username: 'jonathan.whitaker', where: office('NYC'),
    team: 'Flight Software', lead: true, role: 'Engineering Manager', about: 'Flight software lead. Ask me about the guidance loop.',
  },
  { firstName: 'Joanna', lastName: 'Smith', username: 'joanna.smith', where: office('NYC'), team: 'Flight Software', role: 'Software Engineer' },
  { firstName: 'José', lastName: 'Álvarez', username: 'jose.alvarez', where: remote('Europe/Madrid'), team: 'Ground Systems', languages: ['es'] },
  { firstName: 'Jörg', lastName: 'Müller', username: 'joerg.mueller', where: office('BER'), team: 'Navigation', lead: true, role: 'Engineering Manager', languages: ['de'] },
  { firstName: 'Johan', lastName: 'Lindqvist', username: 'johan.lindqvist', where: office('AMS'), team: 'Developer Productivity', languages: ['sv'] },
  { firstName: 'Josephine', lastName: 'Adeyemi', username: 'josephine.adeyemi', where: remote('Africa/Lagos'), team: 'Design', role: 'Product Designer' },
  { firstName: 'João', lastName: 'Gonçalves', username: 'joao.goncalves', where: remote('Europe/Lisbon'), team: 'Web Platform', languages: ['pt'] },
  { firstName: 'Jovana', lastName: 'Marković', username: 'jovana.markovic', where: office('BER'), team: 'Mission Control', languages: ['sr'] },
  { firstName: 'Jordan', lastName: 'Lee', username: 'jordan.lee', where: office('NYC'), team: 'Sales & Partnerships', role: 'Account Executive' },
  { firstName: 'Joshua', lastName: 'Bennett', username: 'joshua.bennett', where: remote('America/Los_Angeles'), team: 'IT & Security', role: 'Site Reliability Engineer' },
  { firstName: 'Joon-ho', lastName: 'Park', username: 'joonho.park', where: office('TYO'), team: 'Telemetry', languages: ['ko'] },
  { firstName: 'Zoë', lastName: 'Lambert', username: 'zoe.lambert', where: office('AMS'), team: 'Web Platform', lead: true, role: 'Engineering Manager', languages: ['fr', 'nl'] },
  { firstName: 'Łukasz', lastName: 'Wiśniewski', username: 'lukasz.wisniewski', where: office('BER'), team: 'Ground Systems', lead: true, role: 'Engineering Manager', languages: ['pl'] },
  { firstName: '太郎', lastName: '山田', username: 'taro.yamada', where: office('TYO'), team: 'Navigation', role: 'Flight Dynamics Engineer', languages: ['ja'] },
  { firstName: 'Siobhán', lastName: "O'Brien", username: 'siobhan.obrien', where: remote('Europe/Dublin'), team: 'People & Culture', lead: true, role: 'Recruiter', languages: ['ga'] },
  { firstName: 'Ἀθηνᾶ', lastName: 'Παπαδάκη', username: 'athina.papadaki', where: office('BER'), team: 'Data Science', role: 'Data Scientist', languages: ['el'] },
  { firstName: 'Дмитрий', lastName: 'Волков', username: 'dmitry.volkov', where: office('BER'), team: 'Flight Software', role: 'Senior Software Engineer', languages: ['ru'] },
  { firstName: 'محمد', lastName: 'الفارسي', username: 'mohammed.alfarsi', where: remote('Asia/Dubai'), team: 'Ground Systems', languages: ['ar'] },
  { firstName: 'Thị Lan', lastName: 'Nguyễn', username: 'lan.nguyen', where: remote('Asia/Ho_Chi_Minh'), team: 'QA', role: 'QA Engineer', languages: ['vi'] },
  { firstName: 'Søren', lastName: 'Østergaard', username: 'soren.ostergaard', where: office('AMS'), team: 'Mission Control', lead: true, role: 'Engineering Manager', languages: ['da'] },
  { firstName: 'Priya', lastName: 'Raghunathan', username: 'priya.raghunathan', where: office('BLR'), team: 'Telemetry', lead: true, role: 'Engineering Manager', languages: ['ta'] },
  { firstName: 'अनन्या', lastName: 'शर्मा', username: 'ananya.sharma', where: office('BLR'), team: 'Telemetry', languages: ['hi'] },
  { firstName: '芳', lastName: '王', username: 'fang.wang', where: office('TYO'), team: 'Data Science', lead: true, role: 'Data Scientist', languages: ['zh'] },
  { firstName: 'Ayşe', lastName: 'Yılmaz', username: 'ayse.yilmaz', where: office('BER'), team: 'QA', lead: true, role: 'QA Engineer', languages: ['tr'] },
  { firstName: 'François', lastName: 'Dubois-Lefèvre', username: 'francois.dubois', where: office('AMS'), team: 'Product Management', lead: true, role: 'Product Manager', languages: ['fr'] },
  { firstName: 'Björn', lastName: 'Þórsson', username: 'bjorn.thorsson', where: remote('Atlantic/Reykjavik'), team: 'IT & Security', lead: true, role: 'Site Reliability Engineer', languages: ['is'] },
  { firstName: 'Ngozi', lastName: 'Okonkwo', username: 'ngozi.okonkwo', where: office('NYC'), team: 'Engineering', lead: true, role: 'VP of Engineering' },
  { firstName: 'Małgorzata', lastName: 'Kowalczyk', username: 'malgorzata.kowalczyk', where: office('BER'), team: 'Design', lead: true, role: 'Product Designer', languages: ['pl'] },
  { firstName: 'Chloé', lastName: 'Martin', username: 'chloe.martin', where: office('AMS'), team: 'Product', lead: true, role: 'Head of Product', languages: ['fr'] },
  { firstName: 'Mateo', lastName: 'García', username: 'mateo.garcia', where: remote('America/Mexico_City'), team: 'Web Platform', languages: ['es'] },
  { firstName: 'Aroha', lastName: 'Ngata', username: 'aroha.ngata', where: remote('Pacific/Auckland'), team: 'Developer Productivity', lead: true, role: 'Engineering Manager', languages: ['mi'] },
  { firstName: 'Fatima Zahra', lastName: 'Benali', username: 'fatima.benali', where: office('AMS'), team: 'Operations', lead: true, role: 'Head of Operations', languages: ['ar', 'fr'] },
  { firstName: 'יעל', lastName: 'כהן', username: 'yael.cohen', where: remote('Asia/Jerusalem'), team: 'Navigation', languages: ['he'] },
  { firstName: 'Ólafur', lastName: 'Ragnarsson', username: 'olafur.ragnarsson', where: remote('Atlantic/Reykjavik'), team: 'Mission Control', languages: ['is'] },
  { firstName: 'Kwame', lastName: 'Mensah', username: 'kwame.mensah', where: office('NYC'), team: 'Sales & Partnerships', lead: true, role: 'Account Executive' },
  { firstName: 'Đorđe', lastName: 'Petrović', username: 'djordje.petrovic', where: office('BER'), team: 'Flight Software', languages: ['sr'] },
  { firstName: '宏', lastName: '田中', username: 'hiroshi.tanaka', where: office('TYO'), team: 'Navigation', languages: ['ja'] },
  { firstName: 'Åsa', lastName: 'Öberg', username: 'asa.oberg', where: office('AMS'), team: 'Technical Writing', lead: true, role: 'Technical Writer', languages: ['sv'] },
  { firstName: 'Emily', lastName: 'Chen', username: 'emily.chen', where: office('NYC'), team: 'Web Platform' },
  { firstName: 'Rafael', lastName: 'Nóbrega', username: 'rafael.nobrega', where: remote('America/Sao_Paulo'), team: 'Ground Systems', languages: ['pt'] },
  { firstName: 'Tomás', lastName: 'Ó Ceallaigh', username: 'tomas.oceallaigh', where: remote('Europe/Dublin'), team: 'QA', languages: ['ga'] },
  { firstName: 'Anaïs', lastName: 'Lefebvre', username: 'anais.lefebvre', where: office('AMS'), team: 'Design', languages: ['fr'] },
  { firstName: 'สมชาย', lastName: 'ใจดี', username: 'somchai.jaidee', where: remote('Asia/Bangkok'), team: 'Telemetry', languages: ['th'] },
  { firstName: 'ნინო', lastName: 'ბერიძე', username: 'nino.beridze', where: office('BER'), team: 'Data Science', languages: ['ka'] },
  { firstName: '지민', lastName: '이', username: 'jimin.lee', where: office('TYO'), team: 'Web Platform', languages: ['ko'] },
  { firstName: 'Mikael', lastName: 'Häkkinen', username: 'mikael.hakkinen', where: office('BER'), team: 'Navigation', languages: ['fi'] },
  { firstName: 'Nomvula', lastName: 'Dlamini', username: 'nomvula.dlamini', where: remote('Africa/Johannesburg'), team: 'Mission Control' },
];

/** People who left: only listed with `reportPastMembers=true`. */
export const PAST_MEMBERS: readonly CuratedPerson[] = [
  { firstName: 'Marcus', lastName: 'Feld', username: 'marcus.feld', where: office('BER'), team: 'Flight Software' },
  { firstName: 'Olga', lastName: 'Petrenko', username: 'olga.petrenko', where: office('AMS'), team: 'QA' },
];

/** Pools for the generated majority of the directory (Latin script with diacritics, so folding matters). */
export const FIRST_NAMES: readonly string[] = [
  'Ada', 'Amara', 'Anton', 'Beatriz', 'Benedikt', 'Camille', 'Carlos', 'Clara', 'Dagny', 'Daniel', 'Elif', 'Emil',
  'Eszter', 'Felix', 'Freya', 'Gustavo', 'Hana', 'Hugo', 'Ilse', 'Imani', 'Ines', 'Ivan', 'Kaito', 'Katarzyna',
  'Lars', 'Leonie', 'Lina', 'Luca', 'Maja', 'Marek', 'Mariana', 'Nadia', 'Nikolai', 'Noor', 'Oskar', 'Paula',
  'Renée', 'Rohan', 'Rosa', 'Sanjay', 'Sara', 'Stefan', 'Tereza', 'Théo', 'Uma', 'Valentina', 'Viktor', 'Wiebke',
  'Yusuf', 'Zainab', 'Ágnes', 'Émile', 'Kalani', 'Liam', 'Mei', 'Omar', 'Petra', 'Radu', 'Sofía', 'Tobias',
];

export const LAST_NAMES: readonly string[] = [
  'Andersen', 'Bauer', 'Bianchi', 'Castillo', 'Costa', 'de Vries', 'Dimitrov', 'Eriksson', 'Fischer', 'Fontaine',
  'Gómez', 'Hansen', 'Horváth', 'Ivanova', 'Jansen', 'Kaur', 'Kovač', 'Larsen', 'Lopes', 'Mehta', 'Moreau',
  'Nakamura', 'Novák', 'Okafor', 'Olsen', 'Pereira', 'Popescu', 'Quinn', 'Rossi', 'Sato', 'Schmidt', 'Silva',
  'Sørensen', 'Szabó', 'Tanaka', 'Van den Berg', 'Varga', 'Weber', 'Wójcik', 'Yamamoto', 'Zeller', 'Çelik',
  'Dąbrowski', 'Håkansson', 'Iyer', 'MacLeod', "D'Angelo", 'Nieminen', 'Rahman', 'Teixeira',
];
