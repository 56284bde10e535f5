// Package output writes a built site. The build hands every file to a
// Writer: Dir puts the files in a folder on disk and publishes them all at
// once; Memory keeps them in memory, for serve and for tests.
//
// A Dir does not touch the folder it publishes to until Commit. Files go to a
// temporary folder beside it, and Commit swaps that folder in (atomically on
// Linux), so a build that fails, is aborted or is killed leaves the previous
// output exactly as it was. A file whose bytes did not change since the
// previous output is a hard link to the previous file: it keeps its inode and
// modification time, and web servers keep their caches.
package output

import (
	"fmt"
	"io"
	"io/fs"
)

// Writer receives the files of one build. Names are slash-separated and
// relative to the site root, e.g. "partnerships/x/index.html", as checked by
// [fs.ValidPath]. Writing a name again replaces the earlier file. Writers are
// safe for concurrent use.
type Writer interface {
	// WriteFile writes data to name. It does not keep data after returning.
	WriteFile(name string, data []byte) error
	// WriteStream writes name from write, which writes its bytes to the
	// io.Writer it is given. Dir writes them to disk as they come, so a
	// large data file is never whole in memory. If write fails, name is
	// not written.
	WriteStream(name string, write func(io.Writer) error) error
}

var (
	_ Writer = (*Dir)(nil)
	_ Writer = (*Memory)(nil)
)

// checkName reports an error unless name is a valid Writer file name.
func checkName(name string) error {
	if name == "." || !fs.ValidPath(name) {
		return fmt.Errorf("output: invalid file name %q (want a slash-separated path relative to the site root, like \"a/index.html\")", name)
	}
	return nil
}
