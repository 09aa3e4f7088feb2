// The wait after a change: a multiple of what validating the document costs, within bounds, estimated from the lowest
// cost per character of its last validations and its length now.
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

  it('estimates the cost from the lowest cost per character of the last validations, so slow runs do not set the wait', () => {
    const costs = new ValidationCosts();
    const uri = 'file:///card.json';
    assert.equal(costs.costOf(uri, 100_000), undefined);
    // The first validations of a session run before V8 has compiled the rules; one later run met a collection.
    for (const ms of [80, 30, 10, 500, 12]) costs.record(uri, ms, 100_000);
    assert.equal(costs.costOf(uri, 100_000), 10);
    assert.equal(costs.debounceMsOf(uri, 100_000), debounceMs(10));
  });

  it('forgets what is older than the last five validations', () => {
    const costs = new ValidationCosts();
    const uri = 'file:///card.json';
    costs.record(uri, 1, 100_000);
    for (let i = 0; i < 5; i++) costs.record(uri, 20, 100_000);
    assert.equal(costs.costOf(uri, 100_000), 20);
  });

  it('follows a card that grew or shrank at once, by its length now', () => {
    const costs = new ValidationCosts();
    const uri = 'file:///growing.card.json';
    for (let i = 0; i < 5; i++) costs.record(uri, 2, 10_000);
    assert.equal(costs.costOf(uri, 1_000_000), 200);
    assert.equal(costs.debounceMsOf(uri, 1_000_000), MAX_DEBOUNCE_MS);
    assert.equal(costs.debounceMsOf(uri, 1_000), MIN_DEBOUNCE_MS);
  });

  it('counts an empty document as one character', () => {
    const costs = new ValidationCosts();
    costs.record('file:///empty.card.json', 0.2, 0);
    assert.equal(costs.costOf('file:///empty.card.json', 1), 0.2);
  });

  it('forgets a closed document', () => {
    const costs = new ValidationCosts();
    costs.record('file:///a.card.json', 50, 1_000);
    costs.forget('file:///a.card.json');
    assert.equal(costs.debounceMsOf('file:///a.card.json', 1_000), MIN_DEBOUNCE_MS);
  });
});
