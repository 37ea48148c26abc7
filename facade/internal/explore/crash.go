//go:build go1.25

package explore

import "sync"

// A panic in a goroutine the body started ends the test binary before any
// code of ours runs again: Go has no hook for it but
// runtime/debug.SetCrashOutput, which copies the crash to a file. So the
// first exploration of a process starts a monitor, the test binary itself
// run again with SYNCSWEEP_EXPLORE_MONITOR set, which receives the crash
// output through a pipe. The scheduler keeps the running schedule's
// choices where the monitor can read them after the crash (a memory-mapped
// file: one store per choice, no system call), and the monitor prints the
// report's first line and the replay line after Go's own panic message.
// Where this cannot be set up (no memory mapping on the platform, an
// error), a crash prints Go's message alone, as it would without the tag.

// recorder is where the scheduler writes what the monitor needs.
type recorder interface {
	begin(key string, index int, strategy string, seed uint64, test string)
	choose(id int)
	end()
}

var (
	crashOnce sync.Once
	crashRec  recorder = noRecorder{}
)

// crashRecorder starts the monitor once per process and returns the
// recorder, or one that records nothing.
func crashRecorder() recorder {
	crashOnce.Do(func() {
		if r := startMonitor(); r != nil {
			crashRec = r
		}
	})
	return crashRec
}

type noRecorder struct{}

func (noRecorder) begin(string, int, string, uint64, string) {}
func (noRecorder) choose(int)                                {}
func (noRecorder) end()                                      {}
