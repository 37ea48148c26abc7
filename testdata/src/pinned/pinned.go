// Package pinned hands some of its locks to code that the sweep does not
// rewrite (a generated package, a package the run leaves out): those keep
// their sync types, with everything they flow through, and the rest move.
package pinned

import (
	"sync"
	"sync/atomic"

	"pinnedgen"
)

// shared is handed to generated code: it stays.
var shared sync.Mutex // want `shared stays sync\.Mutex: &shared is passed to pinnedgen\.Use at pinned\.go:21, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go`

// free is only locked here: it moves.
var free sync.Mutex // want `sync\.Mutex bypasses`

// Run uses both.
func Run() {
	pinnedgen.Use(&shared)
	free.Lock()
	free.Unlock()
}

// chained reaches generated code through a helper, whose parameter
// stays too.
var chained sync.Mutex // want `chained stays sync\.Mutex: &chained is passed to helper at pinned\.go:35; mu is passed to pinnedgen\.Use at pinned\.go:31, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go`

func helper(mu *sync.Mutex) { // want `helper's parameter mu stays \*sync\.Mutex: mu is passed to pinnedgen\.Use at pinned\.go:31, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go`
	pinnedgen.Use(mu)
}

// Chain calls the helper.
func Chain() { helper(&chained) }

// held is returned by a func literal that generated code calls.
var held sync.Mutex // want `held stays sync\.Mutex: &held is returned by the func literal at pinned\.go:42; the func literal is passed to pinnedgen\.OnLock at pinned\.go:42, which wants func\(\) \*sync\.Mutex; pinnedgen\.OnLock is declared in generated file gen\.go`

// Hold registers the func literal.
func Hold() {
	pinnedgen.OnLock(func() *sync.Mutex { return &held }) // want `the func literal's result stays \*sync\.Mutex: the func literal is passed to pinnedgen\.OnLock at pinned\.go:42, which wants func\(\) \*sync\.Mutex; pinnedgen\.OnLock is declared in generated file gen\.go`
}

// cfgLock is a field of a generated type's literal.
var cfgLock sync.RWMutex // want `cfgLock stays sync\.RWMutex: &cfgLock is stored in pinnedgen\.Config\.Lock at pinned\.go:48, which wants \*sync\.RWMutex; pinnedgen\.Config\.Lock is declared in generated file gen\.go`

var cfg = pinnedgen.Config{Lock: &cfgLock}

// useFn holds a generated function; what it is called with stays.
var useFn func(*sync.Mutex) = pinnedgen.Use // want `useFn stays func\(\*sync\.Mutex\): pinnedgen\.Use is assigned to useFn at pinned\.go:51; pinnedgen\.Use is declared in generated file gen\.go`

var viaFn sync.Mutex // want `viaFn stays sync\.Mutex: &viaFn is passed to useFn at pinned\.go:56; pinnedgen\.Use is assigned to useFn at pinned\.go:51; pinnedgen\.Use is declared in generated file gen\.go`

// ViaFn calls the func value.
func ViaFn() { useFn(&viaFn) }

// box implements a generated interface whose method returns a lock.
type box struct {
	mu sync.Mutex // want `box\.mu stays sync\.Mutex: &b\.mu is returned by box\.Mutex at pinned\.go:63; box\.Mutex implements pinnedgen\.Locker\.Mutex at pinned\.go:66, which wants \*sync\.Mutex; pinnedgen\.Locker\.Mutex is declared in generated file gen\.go`
}

func (b *box) Mutex() *sync.Mutex { return &b.mu } // want `box\.Mutex's result stays \*sync\.Mutex: box\.Mutex implements pinnedgen\.Locker\.Mutex at pinned\.go:66, which wants \*sync\.Mutex; pinnedgen\.Locker\.Mutex is declared in generated file gen\.go`

// Box registers a box.
func Box() { pinnedgen.Register(&box{}) }

// kept is kept on sync by a directive; the helper it is handed to stays
// too, and is reported, but the field itself is not.
type kept struct {
	mu sync.Mutex //syncsweep:allow handed to C code that wants the real thing
}

func lockIt(mu *sync.Mutex) { mu.Lock() } // want `lockIt's parameter mu stays \*sync\.Mutex: &k\.mu is passed to lockIt at pinned\.go:77; kept\.mu is kept by //syncsweep:allow at pinned\.go:71`

// Kept hands the kept field to lockIt.
func Kept(k *kept) { lockIt(&k.mu) }

// hits is counted by generated code.
var hits atomic.Int64 // want `hits stays atomic\.Int64: &hits is passed to pinnedgen\.Count at pinned\.go:83, which wants \*atomic\.Int64; pinnedgen\.Count is declared in generated file gen\.go`

// Hit counts.
func Hit() { pinnedgen.Count(&hits) }

// a and b go to generated code in a slice.
var a, b sync.Mutex // want `a stays sync\.Mutex: &a is an element of \[\]\*sync\.Mutex\{…\} at pinned\.go:90; \[\]\*sync\.Mutex\{…\} is assigned to locks at pinned\.go:90; locks is passed to pinnedgen\.UseAll at pinned\.go:91, which wants \[\]\*sync\.Mutex; pinnedgen\.UseAll is declared in generated file gen\.go` `b stays sync\.Mutex: &b is an element of \[\]\*sync\.Mutex\{…\} at pinned\.go:90; \[\]\*sync\.Mutex\{…\} is assigned to locks at pinned\.go:90; locks is passed to pinnedgen\.UseAll at pinned\.go:91, which wants \[\]\*sync\.Mutex; pinnedgen\.UseAll is declared in generated file gen\.go`

// All hands both over.
func All() {
	locks := []*sync.Mutex{&a, &b} // want `\[\]\*sync\.Mutex\{…\} stays \[\]\*sync\.Mutex: \[\]\*sync\.Mutex\{…\} is assigned to locks at pinned\.go:90; locks is passed to pinnedgen\.UseAll at pinned\.go:91, which wants \[\]\*sync\.Mutex; pinnedgen\.UseAll is declared in generated file gen\.go`
	pinnedgen.UseAll(locks)
}

// local stays local: it moves, and so does the helper it meets.
var local sync.WaitGroup // want `sync\.WaitGroup bypasses`

func wait(wg *sync.WaitGroup) { wg.Wait() } // want `sync\.WaitGroup bypasses`

// Local waits.
func Local() { wait(&local) }
