//go:build !explore

package atomic

// point is a scheduling point of the explore backend; elsewhere it is
// nothing, and inlines away.
func point() {}
