//go:build go1.25 && !race

package explore

import "unsafe"

func raceDisable() {}
func raceEnable()  {}

// Acquire, Release and ReleaseMerge state happens-before edges for the race
// detector; without -race they do nothing.
func Acquire(unsafe.Pointer)      {}
func Release(unsafe.Pointer)      {}
func ReleaseMerge(unsafe.Pointer) {}
