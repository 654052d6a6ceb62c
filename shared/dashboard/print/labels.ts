/**
 * The words of the printed dashboard and of its spreadsheet (issue 19, item 4), in both languages.
 * The figures' names and the charts' titles are the home page's (renderer/i18n/parts/dashboard.ts
 * and dashboard-charts.ts): the director reads the same words on paper as on the screen.
 */
import type { Labels } from '../../documents/labels';

export type DashboardPrintLabel =
  | 'title'
  | 'titleNoPlace'
  | 'period'
  | 'scope'
  | 'everything'
  | 'county'
  | 'township'
  | 'enterprise'
  | 'scheme'
  | 'printedAt'
  | 'madeBy'
  | 'figure'
  | 'current'
  | 'yearBefore'
  | 'peopleSent'
  | 'registeredPoor'
  | 'share'
  | 'shareNone'
  | 'batchesDeparted'
  | 'batchesPlanned'
  | 'handedOver'
  | 'inPost'
  | 'overdue'
  | 'owed'
  | 'onNotice'
  | 'paid'
  | 'rejected'
  | 'yuan'
  | 'people'
  | 'peopleUnit'
  | 'other'
  | 'unknown'
  | 'noData'
  | 'chartMonths'
  | 'chartCounties'
  | 'chartTownships'
  | 'chartDestinations'
  | 'chartCities'
  | 'chartEnterprises'
  | 'chartFunnel'
  | 'chartWeeks'
  | 'chartHealth'
  | 'chartSubsidies'
  | 'month'
  | 'province'
  | 'city'
  | 'funnelStep'
  | 'ofSent'
  | 'sent'
  | 'weekFrom'
  | 'batches'
  | 'passengers'
  | 'seated'
  | 'capacity'
  | 'batch'
  | 'date'
  | 'status'
  | 'total'
  | 'checked'
  | 'passed'
  | 'failed'
  | 'recheck'
  | 'expired'
  | 'notChecked'
  | 'noneSoon'
  | 'yuanHeader'
  | 'sheetFigures'
  | 'monthLabel'
  | 'monthYearLabel'
  | 'weekLabel'
  | 'sheetMonths'
  | 'sheetHome'
  | 'sheetDestinations'
  | 'sheetEnterprises'
  | 'sheetFunnel'
  | 'sheetWeeks'
  | 'sheetHealth'
  | 'sheetSubsidies'
  | 'poorCount'
  | 'poorPercent'
  | 'percentHeader'
  | 'weekTotal'
  | 'madeAt';

