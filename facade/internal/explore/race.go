//go:build go1.25 && race

package explore

import (
	"runtime"
	"unsafe"
)

// The scheduler hands the turn from goroutine to goroutine over channels,
// and each hand-off would tell the race detector that everything the
// previous goroutine did happens before everything the next one does: a
// data race between them would never be reported. So the hand-offs alone
// (a goroutine's request and its wait, the scheduler's synctest.Wait, its
// receives and its wake-ups) run between raceDisable and raceEnable (sync
// events ignored); the scheduler never acquires a user goroutine's past,
// and exchanges values copied through channels (copies the runtime makes,
// which the race detector does not see). The facade states the
// happens-before edges the real sync types make with Acquire, Release and
// ReleaseMerge. Everything else the scheduler does (timers, maps) keeps
// its sync events: code under RaceDisable loses even sync.Once's edges.

func raceDisable() { runtime.RaceDisable() }
func raceEnable()  { runtime.RaceEnable() }

// Acquire, Release and ReleaseMerge state the happens-before edges of the
// modelled sync types, as sync states its own (internal/race).
func Acquire(p unsafe.Pointer)      { runtime.RaceAcquire(p) }
func Release(p unsafe.Pointer)      { runtime.RaceRelease(p) }
func ReleaseMerge(p unsafe.Pointer) { runtime.RaceReleaseMerge(p) }
