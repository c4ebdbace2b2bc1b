// flags: --allow-write=/tmp
// node:fs/promises round trips in a fresh directory under /tmp, and its
// errors with Node's codes and messages. Run under `node` to check.
globalThis.print ??= console.log;
const fsp = require('node:fs/promises');
const dir = '/tmp/strata-fs-' + Date.now() + '-' + Math.random().toString(36).slice(2);
const hide = (s) => String(s).split(dir).join('<dir>');

async function expectError(name, f) {
  try {
    await f();
    print(name, 'succeeded');
  } catch (e) {
    print(name, '->', e.name, e.code, hide(e.message), e.syscall ?? '', hide(e.path ?? ''));
  }
}

(async () => {
  try {
    print('mkdir recursive returns the first created:', hide(await fsp.mkdir(dir + '/a/b', { recursive: true })));
    print('again:', await fsp.mkdir(dir + '/a/b', { recursive: true }));
    print('plain mkdir:', await fsp.mkdir(dir + '/c'));
    const file = dir + '/a/hello.txt';
    print('writeFile:', await fsp.writeFile(file, 'héllo\n'));
    print('appendFile:', await fsp.appendFile(file, 'wörld ✓\n'));
    print(JSON.stringify(await fsp.readFile(file, 'utf8')));
    print(JSON.stringify(await fsp.readFile(file, { encoding: 'utf-8' })));
    print(await fsp.readFile(file, 'base64'));
    print(await fsp.readFile(file, 'hex'));
    print(JSON.stringify(await fsp.readFile(file, 'latin1')));
    await fsp.writeFile(dir + '/b64.txt', 'aGVsbG8gd29ybGQ=', 'base64');
    print(await fsp.readFile(dir + '/b64.txt', 'utf8'));
    await fsp.writeFile(dir + '/b64.txt', 'replaced', { flag: 'w' });
    await fsp.writeFile(dir + '/b64.txt', ' and appended', { flag: 'a' });
    print(await fsp.readFile(dir + '/b64.txt', 'utf8'));
    print(JSON.stringify(await fsp.readdir(dir)));
    print(JSON.stringify(await fsp.readdir(dir + '/a')));
    const entries = await fsp.readdir(dir + '/a', { withFileTypes: true });
    print(entries.map((e) => `${e.name}:${e.isFile() ? 'file' : e.isDirectory() ? 'dir' : '?'}`).join(' '));
    const st = await fsp.stat(file);
    print('stat:', st.isFile(), st.isDirectory(), st.isSymbolicLink(), st.size, typeof st.mtimeMs, st.mtime instanceof Date);
    print('recent:', Math.abs(st.mtimeMs - Date.now()) < 600000, st.mtime.getTime() === Math.round(st.mtimeMs));
    const bst = await fsp.stat(file, { bigint: true });
    print('bigint stat:', bst.isFile(), bst.size, typeof bst.mode, typeof bst.mtimeNs, bst.mtimeMs === bst.mtimeNs / 1000000n,
      bst.ino === BigInt(st.ino), bst.mtime instanceof Date, bst.mtime.getTime() === Number(bst.mtimeMs), Object.keys(bst).length);
    print('dir stat:', (await fsp.stat(dir + '/a/b')).isDirectory(), (await fsp.lstat(dir + '/a')).isDirectory());
    print('access:', await fsp.access(file), await fsp.access(file, fsp.constants.R_OK));
    await fsp.rename(file, dir + '/moved.txt');
    print('renamed:', JSON.stringify(await fsp.readdir(dir)));
    await fsp.unlink(dir + '/moved.txt');
    await fsp.rmdir(dir + '/c');
    print('after unlink and rmdir:', JSON.stringify(await fsp.readdir(dir)));

    await expectError('mkdir existing', () => fsp.mkdir(dir + '/a'));
    await expectError('mkdir under a file', () => fsp.mkdir(dir + '/b64.txt/x', { recursive: true }));
    await expectError('readFile missing', () => fsp.readFile(dir + '/missing', 'utf8'));
    await expectError('readFile directory', () => fsp.readFile(dir, 'utf8'));
    await expectError('readdir file', () => fsp.readdir(dir + '/b64.txt'));
    await expectError('stat missing', () => fsp.stat(dir + '/missing'));
    await expectError('writeFile wx existing', () => fsp.writeFile(dir + '/b64.txt', 'x', { flag: 'wx' }));
    await expectError('writeFile in missing dir', () => fsp.writeFile(dir + '/no/such/file', 'x'));
    await expectError('rm directory', () => fsp.rm(dir + '/a'));
    await expectError('rm missing', () => fsp.rm(dir + '/missing'));
    await expectError('rm missing, force', () => fsp.rm(dir + '/missing', { force: true }));
    await expectError('rmdir not empty', () => fsp.rmdir(dir));
    await expectError('unlink missing', () => fsp.unlink(dir + '/missing'));
    await expectError('rename missing', () => fsp.rename(dir + '/missing', dir + '/other'));
    await expectError('access missing', () => fsp.access(dir + '/missing'));
    await expectError('writeFile number', () => fsp.writeFile(dir + '/n', 1));
    await expectError('readFile bad encoding', () => fsp.readFile(dir + '/b64.txt', 'utf7'));
    await expectError('readFile number path', () => fsp.readFile(42, 'utf8'));

    await fsp.rm(dir, { recursive: true });
    await expectError('stat after rm', () => fsp.stat(dir));
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
  print('done');
})();
