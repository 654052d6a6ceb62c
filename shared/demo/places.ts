/**
 * Places for demo data. County codes and township names are real (township names as of the early
 * 2020s); village names are generated in the local style, where 那 (paddy field), 百, 坡, 弄 and
 * 陇 come from Zhuang place names. District codes are the real GB/T 2260 codes, used as the region
 * part of generated credit codes; road names are plausible, not addresses of real firms.
 */
import { BAISE_COUNTIES } from '../domain/regions';
import type { SeededRandom } from './random';

export interface DemoCounty {
  code: string;
  name: string;
  /** Townships (乡镇, 街道); the first is the county seat. */
  townships: readonly string[];
  /** Where the county's passengers assemble for the first coach. */
  pickupPlace: string;
  /** Assembly time before the first coach leaves; counties far from Baise assemble earlier. */
  minutesBeforeDeparture: number;
  /** Relative share of the demo workers, roughly following the counties' populations. */
  weight: number;
}

const COUNTY_DETAILS: Readonly<Record<string, Omit<DemoCounty, 'code' | 'name'>>> = {
  '451002': {
    townships: ['百城街道', '龙景街道', '四塘镇', '龙川镇', '永乐镇', '阳圩镇', '汪甸瑶族乡', '大楞乡'],
    pickupPlace: '百色市右江区人民政府广场',
    minutesBeforeDeparture: 30,
    weight: 10,
  },
  '451003': {
    townships: ['田州镇', '那坡镇', '坡洪镇', '那满镇', '百育镇', '玉凤镇', '头塘镇', '五村镇', '巴别乡'],
    pickupPlace: '田阳区田州镇汽车站',
    minutesBeforeDeparture: 45,
    weight: 9,
  },
  '451022': {
    townships: ['平马镇', '祥周镇', '林逢镇', '思林镇', '印茶镇', '江城镇', '朔良镇', '义圩镇', '作登瑶族乡'],
    pickupPlace: '田东县平马镇汽车总站',
    minutesBeforeDeparture: 60,
    weight: 10,
  },
  '451024': {
    townships: ['城关镇', '隆桑镇', '敬德镇', '足荣镇', '马隘镇', '东凌镇', '都安乡', '荣华乡', '燕峒乡'],
    pickupPlace: '德保县城关镇汽车总站',
    minutesBeforeDeparture: 90,
    weight: 9,
  },
  '451026': {
    townships: ['城厢镇', '平孟镇', '龙合镇', '坡荷乡', '德隆乡', '百合乡', '百南乡', '百省乡', '百都乡'],
    pickupPlace: '那坡县城厢镇人民广场',
    minutesBeforeDeparture: 150,
    weight: 5,
  },
  '451027': {
    townships: ['泗城镇', '逻楼镇', '加尤镇', '下甲镇', '伶站瑶族乡', '朝里瑶族乡', '沙里瑶族乡', '玉洪瑶族乡'],
    pickupPlace: '凌云县泗城镇汽车站',
    minutesBeforeDeparture: 90,
    weight: 5,
  },
  '451028': {
    townships: ['同乐镇', '甘田镇', '新化镇', '花坪镇', '逻沙乡', '逻西乡', '幼平乡', '雅长乡'],
    pickupPlace: '乐业县同乐镇汽车站',
    minutesBeforeDeparture: 150,
    weight: 4,
  },
  '451029': {
    townships: ['乐里镇', '旧州镇', '定安镇', '六隆镇', '浪平镇', '潞城瑶族乡', '利周瑶族乡', '八渡瑶族乡', '者苗乡'],
    pickupPlace: '田林县乐里镇汽车站',
    minutesBeforeDeparture: 120,
    weight: 6,
  },
  '451030': {
    townships: ['八达镇', '古障镇', '那劳镇', '马蚌镇', '西平乡', '普合苗族乡', '那佐苗族乡', '足别瑶族苗族乡'],
    pickupPlace: '西林县八达镇汽车站',
    minutesBeforeDeparture: 180,
    weight: 4,
  },
  '451031': {
    townships: ['新州镇', '桠杈镇', '天生桥镇', '平班镇', '德峨镇', '隆或镇', '沙梨乡', '者保乡', '革步乡', '猪场乡'],
    pickupPlace: '隆林各族自治县新州镇汽车总站',
    minutesBeforeDeparture: 180,
    weight: 10,
  },
  '451081': {
    townships: [
      '新靖镇',
      '化峒镇',
      '湖润镇',
      '安德镇',
      '龙临镇',
      '渠洋镇',
      '岳圩镇',
      '龙邦镇',
      '禄峒镇',
      '武平镇',
      '同德乡',
    ],
    pickupPlace: '靖西市新靖镇汽车总站',
    minutesBeforeDeparture: 120,
    weight: 14,
  },
  '451082': {
    townships: ['马头镇', '新安镇', '果化镇', '太平镇', '坡造镇', '四塘镇', '旧城镇', '榜圩镇', '海城乡'],
    pickupPlace: '平果市马头镇汽车总站',
    minutesBeforeDeparture: 75,
    weight: 11,
  },
};

