"""Writing a file atomically: the whole new content or the old file, never half of one.

Used by --fix, baselines and the caches: a temporary file in the same folder (so the rename
stays on one file system), flushed to disk, then os.replace.
"""

import os


def atomic_write(path, data, expected=None):
    """Replace `path` with `data` (bytes) atomically: a temporary file in the same folder, then
    os.replace. The permission bits are kept. With `expected` (the bytes the caller read), the
    file is left alone if its content changed meanwhile: FileChangedError."""
    # Deferred for start-up: tempfile imports random and shutil, and only a run that writes
    # (a cache, --fix, a baseline) needs it.
    import stat
    import tempfile

    real = os.path.realpath(path)  # replace a symlink's target, not the link
    folder, name = os.path.split(real)
    try:
        st = os.stat(real)
        mode, owner = stat.S_IMODE(st.st_mode), (st.st_uid, st.st_gid)
    except FileNotFoundError:
        mode = owner = None
    fd, tmp = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.", suffix=".factlint-tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if owner is not None and hasattr(os, "chown"):
            try:  # root fixing a user's file: the file stays the user's
                os.chown(tmp, *owner)
            except OSError:  # not allowed to give it away: ours, as any editor's save would be
                pass
        if mode is not None:
            os.chmod(tmp, mode)
        else:  # a new file (baseline): the usual permissions, not mkstemp's 0600
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        # Last check just before replacing: the window in which an editor's save could be lost
        # is now only the os.replace call itself.
        if expected is not None and read_bytes(real) != expected:
            raise FileChangedError(path)
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class FileChangedError(Exception):
    pass


def read_bytes(path):
    """The bytes of a file, or None if it cannot be read."""
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:
        return None
