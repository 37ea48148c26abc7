package pinned

import (
	"sync"

	"pinnedgen"
)

// first and second share a declaration: when one stays, both do.
var first, second sync.Mutex // want `first stays sync\.Mutex: &first is passed to pinnedgen\.Use at more\.go:13, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go` `second stays sync\.Mutex: second is declared with first at more\.go:10; &first is passed to pinnedgen\.Use at more\.go:13, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go`

// First hands first over.
func First() { pinnedgen.Use(&first) }

// lockT is a local alias: what has its type moves with it.
type lockT = sync.Mutex // want `lockT stays sync\.Mutex: viaAlias has type lockT at more\.go:18; &viaAlias is passed to pinnedgen\.Use at more\.go:21, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go`

var viaAlias lockT

// ViaAlias hands a lockT over.
func ViaAlias() { pinnedgen.Use(&viaAlias) }

// myMu is defined from sync.Mutex: a conversion ties it.
type myMu sync.Mutex // want `myMu stays sync\.Mutex: mine has type myMu at more\.go:26; &mine is converted to \(\*sync\.Mutex\) at more\.go:29; \(\*sync\.Mutex\)\(&mine\) is passed to pinnedgen\.Use at more\.go:29, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go`

var mine myMu

// Mine converts.
func Mine() { pinnedgen.Use((*sync.Mutex)(&mine)) } // want `\(\*sync\.Mutex\)\(&mine\) stays \*sync\.Mutex: \(\*sync\.Mutex\)\(&mine\) is passed to pinnedgen\.Use at more\.go:29, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go`

// sent goes over a channel that generated code receives.
var sent sync.Mutex // want `sent stays sync\.Mutex: &sent is sent on ch at more\.go:37; ch is passed to pinnedgen\.UseChan at more\.go:38, which wants chan \*sync\.Mutex; pinnedgen\.UseChan is declared in generated file gen\.go`

// Send sends.
func Send() {
	ch := make(chan *sync.Mutex, 1) // want `make\(chan \*sync\.Mutex, 1\) stays chan \*sync\.Mutex: make\(chan \*sync\.Mutex, 1\) is assigned to ch at more\.go:36; ch is passed to pinnedgen\.UseChan at more\.go:38, which wants chan \*sync\.Mutex; pinnedgen\.UseChan is declared in generated file gen\.go`
	ch <- &sent
	pinnedgen.UseChan(ch)
}

// onceHolder's method value is handed around; its Once goes to
// generated code.
type onceHolder struct{ once sync.Once } // want `onceHolder\.once stays sync\.Once: &h\.once is returned by onceHolder\.get at more\.go:45; h\.get is assigned to get at more\.go:49; get\(\) is passed to pinnedgen\.UseOnce at more\.go:50, which wants \*sync\.Once; pinnedgen\.UseOnce is declared in generated file gen\.go`

func (h *onceHolder) get() *sync.Once { return &h.once } // want `onceHolder\.get's result stays \*sync\.Once: h\.get is assigned to get at more\.go:49; get\(\) is passed to pinnedgen\.UseOnce at more\.go:50, which wants \*sync\.Once; pinnedgen\.UseOnce is declared in generated file gen\.go`

// Method takes a method value.
func Method(h *onceHolder) {
	get := h.get
	pinnedgen.UseOnce(get())
}

// anon's type is an unnamed struct.
var anon struct{ mu sync.Mutex } // want `the field mu stays sync\.Mutex: &anon\.mu is passed to pinnedgen\.Use at more\.go:57, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go` `anon stays struct\{mu sync\.Mutex\}: anon is declared with the field mu at more\.go:54; &anon\.mu is passed to pinnedgen\.Use at more\.go:57, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go`

// Anon hands its field over.
func Anon() { pinnedgen.Use(&anon.mu) }

// any values keep no type: boxed moves.
var boxed sync.Mutex // want `sync\.Mutex bypasses`

// Boxed boxes.
func Boxed() { pinnedgen.Any(&boxed) }

// assigned takes generated code's own lock.
var assigned *sync.Mutex = &pinnedgen.Shared // want `assigned stays \*sync\.Mutex: &pinnedgen\.Shared is assigned to assigned at more\.go:66; pinnedgen\.Shared is declared in generated file gen\.go`

// compared is compared with generated code's lock.
var compared sync.Mutex // want `compared stays sync\.Mutex: &pinnedgen\.Shared is compared with &compared at more\.go:72; pinnedgen\.Shared is declared in generated file gen\.go`

// Compare compares.
func Compare() bool { return &compared == &pinnedgen.Shared }

// switched asserts an interface to a lock and hands it over.
func switched(v any) {
	if mu, ok := v.(*sync.Mutex); ok { // want `v\.\(\*sync\.Mutex\) stays \*sync\.Mutex: v\.\(\*sync\.Mutex\) is assigned to mu at more\.go:76; mu is passed to pinnedgen\.Use at more\.go:77, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go`
		pinnedgen.Use(mu)
	}
}

// fresh is new(sync.Mutex) handed over directly.
func fresh() { pinnedgen.Use(new(sync.Mutex)) } // want `new\(sync\.Mutex\) stays \*sync\.Mutex: new\(sync\.Mutex\) is passed to pinnedgen\.Use at more\.go:82, which wants \*sync\.Mutex; pinnedgen\.Use is declared in generated file gen\.go`
