/**
 * Arrival, handover and follow-up (issue 17): the names of the outcomes, methods, needs and reasons
 * that every follow-up screen, the register export and the confirmation import share, then each
 * screen's own texts in its block.
 */
import type { Widen } from '../widen';

export const followupZhCN = {
  outcome: {
    'in-post': '在岗',
    'changed-job': '已换工作',
    'left-looking': '已离职，在找工作',
    'returned-home': '已返乡',
    unreachable: '未联系上',
  },
  method: {
    phone: '电话',
    wechat: '微信',
    visit: '走访',
    enterprise: '通过企业',
    'liaison-station': '通过驻外工作站',
    'enterprise-verification': '企业核实',
  },
  need: {
    'change-job': '换工作',
    rights: '欠薪或其他维权',
    training: '技能培训',
    other: '其他',
  },
  exceptionReason: {
    'did-not-board': '未上车',
    'left-on-way': '途中离队',
    refused: '拒绝入职',
    other: '其他',
  },
  endReason: {
    'changed-job': '换工作',
    left: '离职',
    'returned-home': '返乡',
  },
} as const;

export const followupEn: Widen<typeof followupZhCN> = {
  outcome: {
    'in-post': 'In post',
    'changed-job': 'Changed job',
    'left-looking': 'Left, looking for work',
    'returned-home': 'Returned home',
    unreachable: 'Not reached',
  },
  method: {
    phone: 'Phone',
    wechat: 'WeChat',
    visit: 'Visit',
    enterprise: 'Through the enterprise',
    'liaison-station': 'Through the liaison station',
    'enterprise-verification': 'Enterprise verification',
  },
  need: {
    'change-job': 'Change of job',
    rights: 'Unpaid wages or other rights',
    training: 'Training',
    other: 'Other',
  },
  exceptionReason: {
    'did-not-board': 'Did not board',
    'left-on-way': 'Left on the way',
    refused: 'Refused the job',
    other: 'Other',
  },
  endReason: {
    'changed-job': 'Changed job',
    left: 'Left',
    'returned-home': 'Returned home',
  },
};
