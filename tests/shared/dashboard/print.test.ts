import { writeFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { dashboard, type Dashboard, type DashboardFilter, type PeriodFigures } from '@shared/dashboard';
import { dashboardPdf, dashboardXlsx, type DashboardPrintInput } from '@shared/dashboard/print';
import type { Language } from '@shared/domain/records';
import { documentFonts, makePrintContext, pdfLines, pdfText, pdfTextItems } from '@tests/fixtures/documents';
import { NOW, handMadeOffice } from './fixture';

const YEAR_2026: DashboardFilter = { from: '2026-01-01', to: '2026-12-31' };

function period(from: string, to: string, people: number, poor: number): PeriodFigures {
  return {
    from,
    to,
    peopleSent: people,
    registeredPoor: { count: poor, of: people, percent: people === 0 ? null : ((poor * 100) / people).toFixed(2) },
    batchesDeparted: 14,
    batchesPlanned: 3,
    handedOver: Math.round(people * 0.9),
    inPost: { 30: Math.round(people * 0.8), 90: Math.round(people * 0.6), 180: Math.round(people * 0.4) },
    subsidies: { owedFen: 123_456_78, onNoticeFen: 2_000_00, paidFen: 98_765_43 },
  };
}

/**
 * A county's year: 756 people sent (354 registered poor), the most in March (211), from `counties`
 * counties (田东县 the largest, 300) to `enterprises` enterprises (广州电子厂 the largest, 120).
 */
function countyYear(counties = 3, enterprises = 4): Dashboard {
  const months = Array.from({ length: 12 }, (_, index) => {
    const key = `2026-${String(index + 1).padStart(2, '0')}`;
    return { key, label: key, people: index === 2 ? 211 : index === 1 ? 180 : index < 6 ? 40 + index : 0 };
  });
  const countyBars = [
    {
      key: '451022',
      label: '田东县',
      people: 300,
      parts: [
        { key: '平马镇', label: '平马镇', people: 200 },
        { key: '祥周镇', label: '祥周镇', people: 100 },
      ],
    },
    ...Array.from({ length: counties - 1 }, (_, index) => ({
      key: `45${String(1000 + index)}`,
      label: index === 0 ? '那坡县' : `某某少数民族自治县第${index}号很长的名字县`,
      people: Math.max(1, 250 - index),
      parts: [{ key: '城关镇', label: '城关镇', people: Math.max(1, 250 - index) }],
    })),
  ];
  const enterpriseBars = [
    { key: 'e1', label: '广州电子厂', people: 120 },
    ...Array.from({ length: enterprises - 1 }, (_, index) => ({
      key: `e${String(index + 2)}`,
      label: `东莞市某某精密电子科技股份有限公司第${String(index + 1)}分厂`,
      people: Math.max(1, 100 - index),
    })),
  ];
  return {
    figures: {
      current: period('2026-01-01', '2026-12-31', 756, 354),
      yearBefore: period('2025-01-01', '2025-12-31', 700, 300),
      overdueContacts: 7,
    },
    sentByMonth: months,
    sentByCounty: countyBars,
    sentByDestination: [
      {
        key: '广东省',
        label: '广东省',
        people: 500,
        parts: [
          { key: '广州市', label: '广州市', people: 300 },
          { key: '东莞市', label: '东莞市', people: 200 },
        ],
      },
      { key: '浙江省', label: '浙江省', people: 200, parts: [{ key: '宁波市', label: '宁波市', people: 200 }] },
      { key: '', label: '', people: 56, parts: [{ key: '', label: '', people: 56 }] },
    ],
    topEnterprises: enterpriseBars,
    funnel: { sent: 756, handedOver: 680, inPost: { 30: 605, 90: 454, 180: 302 } },
    comingWeeks: [
      {
        from: '2026-12-07',
        byStatus: { draft: 0, planned: 1, ready: 1, departed: 0, arrived: 0, 'handed-over': 0, closed: 0 },
        passengers: 90,
        seated: 60,
        capacity: 98,
        batches: [
          {
            id: 'b1',
            name: '田东—广州专列',
            date: '2026-12-08',
            status: 'ready',
            passengers: 50,
            seated: 49,
            capacity: 49,
          },
          {
            id: 'b2',
            name: '田东—东莞专车',
            date: '2026-12-10',
            status: 'planned',
            passengers: 40,
            seated: 11,
            capacity: 49,
          },
        ],
      },
      ...['2026-12-14', '2026-12-21', '2026-12-28'].map((from, index) => ({
        from,
        byStatus: { draft: index, planned: 0, ready: 0, departed: 0, arrived: 0, 'handed-over': 0, closed: 0 },
        passengers: 0,
        seated: 0,
        capacity: index * 49,
        batches: Array.from({ length: index }, (_, batch) => ({
          id: `d${String(index)}${String(batch)}`,
          name: `草稿批次${String(batch)}`,
          date: from,
          status: 'draft' as const,
          passengers: 0,
          seated: 0,
          capacity: 49,
        })),
      })),
    ],
    healthSoon: [
      {
        id: 'b1',
        name: '田东—广州专列',
        date: '2026-12-08',
        progress: { total: 50, checked: 42, passed: 38, failed: 1, recheck: 2, notChecked: 8, expired: 1 },
      },
    ],
    subsidiesByScheme: [
      {
        schemeId: 's1',
        schemeName: '一次性求职补贴',
        owedFen: 100_000_00,
        onNoticeFen: 2_000_00,
        paidFen: 80_000_00,
        rejectedFen: 3_000_00,
      },
      {
        schemeId: 's2',
        schemeName: '交通补贴',
        owedFen: 23_456_78,
        onNoticeFen: 0,
        paidFen: 18_765_43,
        rejectedFen: 0,
      },
    ],
  };
}

function input(
  board: Dashboard,
  language: Language = 'zh-CN',
  filter: DashboardFilter = YEAR_2026,
): DashboardPrintInput {
  return {
    dashboard: board,
    filter,
    place: '田东县',
    print: makePrintContext({ language, printedAt: '2026-12-07T10:30:00.000Z' }),
  };
}

async function pages(bytes: Uint8Array): Promise<number> {
  return (await pdfLines(bytes)).length;
}

/** Every text item lies on the page, inside its margins. */
async function textOutside(bytes: Uint8Array): Promise<string[]> {
  return (await pdfTextItems(bytes))
    .filter((item) => item.x < 11.5 || item.x + item.width > 198.5 || item.y < 11.5 || item.y > 285.5)
    .map((item) => `${item.text} at ${item.x.toFixed(1)},${item.y.toFixed(1)} (${item.width.toFixed(1)} wide)`);
}

describe('the dashboard on one A4 page for the director', () => {
  it('prints the title, the period, the key figures with last year, and every chart with its largest bar', async () => {
    const bytes = dashboardPdf(input(countyYear()), documentFonts());
    if (process.env.DASHBOARD_PDF) writeFileSync(process.env.DASHBOARD_PDF, bytes);
    expect(await pages(bytes)).toBe(1);
    const text = await pdfText(bytes);
    expect(text).toContain('田东县务工人员点对点输送工作情况');
    expect(text).toContain('统计期间：2026年1月1日至2026年12月31日');
    expect(text).toContain('范围：全部');
    expect(text).toContain('打印时间 2026年12月7日 18:30（北京时间）');
    expect(text).toContain('756人');
    expect(text).toContain('700人');
    expect(text).toContain('354 / 756，46.83%');
    expect(text).toContain('300 / 700，42.86%');
    expect(text).toContain('123,456.78');
    for (const [title, label, value] of [
      ['每月输出人数', '3月', '211'],
      ['按县区、乡镇输出人数', '田东县', '300'],
      ['按输入省份、城市输出人数', '广东省', '500'],
      ['接收人数最多的企业', '广州电子厂', '120'],
      ['稳岗情况：输出 → 交接 → 在岗', '输送', '756 (100.00%)'],
      ['未来 4 周的批次及座位', '12月7日起 (2)', '90 / 98'],
      ['3 天内出发批次的体检进度', '12月8日 田东—广州专列', '38 / 50'],
      ['各补贴项目金额（按状态，元）', '一次性求职补贴', '182,000.00'],
    ]) {
      expect(text, title).toContain(title);
      expect(text, title).toContain(label);
      expect(text, title).toContain(value);
    }
    expect(text).toContain('在岗 180 天');
    expect(text).toContain('302 (39.95%)');
    expect(await textOutside(bytes)).toEqual([]);
  });

  it('prints in English with the same figures', async () => {
    const bytes = dashboardPdf(input(countyYear(), 'en'), documentFonts());
    if (process.env.DASHBOARD_EN_PDF) writeFileSync(process.env.DASHBOARD_EN_PDF, bytes);
    expect(await pages(bytes)).toBe(1);
    const text = await pdfText(bytes);
    expect(text).toContain('Point-to-point transport of workers, 田东县');
    expect(text).toContain('Period: Jan 1, 2026 to Dec 31, 2026');
    expect(text).toContain('354 / 756, 46.83%');
    expect(text).toContain('People sent per month');
    expect(text).toContain('Mar');
    expect(text).toContain('211');
    expect(text).toContain('Enterprises that received the most people');
    expect(text).toContain('Printed Dec 7, 2026, 6:30 PM (Beijing time)');
    expect(text).not.toMatch(/[\u3000-\u303f\uff00-\uffef]/);
    expect(await textOutside(bytes)).toEqual([]);
  });

  it('keeps to one page with 200 counties and 500 enterprises: the largest bars, then 其他, long names shortened', async () => {
    const big = countyYear(200, 500);
    const bytes = dashboardPdf(input(big), documentFonts());
    if (process.env.DASHBOARD_BIG_PDF) writeFileSync(process.env.DASHBOARD_BIG_PDF, bytes);
    expect(await pages(bytes)).toBe(1);
    const lines = (await pdfLines(bytes))[0] ?? [];
    const text = lines.join('\n');
    expect(text).toContain('田东县');
    expect(text).toContain('广州电子厂');
    expect(text).toContain('其他');
    expect(text).toContain('…');
    // The counties not shown are summed into 其他: every person sent is on the chart.
    const shown = big.sentByCounty.filter((county) => text.includes(county.label));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(20);
    expect(await textOutside(bytes)).toEqual([]);
  });

  it('keeps to one page over ten years of months, each labelled month with its year', async () => {
    const board = countyYear();
    board.sentByMonth = Array.from({ length: 120 }, (_, index) => {
      const key = `${String(2017 + Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, '0')}`;
      return { key, label: key, people: index === 100 ? 4_321 : (index * 37) % 1_000 };
    });
    const bytes = dashboardPdf(input(board, 'zh-CN', { from: '2017-01-01', to: '2026-12-31' }), documentFonts());
    if (process.env.DASHBOARD_LONG_PDF) writeFileSync(process.env.DASHBOARD_LONG_PDF, bytes);
    expect(await pages(bytes)).toBe(1);
    const text = await pdfText(bytes);
    // The largest month (May 2025) is labelled, with its value.
    expect(text).toContain('2025年5月');
    expect(text).toContain('4,321');
    expect(await textOutside(bytes)).toEqual([]);
  });

  it('prints a township chart for one county, and says so when there is nothing to chart', async () => {
    const board = dashboard(handMadeOffice(), { ...YEAR_2026, countyCode: '451022' }, NOW);
    const bytes = dashboardPdf(input(board, 'zh-CN', { ...YEAR_2026, countyCode: '451022' }), documentFonts());
    expect(await pages(bytes)).toBe(1);
    const text = await pdfText(bytes);
    expect(text).toContain('范围：县区 田东县');
    expect(text).toContain('按县区、乡镇输出人数（田东县）');
    expect(text).toContain('祥周镇');

    const empty = dashboard(handMadeOffice(), { from: '2020-01-01', to: '2020-12-31' }, NOW);
    const nothing = await pdfText(dashboardPdf(input(empty), documentFonts()));
    expect(nothing).toContain('本期无数据');
    expect(nothing).toContain('无人输送');
  });
});

describe('the figures behind the charts as XLSX', () => {
  it('has a sheet of key figures and one per chart, with numbers as numbers and yuan with two decimals', async () => {
    const sheets = await readXlsxFile(Buffer.from(await dashboardXlsx(input(countyYear(3, 30)))));
    expect(sheets.map((sheet) => sheet.sheet)).toEqual([
      '关键指标',
      '每月输送',
      '户籍地',
      '目的地',
      '企业',
      '留岗',
      '未来批次',
      '体检进度',
      '补贴',
    ]);
    const [figures, months, home, , enterprises, funnel, weeks, health, subsidies] = sheets.map((sheet) => sheet.data);
    const row = (data: unknown[][] | undefined, first: string) => data?.find((cells) => cells[0] === first);
    expect(figures?.[0]?.[0]).toBe('田东县务工人员点对点输送工作情况');
    expect(figures?.[4]).toEqual(['指标', '本期', '上年同期']);
    expect(row(figures, '输送人数')).toEqual(['输送人数', 756, 700]);
    expect(row(figures, '其中建档立卡（人）')).toEqual(['其中建档立卡（人）', 354, 300]);
    expect(row(figures, '建档立卡占比（%）')).toEqual(['建档立卡占比（%）', 46.83, 42.86]);
    expect(row(figures, '应发（元）')).toEqual(['应发（元）', 123456.78, 123456.78]);
    expect(row(months, '2026-03')).toEqual(['2026-03', 211]);
    expect(months?.[1]).toEqual(['月份', '人数']);
    expect(row(home, '田东县')).toEqual(['田东县', '合计', 300]);
    expect(home?.some((cells) => cells[1] === '平马镇' && cells[2] === 200)).toBe(true);
    // Every enterprise behind the chart, not only those the page had room for.
    expect(enterprises?.length).toBe(2 + 30);
    expect(row(funnel, '在岗 180 天')).toEqual(['在岗 180 天', 302, 39.95]);
    expect(weeks?.find((cells) => cells[1] === '田东—东莞专车')?.slice(2, 7)).toEqual([
      '2026年12月10日',
      '已编排',
      40,
      11,
      49,
    ]);
    expect(row(health, '田东—广州专列')).toEqual(['田东—广州专列', '2026年12月8日', 50, 42, 38, 2, 1, 1, 8]);
    expect(row(subsidies, '交通补贴')).toEqual(['交通补贴', 23456.78, 0, 18765.43, 0]);
  });

  it('has English headers in English', async () => {
    const sheets = await readXlsxFile(Buffer.from(await dashboardXlsx(input(countyYear(), 'en'))));
    expect(sheets[0]?.sheet).toBe('Key figures');
    expect(sheets[0]?.data[4]).toEqual(['Figure', 'This period', 'A year earlier']);
    expect(sheets[0]?.data.find((cells) => cells[0] === 'Registered poor (%)')).toEqual([
      'Registered poor (%)',
      46.83,
      42.86,
    ]);
    expect(sheets[8]?.data[1]).toEqual([
      'Subsidy scheme',
      'Owed (yuan)',
      'On notice (yuan)',
      'Paid (yuan)',
      'Rejected (yuan)',
    ]);
  });
});
