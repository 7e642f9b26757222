import { ConfigReader } from '@backstage/config';
import { resolveCoderConfig } from './resolveCoderConfig';

const read = (workspaces: object) =>
  resolveCoderConfig(
    new ConfigReader({
      coder: {
        deployment: { accessUrl: 'https://coder.example.com' },
        workspaces,
      },
    }),
    undefined,
  );

describe('resolveCoderConfig: coder.workspaces.fromEntities', () => {
  it('defaults to no one-click creation and no replaced values', () => {
    expect(read({}).workspaces.fromEntities).toEqual({
      autoMode: false,
      templateName: true,
    });
  });

  it('reads the platform’s choices', () => {
    expect(
      read({ fromEntities: { autoMode: true, params: ['region'] } }).workspaces
        .fromEntities,
    ).toEqual({ autoMode: true, templateName: true, params: ['region'] });
  });

  it('names a wrong value by its key', () => {
    expect(() => read({ fromEntities: { autoMode: 'yes' } })).toThrow(
      'coder.workspaces.fromEntities.autoMode must be true or false',
    );
  });
});
