import { safeUrl, safeUrlPrefix } from './safeUrl';

// eslint-disable-next-line no-script-url
const SCRIPT = 'javascript:alert(document.cookie)';

describe('safeUrl', () => {
  it('returns http(s) URLs normalised', () => {
    expect(safeUrl(' HTTPS://Coder.Example.com/a b ')).toBe(
      'https://coder.example.com/a%20b',
    );
    expect(safeUrl('http://localhost:3000/x')).toBe('http://localhost:3000/x');
  });

  it.each([
    [SCRIPT],
    [` ${SCRIPT.toUpperCase()}`],
    ['java\tscript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
    ['vbscript:msgbox(1)'],
    ['blob:https://coder.example.com/0b1c'],
    ['/relative/without/base'],
    [''],
    [undefined],
  ])('refuses %j', value => {
    expect(safeUrl(value)).toBeUndefined();
    expect(safeUrl(value, { allowDesktopSchemes: true })).toBeUndefined();
  });

  it('resolves a relative value against a safe base only', () => {
    expect(
      safeUrl('/icon/docker.svg', { base: 'https://coder.example.com/' }),
    ).toBe('https://coder.example.com/icon/docker.svg');
    expect(
      safeUrl('https://cdn.example.com/a.png', {
        base: 'https://coder.example.com/',
      }),
    ).toBe('https://cdn.example.com/a.png');
    expect(
      safeUrl('/icon/docker.svg', { base: `${SCRIPT}//` }),
    ).toBeUndefined();
    expect(
      safeUrl('https://cdn.example.com/a.png', { base: 'data:,x' }),
    ).toBeUndefined();
  });

  it('accepts the desktop schemes Coder allows only when asked', () => {
    const vscode = 'vscode://coder.coder-remote/open?token=$SESSION_TOKEN';
    expect(safeUrl(vscode)).toBeUndefined();
    expect(safeUrl(vscode, { allowDesktopSchemes: true })).toBe(vscode);
    expect(
      safeUrl('jetbrains-gateway://connect#type=coder', {
        allowDesktopSchemes: true,
      }),
    ).toBe('jetbrains-gateway://connect#type=coder');
    expect(
      safeUrl('ms-excel:ofe|u|https://x', { allowDesktopSchemes: true }),
    ).toBeUndefined();
  });
});

describe('safeUrlPrefix', () => {
  it('gives a safe base without its trailing slash, ready for a path', () => {
    expect(safeUrlPrefix('https://coder.example.com/')).toBe(
      'https://coder.example.com',
    );
    expect(safeUrlPrefix('https://proxy.example.com/coder//')).toBe(
      'https://proxy.example.com/coder',
    );
  });

  it.each([
    [`${SCRIPT}//`],
    ['data:text/html,x'],
    ['https://coder.example.com/?next='],
    ['https://coder.example.com/#'],
    ['coder.example.com'],
    [''],
  ])('refuses %j as a base', base => {
    expect(safeUrlPrefix(base)).toBeUndefined();
  });
});
