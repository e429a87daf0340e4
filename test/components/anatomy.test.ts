import { describe, expect, it } from 'vitest';
import { partProps, parts, partStates } from '../../src/components/anatomy';

describe('parts', () => {
  it('should list each part once', () => {
    expect(new Set(parts).size).toBe(parts.length);
  });

  it('should only give states to parts that exist', () => {
    expect(Object.keys(partStates).filter((part) => !(parts as readonly string[]).includes(part))).toEqual([]);
  });
});

describe('partProps', () => {
  it('should name the part and add the kit class', () => {
    expect(partProps('heading')).toEqual({ 'data-threepid-part': 'heading', className: 'threepid-heading' });
  });

  it("should add the host's class for that part only", () => {
    const classNames = { button: 'btn btn-primary', input: 'form-control' };
    expect(partProps('button', classNames)).toEqual({ 'data-threepid-part': 'button', className: 'threepid-button btn btn-primary' });
    expect(partProps('heading', classNames).className).toBe('threepid-heading');
  });

  it("should drop the kit class but keep the data attribute and the host's class when unstyled", () => {
    expect(partProps('input', { input: 'form-control' }, true)).toEqual({ 'data-threepid-part': 'input', className: 'form-control' });
  });

  it('should leave className out when unstyled with no host class, so no empty class attribute is rendered', () => {
    const props = partProps('alert', { alert: '  ' }, true);
    expect(props).toEqual({ 'data-threepid-part': 'alert' });
    expect('className' in props).toBe(false);
  });
});
