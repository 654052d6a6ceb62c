/**
 * The home page texts (the welcome, the demo data, the overview), in both languages side by side: one
 * file per screen, so that people working on different screens do not edit the same file.
 */
import type { Widen } from '../widen';

export const homeZhCN = {
  welcomeTitle: '欢迎使用点对点专列规划',
  welcomeText:
    '数据库还是空的。可以先加载一套演示数据（百色市 12 个县区的务工人员、广州和深圳的接收企业、一条线路和两个批次）熟悉软件，之后可随时清除。',
  loadDemo: '加载演示数据',
  firstSteps: {
    title: '从这里开始',
    demo: '试用演示数据',
    demoText: '一键加载一套完整的演示数据，看看批次、体检、跟踪和补贴怎样运转。',
    import: '导入务工人员花名册',
    importText: '从 Excel 或 CSV 花名册导入本地务工人员，导入前会逐行检查身份证号和电话。',
    importAction: '导入花名册',
    enterprise: '添加接收企业',
    enterpriseText: '登记接收企业及其统一社会信用代码、所在城市和招聘岗位。',
    enterpriseAction: '添加企业',
  },
  loadingDemo: '正在加载演示数据：{{done}} / {{total}}',
  demoLoaded: '演示数据已加载',
  clearDemo: '清除演示数据',
  clearDemoTitle: '清除演示数据？',
  clearDemoText: '将删除全部演示记录，以及挂在演示记录上的岗位和安排。您自己录入的记录会保留。',
  demoCleared: '已清除 {{count}} 条演示记录',
  demoCancelled: '已取消，数据库未改动',
  overview: '数据概览',
  counts: {
    workers: '务工人员',
    enterprises: '接收企业',
    openings: '招聘岗位',
    routes: '线路',
    batches: '批次',
    assignments: '批次人员安排',
  },
  demoPresent: '当前包含演示数据。',
} as const;

export const homeEn: Widen<typeof homeZhCN> = {
  welcomeTitle: 'Welcome to Point-to-Point Planner',
  welcomeText:
    'The database is empty. Load a demo data set (workers from the 12 counties of Baise, receiving enterprises in Guangzhou and Shenzhen, a route and two batches) to get to know the app; you can clear it at any time.',
  loadDemo: 'Load demo data',
  firstSteps: {
    title: 'Where to begin',
    demo: 'Try the demo data',
    demoText:
      'Load a complete demo data set in one click, and see how batches, health checks, follow-up and subsidies work.',
    import: 'Import a roster of workers',
    importText:
      'Import the local workers from an Excel or CSV roster; every ID number and phone is checked, row by row, before anything is stored.',
    importAction: 'Import a roster',
    enterprise: 'Add a receiving enterprise',
    enterpriseText: 'Record a receiving enterprise with its unified social credit code, its city and its job openings.',
    enterpriseAction: 'Add an enterprise',
  },
  loadingDemo: 'Loading demo data: {{done}} / {{total}}',
  demoLoaded: 'Demo data loaded',
  clearDemo: 'Clear demo data',
  clearDemoTitle: 'Clear the demo data?',
  clearDemoText:
    'Every demo record is deleted, with the openings and assignments that hang on demo records. Records you entered yourself stay.',
  demoCleared: '{{count}} demo records cleared',
  demoCancelled: 'Cancelled; the database is unchanged',
  overview: 'Overview',
  counts: {
    workers: 'Workers',
    enterprises: 'Receiving enterprises',
    openings: 'Job openings',
    routes: 'Routes',
    batches: 'Batches',
    assignments: 'Batch assignments',
  },
  demoPresent: 'The database holds demo data.',
};
