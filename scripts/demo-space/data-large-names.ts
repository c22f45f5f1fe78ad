/**
 * Name pools of the large organization (data-large.ts): the variety a 10,000-person directory has and a local
 * search index must fold and match — Latin with diacritics, Cyrillic, Greek, Chinese, Japanese, Korean, Arabic,
 * Hebrew, Devanagari, Thai, hyphenated and multi-part names. Each native name comes with the ASCII spelling its
 * owner's user name is made of (`[native, latin]`), as a Space administrator would create `ivan.petrov`.
 */

export type NamePair = readonly [native: string, latin: string];

/** A script's given names and family names; `familyFirst`: shown family name first (CJK), as Space stores it in lastName anyway. */
export interface NamePool {
  script: string;
  /** Share of the generated people, relative to the other pools. */
  weight: number;
  first: readonly NamePair[];
  last: readonly NamePair[];
}

const latin = (...names: string[]): NamePair[] => names.map((n) => [n, n] as const);

export const NAME_POOLS: readonly NamePool[] = [
  {
    script: 'latin', weight: 52,
    first: latin(
      'Ada', 'Agnieszka', 'Aino', 'Amélie', 'Anders', 'Andrés', 'Ángel', 'Anton', 'Astrid', 'Beatriz', 'Benoît', 'Björk',
      'Bogdan', 'Camille', 'Carlos', 'Cem', 'Chiara', 'Ciarán', 'Dagny', 'Dalia', 'Daniel', 'Dominik', 'Eduardo', 'Eléonore',
      'Elif', 'Emil', 'Émilie', 'Eszter', 'Felix', 'Florin', 'Freya', 'Gökhan', 'Grzegorz', 'Gustavo', 'Hana', 'Håkon',
      'Hugo', 'Ignacio', 'Ilse', 'Imani', 'Inês', 'Ivan', 'Jakub', 'Jiří', 'Joaquín', 'Kaito', 'Karolína', 'Katarzyna',
      'Klára', 'Lars', 'László', 'Leonie', 'Liam', 'Lina', 'Luca', 'Lúcia', 'Maja', 'Marek', 'Mariana', 'Matthäus',
      'Mei', 'Mihály', 'Nadia', 'Niamh', 'Nikolai', 'Noor', 'Oğuz', 'Ömer', 'Oskar', 'Paula', 'Petra', 'Radu', 'Renée',
      'Rohan', 'Rosa', 'Sanjay', 'Sara', 'Şebnem', 'Siobhán', 'Sofía', 'Stefan', 'Štěpán', 'Tereza', 'Théo', 'Tobias',
      'Uma', 'Valentina', 'Viktor', 'Wiebke', 'Yusuf', 'Zainab', 'Zoë', 'Žaneta', 'Ørjan', 'Þóra', 'Ægir',
    ),
    last: latin(
      'Andersen', 'Bauer', 'Bianchi', 'Blažević', 'Castillo', 'Çelik', 'Costa', 'Dąbrowski', 'Dimitrov', 'Dvořák', 'Eriksson',
      'Fischer', 'Fontaine', 'Gómez', 'Grünewald', 'Hansen', 'Håkansson', 'Horváth', 'Ivanović', 'Jansen', 'Jørgensen', 'Kaur',
      'Kovač', 'Kowalski', 'Larsen', 'Lefèvre', 'Lopes', 'Łukasiewicz', 'MacLeod', 'Mehta', 'Moreau', 'Müller', 'Nakamura',
      'Nieminen', 'Novák', 'Nuñez', 'Okafor', 'Olsen', 'Öztürk', 'Pereira', 'Popescu', 'Quinn', 'Rahman', 'Rossi', 'Sánchez',
      'Sato', 'Schmidt', 'Şahin', 'Silva', 'Sørensen', 'Szabó', 'Teixeira', 'Tóth', 'Varga', 'Weber', 'Wójcik', 'Yılmaz',
      'Zeller', 'Žák', 'Ødegaard', "O'Connor", "D'Angelo", 'Østby',
    ),
  },
  {
    script: 'multi-part', weight: 8,
    first: latin('Anne-Marie', 'Jean-Luc', 'Hans-Peter', 'Marie-Claire', 'María José', 'Juan Carlos', 'Ana Sofía', 'Karl-Heinz', 'Lise-Lotte', 'Pier Paolo'),
    last: latin(
      'van der Meer', 'de la Cruz', 'dos Santos', 'van den Berg', 'ter Horst', 'Müller-Lüdenscheidt', 'García-Márquez',
      'Nowak-Kowalska', 'Ó Súilleabháin', 'Mac an tSaoir', 'bin Abdullah', 'von Holstein-Rathlou', 'Da Silva Santos', 'Le Quéré',
    ),
  },
  {
    script: 'cyrillic', weight: 10,
    first: [['Александр', 'aleksandr'], ['Мария', 'maria'], ['Иван', 'ivan'], ['Екатерина', 'ekaterina'], ['Ольга', 'olga'],
      ['Сергей', 'sergey'], ['Наталья', 'natalya'], ['Дмитрий', 'dmitry'], ['Юлия', 'yulia'], ['Алексей', 'aleksey'],
      ['Анастасия', 'anastasia'], ['Ёлка', 'yolka'], ['Богдан', 'bohdan'], ['Олена', 'olena'], ['Милош', 'milos']],
    last: [['Иванов', 'ivanov'], ['Смирнова', 'smirnova'], ['Кузнецов', 'kuznetsov'], ['Попова', 'popova'], ['Соколов', 'sokolov'],
      ['Лебедева', 'lebedeva'], ['Новиков', 'novikov'], ['Морозова', 'morozova'], ['Петров', 'petrov'], ['Волкова', 'volkova'],
      ['Шевченко', 'shevchenko'], ['Ковальчук', 'kovalchuk'], ['Јовановић', 'jovanovic'], ['Щукин', 'shchukin'], ['Фёдорова', 'fyodorova']],
  },
  {
    script: 'greek', weight: 5,
    first: [['Γιώργος', 'giorgos'], ['Μαρία', 'maria'], ['Νίκος', 'nikos'], ['Ελένη', 'eleni'], ['Κωνσταντίνος', 'konstantinos'],
      ['Σοφία', 'sofia'], ['Δημήτρης', 'dimitris'], ['Αικατερίνη', 'aikaterini'], ['Ἀλέξανδρος', 'alexandros'], ['Ἰωάννα', 'ioanna']],
    last: [['Παπαδόπουλος', 'papadopoulos'], ['Γεωργίου', 'georgiou'], ['Νικολάου', 'nikolaou'], ['Οικονόμου', 'oikonomou'],
      ['Καραγιάννη', 'karagianni'], ['Βασιλείου', 'vasileiou'], ['Χατζηδάκης', 'chatzidakis'], ['Αθανασίου', 'athanasiou']],
  },
  {
    script: 'chinese', weight: 8,
    first: [['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['磊', 'lei'], ['洋', 'yang'], ['艳', 'yan'],
      ['志强', 'zhiqiang'], ['秀英', 'xiuying'], ['建华', 'jianhua'], ['晓明', 'xiaoming']],
    last: [['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['赵', 'zhao'], ['黄', 'huang'],
      ['周', 'zhou'], ['欧阳', 'ouyang'], ['司马', 'sima']],
  },
  {
    script: 'japanese', weight: 6,
    first: [['翔太', 'shota'], ['陽菜', 'hina'], ['結衣', 'yui'], ['大輝', 'daiki'], ['さくら', 'sakura'], ['蓮', 'ren'],
      ['美咲', 'misaki'], ['健一', 'kenichi'], ['ゆうき', 'yuki']],
    last: [['佐藤', 'sato'], ['鈴木', 'suzuki'], ['高橋', 'takahashi'], ['田中', 'tanaka'], ['伊藤', 'ito'], ['渡辺', 'watanabe'],
      ['山本', 'yamamoto'], ['中村', 'nakamura'], ['小林', 'kobayashi']],
  },
  {
    script: 'korean', weight: 4,
    first: [['민준', 'minjun'], ['서연', 'seoyeon'], ['지우', 'jiwoo'], ['하준', 'hajun'], ['서윤', 'seoyun'], ['도윤', 'doyun']],
    last: [['김', 'kim'], ['이', 'lee'], ['박', 'park'], ['최', 'choi'], ['정', 'jung'], ['강', 'kang']],
  },
  {
    script: 'arabic', weight: 3,
    first: [['محمد', 'mohammed'], ['فاطمة', 'fatima'], ['أحمد', 'ahmed'], ['ليلى', 'layla'], ['يوسف', 'youssef'], ['نور', 'nour']],
    last: [['الحسيني', 'alhusseini'], ['حداد', 'haddad'], ['المصري', 'almasri'], ['خوري', 'khoury'], ['العلي', 'alali']],
  },
  {
    script: 'hebrew', weight: 1,
    first: [['נועה', 'noa'], ['איתי', 'itai'], ['תמר', 'tamar'], ['אורי', 'uri']],
    last: [['לוי', 'levi'], ['מזרחי', 'mizrahi'], ['פרץ', 'peretz'], ['ביטון', 'biton']],
  },
  {
    script: 'devanagari', weight: 2,
    first: [['आरव', 'aarav'], ['नेहा', 'neha'], ['विवान', 'vivaan'], ['प्रिया', 'priya'], ['अर्जुन', 'arjun']],
    last: [['शर्मा', 'sharma'], ['वर्मा', 'verma'], ['गुप्ता', 'gupta'], ['पटेल', 'patel'], ['सिंह', 'singh']],
  },
  {
    script: 'thai', weight: 1,
    first: [['สมศรี', 'somsri'], ['ประยุทธ', 'prayut'], ['มาลี', 'malee']],
    last: [['สุขสวัสดิ์', 'suksawat'], ['ทองดี', 'thongdee'], ['ศรีสุข', 'srisuk']],
  },
];

/** Team names: a part of the organization × what the team does (more combinations than teams are needed). */
export const TEAM_AREAS: readonly string[] = [
  'Payload', 'Avionics', 'Propulsion', 'Thermal', 'Power Systems', 'Guidance', 'Attitude Control', 'Launch', 'Constellation',
  'Ground Segment', 'Space Segment', 'Customer', 'Billing', 'Identity', 'Search', 'Observability', 'Storage', 'Networking',
  'Compliance', 'Finance', 'Legal', 'Facilities', 'Procurement', 'Security', 'Mobile', 'Desktop', 'Edge', 'Machine Learning',
  'Imaging', 'Radio', 'Firmware', 'Simulation', 'Testing', 'Release', 'Documentation', 'Localization', 'Accessibility',
  'Developer Relations', 'Partner', 'Research', 'Mission Assurance', 'Reliability', 'Platform', 'Data', 'Analytics',
];

export const TEAM_FUNCTIONS: readonly string[] = [
  'Engineering', 'Operations', 'Research', 'Tooling', 'Infrastructure', 'Quality', 'Design', 'Support', 'Integration',
  'Frontend', 'Backend', 'Analytics', 'Enablement', 'Planning',
];

/** Team names in the office's language, for a few teams per office (a directory is rarely English only). */
export const LOCAL_TEAM_NAMES: readonly string[] = [
  'Équipe Toulouse', 'Équipe Qualité', 'Команда Телеметрии', 'Отдел Качества', 'Ομάδα Αθήνας', 'Ομάδα Δεδομένων',
  '東京開発チーム', '品質保証チーム', '北京研发组', '数据平台组', '서울 개발팀', 'Münchner Bodenstation', 'Equipo Sevilla',
  'Zespół Kraków', 'Tým Brno', 'Ekip İstanbul', 'São Paulo Operações', 'Zürcher Flugdynamik',
];

/** Project names: adjective × noun; keys are made from them. */
export const PROJECT_ADJECTIVES: readonly string[] = [
  'Amber', 'Azure', 'Bright', 'Cobalt', 'Crimson', 'Deep', 'Distant', 'Early', 'Emerald', 'Far', 'Golden', 'Hidden',
  'Iron', 'Jade', 'Lunar', 'Magnetic', 'Northern', 'Polar', 'Quiet', 'Rapid', 'Silent', 'Solar', 'Stellar', 'Swift',
  'Tidal', 'Violet', 'Winter', 'Zenith',
];

export const PROJECT_NOUNS: readonly string[] = [
  'Aurora', 'Beacon', 'Comet', 'Corona', 'Drift', 'Eclipse', 'Falcon', 'Horizon', 'Kestrel', 'Lantern', 'Meridian', 'Nebula',
  'Orbit', 'Perigee', 'Pulsar', 'Quasar', 'Relay', 'Sextant', 'Sparrow', 'Tether', 'Vector', 'Vortex',
];

export const REPOSITORY_SUFFIXES: readonly string[] = [
  'api', 'web', 'infra', 'docs', 'sdk', 'firmware', 'pipeline', 'cli', 'mobile', 'service', 'worker', 'schemas', 'tests',
  'dashboards', 'sim', 'tools', 'deploy', 'ml',
];

/** Offices of the large organization: [city as written locally, region, IANA zone]. */
export const LARGE_OFFICES: readonly (readonly [string, string, string])[] = [
  ['München', 'Germany', 'Europe/Berlin'], ['Zürich', 'Switzerland', 'Europe/Zurich'], ['Kraków', 'Poland', 'Europe/Warsaw'],
  ['Praha', 'Czechia', 'Europe/Prague'], ['Brno', 'Czechia', 'Europe/Prague'], ['Toulouse', 'France', 'Europe/Paris'],
  ['Sevilla', 'Spain', 'Europe/Madrid'], ['Lisboa', 'Portugal', 'Europe/Lisbon'], ['İstanbul', 'Türkiye', 'Europe/Istanbul'],
  ['Αθήνα', 'Greece', 'Europe/Athens'], ['Београд', 'Serbia', 'Europe/Belgrade'], ['Київ', 'Ukraine', 'Europe/Kyiv'],
  ['København', 'Denmark', 'Europe/Copenhagen'], ['Reykjavík', 'Iceland', 'Atlantic/Reykjavik'], ['São Paulo', 'Brazil', 'America/Sao_Paulo'],
  ['Ciudad de México', 'Mexico', 'America/Mexico_City'], ['Montréal', 'Canada', 'America/Toronto'], ['Seattle', 'USA', 'America/Los_Angeles'],
  ['北京', 'China', 'Asia/Shanghai'], ['大阪', 'Japan', 'Asia/Tokyo'], ['서울', 'South Korea', 'Asia/Seoul'], ['Singapore', 'Singapore', 'Asia/Singapore'],
  ['Sydney', 'Australia', 'Australia/Sydney'], ['Tel Aviv', 'Israel', 'Asia/Jerusalem'],
];

export const ROOM_NAMES: readonly string[] = [
  'Vega', 'Altair', 'Deneb', 'Rigel', 'Sirius', 'Polaris', 'Capella', 'Lyra', 'Orion', 'Cassiopeia', 'Andromeda', 'Hubble',
];

export const CHANNEL_TOPICS: readonly string[] = [
  'announcements', 'standup', 'incidents', 'releases', 'design', 'random', 'hiring', 'reading', 'alerts', 'builds',
  'retro', 'planning', 'help', 'social', 'coffee', 'oncall', 'reviews', 'launch',
];
