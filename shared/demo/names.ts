/**
 * Personal names for demo workers and contacts. Surname weights lean on Baise, where most people
 * are Zhuang: 黄, 韦, 农, 覃, 陆, 蒙, 莫, 岑, 闭 and 零 are far more common than in the rest of China.
 * A few surnames that read differently as surnames (区 Ou, 单 Shan, 曾 Zeng, 仇 Qiu, 解 Xie, 查 Zha,
 * 朴 Piao) and names with rare characters are mixed in so that search, storage and printing meet
 * them in every demo set.
 */
import type { Gender } from '../domain/records';
import type { SeededRandom } from './random';

export const SURNAME_WEIGHTS: readonly (readonly [string, number])[] = [
  ['黄', 120],
  ['韦', 100],
  ['农', 55],
  ['罗', 50],
  ['李', 50],
  ['陆', 40],
  ['梁', 40],
  ['覃', 40],
  ['蒙', 30],
  ['莫', 30],
  ['潘', 30],
  ['杨', 30],
  ['陈', 28],
  ['谭', 20],
  ['岑', 18],
  ['赵', 18],
  ['王', 18],
  ['刘', 16],
  ['周', 14],
  ['黎', 14],
  ['卢', 14],
  ['曾', 12],
  ['邓', 10],
  ['廖', 10],
  ['吴', 10],
  ['闭', 10],
  ['凌', 10],
  ['马', 8],
  ['苏', 8],
  ['何', 8],
  ['兰', 8],
  ['班', 8],
  ['滕', 6],
  ['零', 6],
  ['磨', 5],
  ['麻', 5],
  ['许', 5],
  ['冯', 5],
  ['宁', 5],
  ['区', 3],
  ['单', 2],
  ['仇', 2],
  ['解', 1],
  ['查', 1],
  ['朴', 1],
];

/** Given names as they appear on rural rosters; most names are drawn from these. */
const MALE_GIVEN_NAMES = [
  ...['文光', '志强', '海涛', '建国', '国华', '明亮', '春生', '永福', '光明', '华荣', '德胜', '成林', '金宝', '家兴'],
  ...['世平', '正才', '祖荣', '锦华', '东升', '林峰', '兴旺', '平安', '俊杰', '海峰', '荣华', '庆丰', '胜利', '运来'],
  ...['福生', '贵林', '忠明', '德才', '永强', '志刚', '建华', '国强', '明华', '春华', '光辉', '文华', '宏伟', '振东'],
  ...['新民', '有才', '金福', '柳生', '健', '军', '伟', '勇', '斌', '鹏', '涛', '杰', '壮', '宁', '强', '林'],
];
const FEMALE_GIVEN_NAMES = [
  ...['美玲', '丽萍', '秀英', '秀兰', '玉梅', '玉兰', '红梅', '凤英', '梅芳', '春燕', '月娥', '金凤', '桂花', '婷婷'],
  ...['雪梅', '桂兰', '慧敏', '丽娟', '美英', '秋菊', '彩云', '海燕', '小红', '晓丽', '丽华', '艳红', '秀芳', '玉凤'],
  ...['月英', '丽芳', '金梅', '桂芳', '春梅', '翠兰', '凤兰', '美霞', '二妹', '三妹', '金妹', '美妹', '桂妹', '小妹'],
  ...['芳', '娟', '霞', '燕', '萍', '琳', '莲', '琴', '珍', '静', '丹', '艳'],
];
/** Characters for the rest, combined freely, so that a large set is not all repeats. */
const MALE_GIVEN_CHARS = Array.from(
  '文志海建国明春永光军华伟强勇福贵荣忠德成金宝新家世正宁祖锦东林兴平杰俊斌鹏涛峰浩宇恒庆胜运',
);
const FEMALE_GIVEN_CHARS = Array.from('美丽芳秀英玉兰红艳凤梅娟霞燕春月金花婷萍琳雪莲琴桂珍慧静丹妮秋彩');

/**
 * Characters outside GB2312 that real people carry in their names. 𠮷 is in CJK Extension B, so it
 * is a surrogate pair in UTF-16: a string length of 2 for one character.
 */
export const RARE_NAME_CHARS = ['堃', '喆', '燊', '赟', '䶮', '昇', '𠮷'] as const;
/** The ones parents also give to daughters. */
const RARE_NAME_CHARS_FOR_WOMEN = ['喆', '赟', '堃', '𠮷'] as const;

/** Names of the Uyghur pattern, written with U+00B7 between the parts, as rosters carry them. */
const DOTTED_NAMES: Readonly<Record<Gender, readonly string[]>> = {
  male: ['艾力·吐尔逊', '买买提·依明', '吾买尔·托合提', '阿不都·热合曼'],
  female: ['阿依古丽·买买提', '古丽米拉·艾力', '热依汗·阿不都', '帕提古丽·吾买尔'],
};

export function pickSurname(random: SeededRandom): string {
  return random.weightedPick(SURNAME_WEIGHTS);
}

export function pickGivenName(random: SeededRandom, gender: Gender): string {
  if (random.chance(0.8)) return random.pick(gender === 'male' ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
  const chars = gender === 'male' ? MALE_GIVEN_CHARS : FEMALE_GIVEN_CHARS;
  const first = random.pick(chars);
  let second = random.pick(chars);
  // 春春 and the like happen, but too many doubled names look generated.
  if (second === first) second = random.pick(chars);
  return `${first}${second}`;
}

export function makePersonName(random: SeededRandom, gender: Gender, surname = pickSurname(random)): string {
  return `${surname}${pickGivenName(random, gender)}`;
}

/** A name with one rare character in the given name, e.g. 黄堃 or 韦喆明. */
export function makeRareCharName(random: SeededRandom, gender: Gender, surname = pickSurname(random)): string {
  const rare = random.pick(gender === 'male' ? RARE_NAME_CHARS : RARE_NAME_CHARS_FOR_WOMEN);
  if (random.chance(0.5)) return `${surname}${rare}`;
  const other = random.pick(gender === 'male' ? MALE_GIVEN_CHARS : FEMALE_GIVEN_CHARS);
  return random.chance(0.5) ? `${surname}${rare}${other}` : `${surname}${other}${rare}`;
}

export function makeDottedName(random: SeededRandom, gender: Gender): string {
  return random.pick(DOTTED_NAMES[gender]);
}
