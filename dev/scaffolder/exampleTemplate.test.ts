import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../..');
const example = path.join(root, 'docs/examples/coder-service');
const dev = path.join(__dirname, 'coder-service');
const read = (dir: string, file = 'template.yaml') =>
  parse(readFileSync(path.join(dir, file), 'utf8'));

/**
 * What the dev copy of an example changes, the same in both: no SCM here, so no
 * repository location to ask for, the repository's URL known only once published, and
 * publishing and registering with the dev backend.
 */
function withLocalPublishing(template: any) {
  const [service, workspace] = template.spec.parameters;
  delete service.properties.repoUrl;
  service.required = ['name'];
  workspace.properties.coder['ui:options'].boundParameters.repo_url =
    '${{ steps.publish.output.remoteUrl }}';
  const steps = template.spec.steps;
  steps[1] = {
    id: 'publish',
    name: 'Publish to the dev backend',
    action: 'dev:publish:local',
    input: { repoName: '${{ parameters.name }}' },
  };
  steps[2].input = {
    catalogInfoUrl: '${{ steps.publish.output.catalogInfoUrl }}',
  };
  return template;
}

/**
 * The dev app runs a copy of the documented example; a test that runs the copy proves the
 * example only if the two differ where the dev machine forces them to, and nowhere else.
 */
describe('the dev template', () => {
  it('is the documented example with only the publishing replaced', () => {
    const expected = withLocalPublishing(read(example));
    // The action fills repo_url from the published repository.
    expected.spec.steps[3].input.repoUrl =
      '${{ steps.publish.output.remoteUrl }}';

    expect(read(dev)).toEqual(expected);
  });

  it('of the link-only example is that example with only the publishing replaced', () => {
    const expected = withLocalPublishing(
      read(path.join(root, 'docs/examples/coder-service-link')),
    );
    // Beside coder-service's skeleton, which it shares.
    expected.spec.steps[0].input.url = './skeleton';
    // The repository's URL is known only now: the link appends it.
    expected.spec.output.links[0].url +=
      '&param.repo_url=${{ steps.publish.output.remoteUrl | urlencode }}';

    expect(read(dev, 'template-link.yaml')).toEqual(expected);
  });

  it('uses the example skeleton byte for byte', () => {
    const files = (dir: string) =>
      Object.fromEntries(
        readdirSync(path.join(dir, 'skeleton')).map(name => [
          name,
          readFileSync(path.join(dir, 'skeleton', name), 'utf8'),
        ]),
      );
    expect(files(dev)).toEqual(files(example));
  });
});
