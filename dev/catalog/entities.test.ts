import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { sampleEntities } from '../entities';

// The classic dev app renders dev/entities.ts directly; the new-system one reads the
// catalog backend, which reads the YAML. Both must show the same entities.
describe('dev/catalog/entities.yaml', () => {
  it('holds exactly the sample entities of dev/entities.ts', () => {
    const text = readFileSync(path.join(__dirname, 'entities.yaml'), 'utf8');
    const fromYaml = parseAllDocuments(text).map(doc => doc.toJS());
    expect(fromYaml).toEqual(sampleEntities);
  });
});