export const DEMO_COUNTIES: readonly DemoCounty[] = BAISE_COUNTIES.map(({ code, name }) => {
  const details = COUNTY_DETAILS[code];
  if (!details) throw new Error(`no demo details for county ${code}`);
  return { code, name, ...details };
});

const VILLAGE_FIRST = Array.from('那百坡弄陇板六巴达岜念果渌平龙伏江新东民大上下中');
const VILLAGE_SECOND = Array.from('坡洪兰马林桃满合布劳拉怀荣安旺良沙塘岩楼峒利朝伦凤华爱豆江河立乐');

/** 6 to 12 distinct village names for one township, e.g. 那洪村, 陇旺村. */
export function makeVillageNames(random: SeededRandom): string[] {
  const count = random.int(6, 12);
  const names = new Set<string>();
  while (names.size < count) {
    const first = random.pick(VILLAGE_FIRST);
    const second = random.pick(VILLAGE_SECOND);
    if (first !== second) names.add(`${first}${second}村`);
  }
  return [...names];
}

export interface DemoDistrict {
  city: '广州市' | '深圳市';
  name: string;
  /** GB/T 2260 code of the district. */
  code: string;
  roads: readonly string[];
}

export const DEMO_DISTRICTS: readonly DemoDistrict[] = [
  { city: '广州市', name: '天河区', code: '440106', roads: ['科韵路', '高普路', '车陂路'] },
  {
    city: '广州市',
    name: '白云区',
    code: '440111',
    roads: ['太和镇大源北路', '人和镇鹤龙街', '钟落潭镇广从南路'],
  },
  { city: '广州市', name: '黄埔区', code: '440112', roads: ['开创大道', '科学大道', '开源大道', '石化路'] },
  { city: '广州市', name: '番禺区', code: '440113', roads: ['市广路', '番禺大道北', '迎宾路'] },
  { city: '广州市', name: '花都区', code: '440114', roads: ['风神大道', '迎宾大道', '花都大道'] },
  { city: '广州市', name: '南沙区', code: '440115', roads: ['黄阁大道', '进港大道'] },
  { city: '广州市', name: '增城区', code: '440118', roads: ['新塘镇广深大道', '荔新公路'] },
  { city: '深圳市', name: '宝安区', code: '440306', roads: ['宝安大道', '沙井街道新沙路', '福永街道凤凰路'] },
  {
    city: '深圳市',
    name: '龙岗区',
    code: '440307',
    roads: ['龙岗大道', '横岗街道六约路', '坂田街道五和大道'],
  },
  { city: '深圳市', name: '龙华区', code: '440309', roads: ['观澜大道', '民治大道', '大浪街道华荣路'] },
  { city: '深圳市', name: '坪山区', code: '440310', roads: ['坪山大道', '锦绣中路'] },
  { city: '深圳市', name: '光明区', code: '440311', roads: ['光明大道', '公明街道松白路'] },
];
