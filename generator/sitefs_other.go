//go:build !unix

package generator

// openNonBlocking is not needed where there are no named pipes to wait on.
const openNonBlocking = 0
