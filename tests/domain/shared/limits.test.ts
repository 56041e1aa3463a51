import t from 'tap';
import { identifierProblem, instantInRange, textProblem } from '../../../domain/shared/limits.js';

t.test('identifiers', async (t) => {
  t.equal(identifierProblem('1-1-102'), null);
  t.equal(identifierProblem('1号楼'), null);
  t.match(identifierProblem('__proto__'), /start with/);
  t.match(identifierProblem('constructor'), /reserved/);
  t.match(identifierProblem('a..b'), /\.\./);
  t.match(identifierProblem('x'.repeat(65)), /at most 64/);
  t.match(identifierProblem(''), /non-empty/);
  t.match(identifierProblem(42), /non-empty string/);
});

t.test('free text: one-line texts refuse every control character, multi-line ones keep line breaks', async (t) => {
  t.equal(textProblem('第一段\n第二段\t完', 100, true), null);
  t.equal(textProblem('第一段\n第二段', 100), 'invalid');
  t.equal(textProblem('bell\u0007', 100, true), 'invalid');
  t.equal(textProblem('del\u007f', 100, true), 'invalid');
  t.equal(textProblem('lone \udc00', 100, true), 'invalid');
  t.equal(textProblem('😀', 1), null, 'a pair is one character');
  t.equal(textProblem('   ', 10), 'required');
  t.equal(textProblem('x'.repeat(11), 10), 'too_long');
});

t.test('instants lie in [2000-01-01, 2100-01-01)', async (t) => {
  t.ok(instantInRange(new Date('2000-01-01T00:00:00Z')));
  t.ok(instantInRange(new Date('2099-12-31T23:59:59.999Z')));
  t.notOk(instantInRange(new Date('2100-01-01T00:00:00Z')));
  t.notOk(instantInRange(new Date('1999-12-31T23:59:59.999Z')));
  t.notOk(instantInRange(new Date('9999-12-31T00:00:00Z')));
});
