// The wait after a change: a multiple of what validating the document costs, within bounds, from the median of its
// last validations.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEBOUNCE_COST_MULTIPLE, MAX_DEBOUNCE_MS, MIN_DEBOUNCE_MS, ValidationCosts, debounceMs,
} from '../../server/src/language/change-debounce';

describe('change debounce', () => {
  it('waits a multiple of the validation cost, never less than the minimum nor more than the maximum', () => {
    assert.equal(debounceMs(undefined), MIN_DEBOUNCE_MS);
    assert.equal(debounceMs(0.5), MIN_DEBOUNCE_MS);
    assert.equal(debounceMs(10), 10 * DEBOUNCE_COST_MULTIPLE);
    assert.ok(debounceMs(10) > MIN_DEBOUNCE_MS && debounceMs(10) < MAX_DEBOUNCE_MS);
    assert.equal(debounceMs(5_000), MAX_DEBOUNCE_MS);
  });

  it('takes the median of the last validations, so one slow run does not set the wait', () => {
    const costs = new ValidationCosts();
    const uri = 'file:///card.json';
    assert.equal(costs.costOf(uri), undefined);
    for (const ms of [10, 11, 500, 12, 10]) costs.record(uri, ms);
    assert.equal(costs.costOf(uri), 11);
    assert.equal(costs.debounceMsOf(uri), debounceMs(11));
  });

  it('follows a document that became slower to validate within a few validations', () => {
    const costs = new ValidationCosts();
    const uri = 'file:///growing.card.json';
    for (let i = 0; i < 5; i++) costs.record(uri, 2);
    for (let i = 0; i < 3; i++) costs.record(uri, 40);
    assert.equal(costs.costOf(uri), 40);
  });

  it('forgets a closed document', () => {
    const costs = new ValidationCosts();
    costs.record('file:///a.card.json', 50);
    costs.forget('file:///a.card.json');
    assert.equal(costs.debounceMsOf('file:///a.card.json'), MIN_DEBOUNCE_MS);
  });
});