export const DASHBOARD_PRINT_LABELS: Labels<DashboardPrintLabel> = {
  'zh-CN': {
    title: '{place}务工人员点对点输送工作情况',
    titleNoPlace: '务工人员点对点输送工作情况',
    period: '统计期间：{from}至{to}',
    scope: '范围：{scope}',
    everything: '全部',
    county: '县区',
    township: '乡镇',
    enterprise: '企业',
    scheme: '补贴项目',
    printedAt: '打印时间 {at}（北京时间）',
    madeBy: '操作员 {operator}',
    figure: '指标',
    current: '本期',
    yearBefore: '上年同期',
    peopleSent: '输送人数',
    registeredPoor: '其中建档立卡',
    share: '{count} / {of}，{percent}%',
    shareNone: '无人输送',
    batchesDeparted: '已发车批次',
    batchesPlanned: '计划批次',
    handedOver: '已交接',
    inPost: '在岗 {days} 天',
    overdue: '逾期未回访',
    owed: '应发',
    onNotice: '公示中',
    paid: '已发',
    rejected: '未通过',
    yuan: '{amount} 元',
    people: '人数',
    peopleUnit: '{count}人',
    other: '其他',
    unknown: '未知',
    noData: '本期无数据',
    chartMonths: '每月输出人数',
    chartCounties: '按县区、乡镇输出人数',
    chartTownships: '按县区、乡镇输出人数（{county}）',
    chartDestinations: '按输入省份、城市输出人数',
    chartCities: '按输入省份、城市输出人数（{province}）',
    chartEnterprises: '接收人数最多的企业',
    chartFunnel: '稳岗情况：输出 → 交接 → 在岗',
    chartWeeks: '未来 {weeks} 周的批次及座位',
    chartHealth: '3 天内出发批次的体检进度',
    chartSubsidies: '各补贴项目金额（按状态，元）',
    month: '月份',
    province: '省份',
    city: '城市',
    funnelStep: '环节',
    ofSent: '占输送人数',
    sent: '输送',
    weekFrom: '自',
    batches: '批次数',
    passengers: '乘客',
    seated: '已排座',
    capacity: '座位',
    batch: '批次',
    date: '出发日期',
    status: '状态',
    total: '合计',
    checked: '已检',
    passed: '合格',
    failed: '不合格',
    recheck: '待复测',
    expired: '已过期',
    notChecked: '未检',
    noneSoon: '近三天没有待出发的批次',
    yuanHeader: '{what}（元）',
    sheetFigures: '关键指标',
    monthLabel: '{month}月',
    monthYearLabel: '{year}年{month}月',
    weekLabel: '{date}起',
    sheetMonths: '每月输送',
    sheetHome: '户籍地',
    sheetDestinations: '目的地',
    sheetEnterprises: '企业',
    sheetFunnel: '留岗',
    sheetWeeks: '未来批次',
    sheetHealth: '体检进度',
    sheetSubsidies: '补贴',
    poorCount: '其中建档立卡（人）',
    poorPercent: '建档立卡占比（%）',
    percentHeader: '{what}（%）',
    weekTotal: '合计 {count} 批',
    madeAt: '打印时间 {at}（北京时间），操作员 {operator}',
  },
  en: {
    title: 'Point-to-point transport of workers, {place}',
    titleNoPlace: 'Point-to-point transport of workers',
    period: 'Period: {from} to {to}',
    scope: 'Scope: {scope}',
    everything: 'everything',
    county: 'County',
    township: 'Township',
    enterprise: 'Enterprise',
    scheme: 'Subsidy scheme',
    printedAt: 'Printed {at} (Beijing time)',
    madeBy: 'Operator {operator}',
    figure: 'Figure',
    current: 'This period',
    yearBefore: 'A year earlier',
    peopleSent: 'People sent',
    registeredPoor: 'Registered poor',
    share: '{count} / {of}, {percent}%',
    shareNone: 'nobody sent',
    batchesDeparted: 'Batches departed',
    batchesPlanned: 'Batches planned',
    handedOver: 'Handed over',
    inPost: 'In post at {days} days',
    overdue: 'Overdue contacts',
    owed: 'Owed',
    onNotice: 'On notice',
    paid: 'Paid',
    rejected: 'Rejected',
    yuan: '{amount} yuan',
    people: 'People',
    peopleUnit: '{count}',
    other: 'Other',
    unknown: 'Unknown',
    noData: 'No data in this period',
    chartMonths: 'People sent per month',
    chartCounties: 'People sent by county and township',
    chartTownships: 'People sent by county and township ({county})',
    chartDestinations: 'People sent by destination province and city',
    chartCities: 'People sent by destination province and city ({province})',
    chartEnterprises: 'Enterprises that received the most people',
    chartFunnel: 'Retention: sent → handed over → in post',
    chartWeeks: 'Batches of the next {weeks} weeks, with seats',
    chartHealth: 'Health checks of the batches leaving within 3 days',
    chartSubsidies: 'Subsidies by scheme and status (yuan)',
    month: 'Month',
    province: 'Province',
    city: 'City',
    funnelStep: 'Step',
    ofSent: 'Of those sent',
    sent: 'Sent',
    weekFrom: 'From',
    batches: 'Batches',
    passengers: 'Passengers',
    seated: 'Seated',
    capacity: 'Seats',
    batch: 'Batch',
    date: 'Departure',
    status: 'Status',
    total: 'Total',
    checked: 'Checked',
    passed: 'Passed',
    failed: 'Failed',
    recheck: 'Recheck pending',
    expired: 'Expired',
    notChecked: 'Not checked',
    noneSoon: 'No batch leaves in the next 3 days',
    yuanHeader: '{what} (yuan)',
    sheetFigures: 'Key figures',
    monthLabel: '{month}',
    monthYearLabel: '{month} {year}',
    weekLabel: 'From {date}',
    sheetMonths: 'By month',
    sheetHome: 'Home',
    sheetDestinations: 'Destination',
    sheetEnterprises: 'Enterprises',
    sheetFunnel: 'In post',
    sheetWeeks: 'Coming batches',
    sheetHealth: 'Health checks',
    sheetSubsidies: 'Subsidies',
    poorCount: 'Registered poor (people)',
    poorPercent: 'Registered poor (%)',
    percentHeader: '{what} (%)',
    weekTotal: 'Total: {count} batches',
    madeAt: 'Printed {at} (Beijing time) by {operator}',
  },
};
