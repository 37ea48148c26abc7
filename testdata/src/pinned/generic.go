package pinned

import (
	"sync"
	"sync/atomic"

	"pinnedgen"
)

func ptr[T any](v *T) *T { return v }

// viaGeneric goes through a generic function to generated code: it stays.
var viaGeneric sync.Mutex // want `viaGeneric stays sync\.Mutex: &viaGeneric is passed to ptr at generic\.go:20; ptr\(&viaGeneric\) is passed to pinnedgen\.Use at generic\.go:20, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go`

// apart goes through the same function elsewhere: it moves.
var apart sync.Mutex // want `sync\.Mutex bypasses`

// Generic calls ptr twice.
func Generic() {
	pinnedgen.Use(ptr(&viaGeneric))
	ptr(&apart).Lock()
}

// stored is kept in an atomic.Pointer whose Load goes to generated code.
var stored sync.Mutex // want `stored stays sync\.Mutex: &stored is passed to slot\.Store at generic\.go:31; slot is the receiver of slot\.Store at generic\.go:31; slot is the receiver of slot\.Load at generic\.go:32; slot\.Load\(\) is passed to pinnedgen\.Use at generic\.go:32, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go`

var slot atomic.Pointer[sync.Mutex] // want `slot stays atomic\.Pointer\[sync\.Mutex\]: slot is the receiver of slot\.Load at generic\.go:32; slot\.Load\(\) is passed to pinnedgen\.Use at generic\.go:32, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go`

// Slot stores and loads.
func Slot() {
	slot.Store(&stored)
	pinnedgen.Use(slot.Load())
}

type pair[T any] struct{ v T }

// pairLock is a generic struct's field value that goes to generated code.
var pairLock sync.Mutex // want `pairLock stays sync\.Mutex: &pairLock is an element of pair\[\*sync\.Mutex\]\{…\} at generic\.go:40; pair\[\*sync\.Mutex\]\{…\} is assigned to boxedPair at generic\.go:40; boxedPair\.v is passed to pinnedgen\.Use at generic\.go:43, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go`

var boxedPair = pair[*sync.Mutex]{v: &pairLock} // want `pair\[\*sync\.Mutex\]\{…\} stays pair\[\*sync\.Mutex\]: pair\[\*sync\.Mutex\]\{…\} is assigned to boxedPair at generic\.go:40; boxedPair\.v is passed to pinnedgen\.Use at generic\.go:43, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go`

// Pair hands the field over.
func Pair() { pinnedgen.Use(boxedPair.v) }
