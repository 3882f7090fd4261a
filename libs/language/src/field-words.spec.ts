import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { hasMessage } from './catalogue';
import { fieldWords } from './error-messages';

/** Every name a refusal can give as its field: the served schema's input fields and arguments. */
function fieldNamesOfSchema(): string[] {
  const schema = buildSchema(readFileSync(join(__dirname, '../../../schema.gql'), 'utf8'));
  const names = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) names.add(field.name);
    if (isObjectType(type) || isInterfaceType(type))
      for (const field of Object.values(type.getFields())) for (const arg of field.args) names.add(arg.name);
  }
  return [...names].sort();
}

describe('every field a refusal can name has words', () => {
  it.each(fieldNamesOfSchema())('%s is named in fields (ar and en)', (name) => {
    expect(hasMessage('ar', `fields:${name}`)).toBe(true);
    expect(hasMessage('en', `fields:${name}`)).toBe(true);
  });

  it.each([
    ['input.title.ar', 'العنوان بالعربية', 'Title (Arabic)'],
    ['input.summary.en', 'الملخص بالإنجليزية', 'Summary (English)'],
    ['id', 'المعرّف', 'Id'],
    ['ballotId', 'الاقتراع', 'Ballot'],
    ['input.items[2].title', 'العنوان', 'Title'],
    ['preferences.1.topic', 'الموضوع', 'Topic'],
    ['input.title.authoritative', 'العنوان', 'Title'],
    ['filter.role', 'الدور', 'Role'],
  ])('names %s in words', (path, ar, en) => {
    expect(fieldWords('ar', path)).toBe(ar);
    expect(fieldWords('en', path)).toBe(en);
  });

  it('quotes a path it has no words for rather than leave it bare', () => {
    expect(fieldWords('ar', 'input.noSuchField')).toBe('«input.noSuchField»');
  });
});
