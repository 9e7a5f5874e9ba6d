import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { bindEmitter } from '../../src/correlation/emitter.js';

const als = new AsyncLocalStorage<string>();

describe('bindEmitter', () => {
  it('runs each listener in the context it was added in', () => {
    const emitter = new EventEmitter();
    bindEmitter(emitter);
    const seen: (string | undefined)[] = [];
    als.run('a', () => emitter.on('x', () => seen.push(als.getStore())));
    als.run('b', () => emitter.prependListener('x', () => seen.push(als.getStore())));

    als.run('other', () => emitter.emit('x'));

    expect(seen).toEqual(['b', 'a']);
  });

  it('fires a once listener once and lets removeListener find wrapped ones', () => {
    const emitter = new EventEmitter();
    bindEmitter(emitter);
    let onces = 0;
    let ons = 0;
    const on = () => ons++;
    const pending = () => onces++;
    emitter.once('x', () => onces++);
    emitter.on('x', on);
    emitter.once('y', pending);

    emitter.emit('x');
    emitter.emit('x');
    emitter.removeListener('x', on);
    emitter.off('y', pending);
    emitter.emit('x');
    emitter.emit('y');

    expect(onces).toBe(1);
    expect(ons).toBe(2);
    expect(emitter.listenerCount('x')).toBe(0);
    expect(emitter.listenerCount('y')).toBe(0);
  });

  it('binds an emitter only once', () => {
    const emitter = new EventEmitter();
    bindEmitter(emitter);
    const on = emitter.on;
    bindEmitter(emitter);
    expect(emitter.on).toBe(on);
  });
});
