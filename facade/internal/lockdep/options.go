package lockdep

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
)

// Options are the detector's settings. The detector reads them with one
// atomic load per operation, so they may change at any time.
type Options struct {
	// Timeout: a wait for a lock longer than this is reported; zero or
	// less turns the check off.
	Timeout time.Duration
	// Disable turns detection off: the locks behave as sync's.
	Disable bool
	// Log receives each report before the reaction (nil: standard error).
	Log io.Writer
}

// DefaultTimeout is the Timeout before any setting.
const DefaultTimeout = 30 * time.Second

var (
	optionsMu sync.Mutex     // serializes updates
	opts      unsafe.Pointer // *Options, never written in place
	asked     Options        // the options set in code, before the environment's
	env       envOptions
)

// envOptions are SYNCSWEEP_DEADLOCK and SYNCSWEEP_DEADLOCK_TIMEOUT, read
// once: they have the last word over every update.
type envOptions struct {
	disable *bool
	timeout *time.Duration
}

func init() {
	asked = Options{Timeout: DefaultTimeout}
	env = readEnv()
	publish()
}

// readEnv reads the environment. A value it cannot read panics: a typo
// must not leave detection silently on (or off).
func readEnv() envOptions {
	var e envOptions
	switch v := os.Getenv("SYNCSWEEP_DEADLOCK"); v {
	case "":
	case "off", "0", "false":
		t := true
		e.disable = &t
	case "on", "1", "true":
		f := false
		e.disable = &f
	default:
		panic(fmt.Sprintf("facade: SYNCSWEEP_DEADLOCK=%q: want off or on", v))
	}
	if v := os.Getenv("SYNCSWEEP_DEADLOCK_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			panic(fmt.Sprintf("facade: SYNCSWEEP_DEADLOCK_TIMEOUT=%q: %v", v, err))
		}
		e.timeout = &d
	}
	return e
}

// publish makes asked, with the environment over it, the current options.
// optionsMu is held (or init runs).
func publish() {
	o := asked
	if env.disable != nil {
		o.Disable = *env.disable
	}
	if env.timeout != nil {
		o.Timeout = *env.timeout
	}
	atomic.StorePointer(&opts, unsafe.Pointer(&o))
}

// load returns the current options.
func load() *Options { return (*Options)(atomic.LoadPointer(&opts)) }

// Update calls f with the options set in code so far and makes what f
// leaves the current options (the environment still has the last word).
// Updates are serialized; locking goroutines see the old options or the
// new ones, never a mix.
func Update(f func(*Options)) {
	optionsMu.Lock()
	defer optionsMu.Unlock()
	o := asked
	f(&o)
	asked = o
	publish()
}

// Current returns the options in effect.
func Current() Options { return *load() }
