package facade

import (
	"io"
	"time"
)

// DetectorOptions configure the deadlock backend (build tag deadlock).
// Other backends accept them and do nothing with them, so code that sets
// them builds everywhere. They may change at any time, from any goroutine:
// the detector reads them atomically, so a change while other goroutines
// lock neither panics nor races.
//
// In CI, the environment does the same without code:
// SYNCSWEEP_DEADLOCK_TIMEOUT (a Go duration, default 30s) and
// SYNCSWEEP_DEADLOCK=off (or on). The environment has the last word: it
// overrides every setting made in code, and a value it cannot read panics.
type DetectorOptions struct {
	// Timeout: a goroutine that waits longer than this for a lock is
	// reported, with the goroutines that hold it. Zero or less turns the
	// check off (in SetDetectorOptions, zero keeps the current value).
	Timeout time.Duration
	// Disable turns detection off: the locks behave as sync's.
	Disable bool
	// Log receives each report before the default reaction, a panic (nil:
	// standard error). Reports handed to ReportDeadlocksTo's function
	// bypass it.
	Log io.Writer
}

// SetDetectorOptions sets the deadlock backend's options: Disable and Log
// as given, and Timeout unless it is zero (a negative Timeout turns the
// wait check off).
func SetDetectorOptions(o DetectorOptions) { setDetectorOptions(o) }

// UpdateDetectorOptions calls f with the options set so far and keeps what
// f leaves: it changes one option without undoing the others. Updates are
// serialized, and each lock sees the options before or after one, never a
// mix. syncsweep rewrites go-deadlock's option assignments
// (deadlock.Opts.Disable = v) to calls of it. On other backends f runs on
// a copy that nothing reads.
func UpdateDetectorOptions(f func(o *DetectorOptions)) { updateDetectorOptions(f) }

// ReportDeadlocksTo sends every deadlock report (the goroutines involved
// and their stacks) to f instead of the default reaction, which writes the
// report to the Log option and panics, until restore is called. It is safe
// to call at any time; package stress uses it to fail the test that
// deadlocked. Other backends never call f. f runs in the goroutine that
// found the problem (the one that locks, or the detector's watchdog), with
// none of the detector's locks held.
func ReportDeadlocksTo(f func(report string)) (restore func()) { return reportTo(f) }
