//go:build !syncsweep_testhooks

package main

// testWriteHook is nil in every build but the tests' (testhooks.go).
func testWriteHook() func(step, name string) error { return nil }
