package facade

import "time"

// DetectorOptions configure the deadlock backend (build tag deadlock).
// Other backends accept them and do nothing with them, so code that sets
// them builds everywhere.
//
// In CI, the environment does the same without code:
// SYNCSWEEP_DEADLOCK_TIMEOUT (a Go duration, default 30s) and
// SYNCSWEEP_DEADLOCK=off (or on). The environment has the last word: it
// overrides SetDetectorOptions, and a value it cannot read panics.
type DetectorOptions struct {
	// Timeout: a goroutine that waits longer than this for a lock that
	// another goroutine holds is reported. Zero keeps the current value.
	Timeout time.Duration
	// Disable turns detection off: the locks behave as sync's.
	Disable bool
}

// SetDetectorOptions sets the deadlock backend's options. It must be
// called before any facade lock is used (in an init function or TestMain):
// the detector reads its options without synchronization, so a later call
// would race with every lock; the deadlock backend panics instead.
func SetDetectorOptions(o DetectorOptions) { setDetectorOptions(o) }

// ReportDeadlocksTo sends every deadlock report (both goroutines' stacks)
// to f instead of the default reaction, which prints the report and
// panics, until restore is called. It is safe to call at any time; package
// stress uses it to fail the test that deadlocked. Other backends never
// call f. The deadlock backend calls f while go-deadlock holds its internal
// lock, so f must not use facade locks itself (hand the report to a
// channel, as stress does); two reports made at the same instant may share
// one text.
func ReportDeadlocksTo(f func(report string)) (restore func()) { return reportTo(f) }
