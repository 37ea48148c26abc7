// Package goker holds an end-to-end test of the sweep and the facade's
// explore backend on real concurrency bugs: the GoKer kernels ("GoBench: A
// Benchmark Suite of Real-World Go Concurrency Bugs", CGO 2021) that ship
// with Go in $GOROOT/src/runtime/testdata/testgoroutineleakprofile/goker.
//
// The test copies the kernels into a temporary module (they are never
// committed here), strips each one's goroutine-leak profiling and makes its
// scenario run once per call, sweeps the module onto the facade with the
// syncsweep binary, and runs every kernel under stress.Run with -tags
// explore, each in its own process. A kernel whose bug involves only sync
// primitives must be found, and its replay line must fail the same way
// twice; for the kernels that also use channels the test logs what the
// explorer found without failing, since the scheduler does not choose among
// channel interleavings.
//
// The package has no code of its own: everything is in goker_test.go.
package goker
