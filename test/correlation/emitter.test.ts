import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { bindEmitter, type Enter } from '../../src/correlation/emitter.js';

const als = new AsyncLocalStorage<string>();
const enter: Enter = (fn, thisArg, args) => als.run('request', () => fn.apply(thisArg, args));

describe('bindEmitter', () => {
  it('runs each listener through enter, with its this and arguments', () => {
    const emitter = new EventEmitter();
    bindEmitter(emitter, enter);
    const seen: unknown[] = [];
    emitter.on('x', function (this: unknown, arg: unknown) {
      seen.push(['on', als.getStore(), this === emitter, arg]);
    });
    emitter.prependListener('x', (arg: unknown) => seen.push(['prepend', als.getStore(), arg]));

    als.run('socket', () => emitter.emit('x', 7));

    expect(seen).toEqual([
      ['prepend', 'request', 7],
      ['on', 'request', true, 7],
    ]);
  });

  it('fires a once listener once and lets removeListener find wrapped ones', () => {
    const emitter = new EventEmitter();
    bindEmitter(emitter, enter);
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
    bindEmitter(emitter, enter);
    const on = emitter.on;
    bindEmitter(emitter, enter);
    expect(emitter.on).toBe(on);
  });
});
