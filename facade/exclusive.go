//go:build (deadlock && explore) || (explore && !go1.25)

package facade

// The explore backend runs each schedule in a testing/synctest bubble,
// which Go 1.25 brought; and it replaces the locks the deadlock backend
// instruments, so the two tags do not combine. Either mistake stops the
// build here, with the reason as the compiler's message.
var _ = facade_build_tag_explore_needs_go1_25_and_excludes_tag_deadlock
