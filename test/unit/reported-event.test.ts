import { DataSource, getMetadataArgsStorage } from 'typeorm';
import '../../src/entities';
import {
  allRetracted,
  compareEvents,
  eventInForce,
  NOT_RETRACTED,
  orderByHistory,
} from '../../src/events/reported-event';

const event = (id: number, effectiveDate: string, recordedAt = '2020-01-01T00:00:00.000Z') => ({
  id,
  effectiveDate,
  recordedAt,
  retracted: false,
});

describe('compareEvents', () => {
  test('orders by effective date first, whatever the recording time and id', () => {
    const early = event(9, '2020-05-04', '2021-01-01T00:00:00.000Z');
    const late = event(1, '2020-05-05', '2020-01-01T00:00:00.000Z');
    expect(compareEvents(early, late)).toBe(-1);
    expect(compareEvents(late, early)).toBe(1);
  });

  test('on the same day, by when each was recorded, whatever the id', () => {
    const first = event(9, '2020-05-04', '2020-05-04T10:00:00.000Z');
    const second = event(1, '2020-05-04', '2020-05-04T11:00:00.000Z');
    expect(compareEvents(first, second)).toBe(-1);
    expect(compareEvents(second, first)).toBe(1);
  });

  test('recorded at the same instant, by id', () => {
    expect(compareEvents(event(3, '2020-05-04'), event(5, '2020-05-04'))).toBe(-2);
    expect(compareEvents(event(5, '2020-05-04'), event(3, '2020-05-04'))).toBe(2);
    expect(compareEvents(event(3, '2020-05-04'), event(3, '2020-05-04'))).toBe(0);
  });

  test('sorts a history oldest first', () => {
    const history = [
      event(4, '2020-06-01'),
      event(2, '2020-05-04', '2020-05-04T12:00:00.000Z'),
      event(3, '2020-05-04', '2020-05-04T09:00:00.000Z'),
      event(1, '2020-05-04', '2020-05-04T12:00:00.000Z'),
    ];
    expect([...history].sort(compareEvents).map((e) => e.id)).toEqual([3, 1, 2, 4]);
  });
});

describe('eventInForce', () => {
  const history = [
    event(1, '2020-05-04'),
    event(2, '2020-05-10'),
    { ...event(3, '2020-05-20'), retracted: true },
  ];

  test('is the newest event in effect on the day, the day itself included', () => {
    expect(eventInForce(history, '2020-05-09')?.id).toBe(1);
    expect(eventInForce(history, '2020-05-10')?.id).toBe(2);
    expect(eventInForce(history, '2020-05-04')?.id).toBe(1);
  });

  test('is null before the first event', () => {
    expect(eventInForce(history, '2020-05-03')).toBeNull();
    expect(eventInForce([], '2020-05-03')).toBeNull();
    expect(eventInForce([])).toBeNull();
  });

  test('skips retracted events, now and on the day they took effect', () => {
    expect(eventInForce(history)?.id).toBe(2);
    expect(eventInForce(history, null)?.id).toBe(2);
    expect(eventInForce(history, '2020-05-20')?.id).toBe(2);
    expect(eventInForce([{ ...event(1, '2020-05-04'), retracted: true }])).toBeNull();
  });

  test('without a day, is the newest event of all, even one dated in the future', () => {
    expect(eventInForce([event(1, '2020-05-04'), event(2, '9999-12-31')])?.id).toBe(2);
  });
});

describe('orderByHistory', () => {
  test('orders a query by effective date, recording time and id, all ascending', () => {
    const dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
    const qb = dataSource.createQueryBuilder().select('e.id').from('attachment_event', 'e');
    expect(orderByHistory(qb, 'e').getQuery()).toBe(
      'SELECT e.id FROM "attachment_event" "e" ORDER BY e.effectiveDate ASC, e.recordedAt ASC, e.id ASC',
    );
  });
});

describe('allRetracted', () => {
  const retracted = { retracted: true };
  const counting = { retracted: false };

  test('is true only when something was reported and every report was retracted', () => {
    expect(allRetracted([retracted])).toBe(true);
    expect(allRetracted([retracted, retracted])).toBe(true);
    expect(allRetracted([retracted, counting])).toBe(false);
    expect(allRetracted([counting, retracted])).toBe(false);
    expect(allRetracted([counting])).toBe(false);
  });

  test('is false for a subject with no events at all', () => {
    expect(allRetracted([])).toBe(false);
  });
});

describe('NOT_RETRACTED', () => {
  test('is the predicate of every event table’s partial unique report index', () => {
    const reportIndexes = getMetadataArgsStorage().indices.filter(
      (index) => typeof index.name === 'string' && /^UQ_.*_report/.test(index.name),
    );
    expect(reportIndexes.map((index) => index.name).sort()).toEqual([
      'UQ_attachment_event_report',
      'UQ_film_relation_event_report',
      'UQ_production_event_report',
      'UQ_release_event_report',
      'UQ_release_event_report_worldwide',
      'UQ_title_event_report',
    ]);
    for (const index of reportIndexes)
      expect(index.where?.startsWith('"retracted" = false')).toBe(true);
    expect(NOT_RETRACTED).toBe('"retracted" = false');
  });
});
