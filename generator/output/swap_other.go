//go:build !linux

package output

// swap publishes tmp as dest; see renameSwap.
func swap(tmp, dest, spare string) (old string, err error) {
	return renameSwap(tmp, dest, spare)
}

// alive reports whether process pid may still be running. Only Linux checks;
// elsewhere leftover folders are removed by age alone.
func alive(pid int) bool {
	return true
}
