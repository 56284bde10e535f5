package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap publishes tmp as dest by exchanging the two atomically, and returns
// where the previous output is now ("" when dest did not exist). File systems
// that cannot exchange fall back to renameSwap, using spare.
func swap(tmp, dest, spare string) (old string, err error) {
	err = unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dest, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return tmp, nil
	case errors.Is(err, unix.ENOENT): // no dest yet
		return "", os.Rename(tmp, dest)
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS):
		return renameSwap(tmp, dest, spare)
	}
	return "", &os.LinkError{Op: "exchange", Old: tmp, New: dest, Err: err}
}

// alive reports whether process pid may still be running.
func alive(pid int) bool {
	return unix.Kill(pid, 0) != unix.ESRCH
}
