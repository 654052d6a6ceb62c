import { describe, expect, it } from 'vitest';
import { StationSearch, parseSeatQuery, type StationSearchPassenger } from '@shared/health';
import { makeWorker } from '../../fixtures/factories';

function passenger(name: string, seats: StationSearchPassenger['seats'] = []): StationSearchPassenger {
  const worker = makeWorker({ name });
  return { id: worker.id, name, residentId: worker.residentId, phone: worker.phone, seats };
}

const car = (label: string) => ({ kind: 'train-second-class' as const, label });
const coach = { kind: 'coach' as const, label: '桂L·12345' };

describe('reading a seat', () => {
  it('reads a carriage and a seat however they are typed', () => {
    expect(parseSeatQuery('05车12F')).toEqual({ carriage: '5', seat: '12F' });
    expect(parseSeatQuery('5车12f')).toEqual({ carriage: '5', seat: '12F' });
    expect(parseSeatQuery('０５车０１２Ｆ')).toEqual({ carriage: '5', seat: '12F' });
    expect(parseSeatQuery('05车57号')).toEqual({ carriage: '5', seat: '57' });
    expect(parseSeatQuery('Car 05 Seat 12F')).toEqual({ carriage: '5', seat: '12F' });
  });

  it('reads a seat alone only with a mark a name or an ID can not have', () => {
    expect(parseSeatQuery('12F')).toEqual({ carriage: null, seat: '12F' });
    expect(parseSeatQuery('3号座')).toEqual({ carriage: null, seat: '3' });
    expect(parseSeatQuery('57号')).toEqual({ carriage: null, seat: '57' });
    expect(parseSeatQuery('Seat 3')).toEqual({ carriage: null, seat: '3' });
    for (const text of ['12', '123X', '黄文光', 'hwg', '452601199001011234']) expect(parseSeatQuery(text)).toBeNull();
  });
});

describe('the station search', () => {
  const zhang = passenger('张三', [
    { legId: 'bus', vehicle: coach, seat: '3' },
    { legId: 'train', vehicle: car('05'), seat: '12F' },
  ]);
  const huang = passenger('黄文光', [{ legId: 'train', vehicle: car('06'), seat: '12F' }]);
  const huang2 = passenger('黄文光明', [{ legId: 'train', vehicle: car('06'), seat: '1A' }]);
  const search = new StationSearch([zhang, huang, huang2]);

  it('finds by pinyin initials, name and the last digits of the ID', () => {
    expect(search.search('zs')).toMatchObject({ ids: [zhang.id], exact: zhang.id, kind: 'person' });
    expect(search.search(zhang.residentId.slice(-6)).exact).toBe(zhang.id);
    expect(search.search('黄').ids).toEqual([huang.id, huang2.id]);
  });

  it('names one passenger for a whole ID, typed or scanned, and for a whole name among longer ones', () => {
    expect(search.search(huang.residentId)).toMatchObject({ exact: huang.id, total: 1 });
    expect(search.search(` ${huang.residentId.toLowerCase()} `).exact).toBe(huang.id);
    const byName = search.search('黄文光');
    expect(byName.total).toBe(2);
    expect(byName.exact).toBe(huang.id);
    expect(search.search('hwg').exact).toBeNull();
  });

  it('finds by seat: the carriage and seat name one, the seat alone all who sit there', () => {
    expect(search.search('05车12F')).toMatchObject({ ids: [zhang.id], exact: zhang.id, kind: 'seat' });
    expect(search.search('6车12f').exact).toBe(huang.id);
    const alone = search.search('12F');
    expect(alone.ids.sort()).toEqual([zhang.id, huang.id].sort());
    expect(alone.exact).toBeNull();
    expect(search.search('3号座').exact).toBe(zhang.id);
    expect(search.search('07车12F').total).toBe(0);
  });

  it('leaves namesakes to be picked from the list', () => {
    const twin = passenger('张三');
    const twins = new StationSearch([zhang, twin]);
    expect(twins.search('张三')).toMatchObject({ total: 2, exact: null });
  });

  it('finds nothing for an empty query', () => {
    expect(search.search('  ')).toEqual({ ids: [], matches: [], total: 0, kind: 'none', exact: null });
  });

  it('says why each passenger matched: seat, name, pinyin, whole ID, ID ending or phone', () => {
    const reasons = (query: string) => search.search(query).matches.map((match) => match.reason.by);
    expect(search.search('05车12F').matches).toEqual([
      { id: zhang.id, reason: { by: 'seat', seat: { legId: 'train', vehicle: car('05'), seat: '12F' } } },
    ]);
    expect(reasons('黄文')).toEqual(['name', 'name']);
    expect(reasons('zs')).toEqual(['pinyin']);
    expect(reasons(huang.residentId)).toEqual(['resident-id']);
    expect(reasons(zhang.residentId.slice(-6))).toEqual(['id-suffix']);
    const byPhone = search.search(huang2.phone.slice(3, 9));
    expect(byPhone.ids).toContain(huang2.id);
    expect(byPhone.matches.find((match) => match.id === huang2.id)?.reason).toEqual({ by: 'phone' });
  });
});

describe('a bare number at the station', () => {
  // Seat 21 on the coach is taken by someone whose ID does not end in 21; another ends in 21.
  const seated = passenger('韦小红', [{ legId: 'bus', vehicle: coach, seat: '21' }]);
  const worker = makeWorker({ name: '黄二一' });
  const idEndsIn21 = { ...worker, residentId: `${worker.residentId.slice(0, 15)}021`, seats: [] };
  const inSeat47 = passenger('蒙大山', [{ legId: 'bus', vehicle: coach, seat: '47' }]);

  it('finds the passenger in that seat first, then the IDs that end in it', () => {
    const search = new StationSearch([idEndsIn21, seated]);
    const found = search.search('21');
    expect(found.kind).toBe('seat-or-person');
    expect(found.ids).toEqual([seated.id, idEndsIn21.id]);
    expect(found.matches.map((match) => match.reason.by)).toEqual(['seat', 'id-suffix']);
    expect(found.exact).toBeNull();
  });

  it('finds a taken seat that no ID ends in, and names that passenger at once', () => {
    const search = new StationSearch([idEndsIn21, seated, inSeat47]);
    expect(search.search('47')).toMatchObject({ ids: [inSeat47.id], total: 1, exact: inSeat47.id });
    expect(search.search('047').ids).toEqual([inSeat47.id]);
  });

  it('reads four digits or more as the end of an ID or a phone only', () => {
    const search = new StationSearch([idEndsIn21, seated]);
    expect(search.search('0021').kind).toBe('person');
  });
});
