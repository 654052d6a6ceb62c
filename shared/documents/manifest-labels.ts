/**
 * The words of the passenger manifest in both languages. A module of its own, free of jsPDF, so
 * that the settings page can list the columns by the headings the manifest prints.
 */
import type { Language, ManifestColumn } from '../domain/records';
import type { Labels } from './labels';

export const MANIFEST_LABELS: Labels<
  | ManifestColumn
  | 'title'
  | 'header'
  | 'legLine'
  | 'vehicleLine'
  | 'escortLine'
  | 'noEscort'
  | 'totals'
  | 'unseatedTitle'
  | 'unseatedTotals'
  | 'signEscort'
  | 'signDriver'
  | 'signConductor'
  | 'signMedic'
  | 'continued'
  | 'vehiclePage'
  | 'sectionPage'
  | 'emptyVehicles'
  | 'legEmpty'
  | 'noPassengers'
> = {
  'zh-CN': {
    sequence: '序号',
    name: '姓名',
    gender: '性别',
    age: '年龄',
    residentId: '身份证号',
    phone: '联系电话',
    home: '县、乡镇、村',
    enterprise: '接收企业',
    seat: '座位',
    health: '健康检查',
    boarded: '登车',
    povertyStatus: '帮扶类别',
    remarks: '备注',
    title: '乘客名单',
    header: '{batch}　线路：{route}　日期：{date}',
    legLine: '第 {number} 段（{mode}）：{from} → {to}，{time} 出发',
    vehicleLine: '车辆：{vehicle}（{seats} 座）',
    escortLine: '随车人员：{name} {phone}',
    noEscort: '随车人员：未指定',
    totals: '本车合计：乘客 {count} 人，男 {men} 人，女 {women} 人，建档立卡 {poor} 人（{share}）',
    unseatedTitle: '未安排座位的乘客',
    unseatedTotals: '未安排座位：{count} 人，男 {men} 人，女 {women} 人，建档立卡 {poor} 人（{share}）',
    signEscort: '随车人员签字',
    signDriver: '司机签字',
    signConductor: '列车员签字',
    signMedic: '医护人员签字',
    continued: '（续）',
    vehiclePage: '本车第 {page} 页 / 共 {pages} 页',
    sectionPage: '本节第 {page} 页 / 共 {pages} 页',
    emptyVehicles: '本段无乘客的车辆（不另列名单）：{vehicles}',
    legEmpty: '本段没有乘客',
    noPassengers: '本批次还没有乘客，没有可打印的乘客名单。',
  },
  en: {
    sequence: 'No.',
    name: 'Name',
    gender: 'Sex',
    age: 'Age',
    residentId: 'Resident ID',
    phone: 'Phone',
    home: 'Home',
    enterprise: 'Receiving enterprise',
    seat: 'Seat',
    health: 'Health check',
    boarded: 'Boarded',
    povertyStatus: 'Poverty status',
    remarks: 'Remarks',
    title: 'Passenger manifest',
    header: '{batch}   Route: {route}   Date: {date}',
    legLine: 'Leg {number} ({mode}): {from} → {to}, departs {time}',
    vehicleLine: 'Vehicle: {vehicle} ({seats} seats)',
    escortLine: 'Escort: {name} {phone}',
    noEscort: 'Escort: not assigned',
    totals:
      'Vehicle totals: {count} passengers, {men} men, {women} women, {poor} from registered poor households ({share})',
    unseatedTitle: 'Passengers without a seat',
    unseatedTotals:
      'Without a seat: {count} passengers, {men} men, {women} women, {poor} from registered poor households ({share})',
    signEscort: 'Escort signature',
    signDriver: 'Driver signature',
    signConductor: 'Conductor signature',
    signMedic: 'Medic signature',
    continued: ' (continued)',
    vehiclePage: 'Vehicle page {page} of {pages}',
    sectionPage: 'Section page {page} of {pages}',
    emptyVehicles: 'No passengers on this leg, so no list: {vehicles}',
    legEmpty: 'No passengers on this leg',
    noPassengers: 'This batch has no passengers yet: there is no manifest to print.',
  },
};

/** A column's heading as the manifest prints it (the settings page lists the columns by it too). */
export function manifestColumnLabel(column: ManifestColumn, language: Language): string {
  return MANIFEST_LABELS[language][column];
}
