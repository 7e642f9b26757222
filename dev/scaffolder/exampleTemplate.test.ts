import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../..');
const example = path.join(root, 'docs/examples/coder-service');
const dev = path.join(__dirname, 'coder-service');
const read = (dir: string, file = 'template.yaml') =>
  parse(readFileSync(path.join(dir, file), 'utf8'));

/**
 * The dev app runs a copy of the documented example; a test that runs the copy proves the
 * example only if the two differ where the dev machine forces them to, and nowhere else.
 */
describe('the dev template', () => {
  it('is the documented example with only the publishing replaced', () => {
    const expected = read(example);
    const [service, workspace] = expected.spec.parameters;
    // No SCM here: no repository location to ask for ...
    delete service.properties.repoUrl;
    service.required = ['name'];
    // ... so the repository's URL is known only once it is published.
    workspace.properties.coder['ui:options'].boundParameters.repo_url =
      '${{ steps.publish.output.remoteUrl }}';
    const steps = expected.spec.steps;
    steps[1] = {
      id: 'publish',
      name: 'Publish to the dev backend',
      action: 'dev:publish:local',
      input: { repoName: '${{ parameters.name }}' },
    };
    steps[2].input = {
      catalogInfoUrl: '${{ steps.publish.output.catalogInfoUrl }}',
    };
    steps[3].input.repoUrl = '${{ steps.publish.output.remoteUrl }}';

    expect(read(dev)).toEqual(expected);
  });

  it('of the link-only example is that example with only the publishing replaced', () => {
    const expected = read(
      path.join(root, 'docs/examples/coder-service-link'),
    );
    const [service, workspace] = expected.spec.parameters;
    delete service.properties.repoUrl;
    service.required = ['name'];
    workspace.properties.coder['ui:options'].boundParameters.repo_url =
      '${{ steps.publish.output.remoteUrl }}';
    const steps = expected.spec.steps;
    // Beside coder-service's skeleton, which it shares.
    steps[0].input.url = './skeleton';
    steps[1] = {
      id: 'publish',
      name: 'Publish to the dev backend',
      action: 'dev:publish:local',
      input: { repoName: '${{ parameters.name }}' },
    };
    steps[2].input = {
      catalogInfoUrl: '${{ steps.publish.output.catalogInfoUrl }}',
    };
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
