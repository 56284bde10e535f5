//go:build !linux

package hugeheap

func onRequest() bool { return false }

func advise(int64) {}
