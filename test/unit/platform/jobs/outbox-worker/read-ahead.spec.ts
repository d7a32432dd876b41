import type { OutboxDoc } from '../../../../../bot/src/platform/jobs/outbox';
import {
  idleLookDelay,
  selectDue,
} from '../../../../../bot/src/platform/jobs/outbox-worker/read-ahead';

const T = 1_000_000;

const doc = (key: string, over: Partial<OutboxDoc> = {}): OutboxDoc => ({
  _id: key,
  target: { serviceUrl: 'https://smba', tenantId: 't', userId: `29:${key}`, aadObjectId: key },
  activity: { type: 'message' },
  status: 'pending',
  attempts: 0,
  notBefore: new Date(T),
  createdAt: new Date(T),
  ...over,
});

const emptyState = () => ({
  local: new Set<string>(),
  finished: new Map<string, number>(),
  toRemember: new Map<string, string>(),
});

describe('choosing what a read of the outbox makes due', () => {
  it('keeps the order read, and leaves out what is already buffered or in flight here', () => {
    const state = emptyState();
    state.local.add('b');

    const { due } = selectDue([doc('a'), doc('b'), doc('c')], state, 0, T);

    expect(due.map((d) => d.doc._id)).toEqual(['a', 'c']);
  });

  it('skips a copy read before its outcome was written, and takes it from a later read', () => {
    const state = emptyState();
    state.finished.set('a', 5);

    expect(selectDue([doc('a')], state, 4, T).due).toEqual([]);
    expect(state.finished.get('a')).toBe(5);

    expect(selectDue([doc('a')], state, 5, T).due.map((d) => d.doc._id)).toEqual(['a']);
    expect(state.finished.has('a')).toBe(false);
  });

  it('forgets outcome marks every read that began after them has seen', () => {
    const state = emptyState();
    state.finished.set('gone', 2).set('recent', 7);

    selectDue([], state, 3, T);

    expect([...state.finished.keys()]).toEqual(['recent']);
  });

  it('holds back what is not yet due and says when the first of it is', () => {
    const { due, nextDueAt } = selectDue(
      [
        doc('later', { notBefore: new Date(T + 900) }),
        doc('soon', { notBefore: new Date(T + 300) }),
      ],
      emptyState(),
      0,
      T,
    );

    expect(due).toEqual([]);
    expect(nextDueAt).toBe(T + 300);
  });

  it('sends to the conversation stored by an earlier try, given by the caller, or created this run', () => {
    const state = emptyState();
    state.toRemember.set('c', 'created-c');
    const given = doc('b');
    given.target.conversationId = 'given-b';

    const { due } = selectDue(
      [doc('a', { conversationId: 'stored-a' }), given, doc('c'), doc('d')],
      state,
      0,
      T,
    );

    expect(due.map((d) => d.conversationId)).toEqual([
      'stored-a',
      'given-b',
      'created-c',
      undefined,
    ]);
    expect(due[0].tenantId).toBe('t');
  });
});

describe('how long an idle worker waits before looking again', () => {
  const settings = { pollMs: 200, idlePollMaxMs: 2_000 };

  it('doubles from pollMs with each empty look, up to idlePollMaxMs', () => {
    const waits = [0, 1, 2, 3, 4, 10].map((n) => idleLookDelay(n, settings, Infinity));
    expect(waits).toEqual([200, 400, 800, 1_600, 2_000, 2_000]);
  });

  it('looks when the next retry comes due if that is sooner, and never waits less than 1 ms', () => {
    expect(idleLookDelay(5, settings, 350)).toBe(350);
    expect(idleLookDelay(5, settings, -20)).toBe(1);
  });
});
