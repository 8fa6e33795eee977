/** Minimal glob matching for settings (`**` any folders, `*` within a segment, `?`, `{a,b}`), on `/` paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',' && re.includes('(?:')) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  // A pattern without a folder part matches the file name anywhere, as VS Code's files.associations do.
  return new RegExp(glob.includes('/') ? `^${re}$` : `(?:^|/)${re}$`);
}

export function matchesGlob(path: string, glob: string): boolean {
  try {
    return globToRegExp(glob).test(path.replace(/\\/g, '/'));
  } catch {
    return false;
  }
}
