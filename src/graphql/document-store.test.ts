import { parse } from 'graphql';
import { documentStore } from './document-store';

it('keeps the most recently used documents, up to its bound', async () => {
  const store = documentStore(2);
  const doc = (n: number) => parse(`query Q${n} { me { role } }`);
  await store.set('a', doc(1));
  await store.set('b', doc(2));
  expect(await store.get('a')).toBeDefined();
  await store.set('c', doc(3));
  expect(store.size).toBe(2);
  expect(await store.get('b')).toBeUndefined();
  expect(await store.get('a')).toBeDefined();
  expect(await store.get('c')).toBeDefined();
});
