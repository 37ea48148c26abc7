//go:build go1.25 && race

package explore

import (
	"runtime"
	"unsafe"
)

// The scheduler hands the turn from goroutine to goroutine over channels,
// and each hand-off would tell the race detector that everything the
// previous goroutine did happens before everything the next one does: a
// data race between them would never be reported. So every hand-off runs
// between raceDisable and raceEnable (sync events ignored), the scheduler
// exchanges only values copied through channels (copies the runtime makes,
// which the race detector does not see), and the facade states the
// happens-before edges the real sync types make with RaceAcquire and
// RaceRelease (acquire, release, releaseMerge below).

const raceEnabled = true

func raceDisable() { runtime.RaceDisable() }
func raceEnable()  { runtime.RaceEnable() }

// Acquire, Release and ReleaseMerge state the happens-before edges of the
// modelled sync types, as sync states its own (internal/race).
func Acquire(p unsafe.Pointer)      { runtime.RaceAcquire(p) }
func Release(p unsafe.Pointer)      { runtime.RaceRelease(p) }
func ReleaseMerge(p unsafe.Pointer) { runtime.RaceReleaseMerge(p) }
