//go:build go1.25 && unix

package explore

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"syscall"
)

const monitorEnv = "SYNCSWEEP_EXPLORE_MONITOR"

// The mapped file's layout: a header, then the choices, 4 bytes each.
const (
	offActive   = 0   // 1 while a schedule runs
	offIndex    = 8   // the schedule's index
	offSeed     = 16  // the seed
	offCount    = 24  // how many choices follow (capped at maxChoices)
	offKey      = 32  // the run key, 8 ASCII bytes
	offStrategy = 40  // the strategy's name: a length byte, then the bytes
	offTest     = 104 // the test's name: a length byte, then up to 255 bytes
	offChoices  = 384
	maxChoices  = 1 << 18
	mappedSize  = offChoices + 4*maxChoices
)

func init() {
	if os.Getenv(monitorEnv) != "" {
		monitor(os.NewFile(3, "syncsweep-explore"))
		os.Exit(0)
	}
}

// mapped records into the shared mapping.
type mapped struct {
	b []byte
	n int
}

// startMonitor maps a temporary file, starts the monitor with the file
// (its descriptor 3), and points the crash output at it. The file's name
// is removed at once, so nothing is left behind however either process
// ends. It returns nil if any step fails: crashes then print Go's message
// alone.
func startMonitor() *mapped {
	f, err := os.CreateTemp("", "syncsweep-explore-*")
	if err != nil {
		return nil
	}
	defer f.Close()
	os.Remove(f.Name())
	if f.Truncate(mappedSize) != nil {
		return nil
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, mappedSize, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_SHARED)
	if err != nil {
		return nil
	}
	r, w, err := os.Pipe()
	if err != nil {
		return nil
	}
	exe, err := os.Executable()
	if err != nil {
		exe = os.Args[0]
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), monitorEnv+"=1")
	cmd.Stdin = r
	cmd.Stderr = os.Stderr
	cmd.ExtraFiles = []*os.File{f}
	if cmd.Start() != nil {
		r.Close()
		w.Close()
		return nil
	}
	r.Close()
	go cmd.Wait() // reap it when it exits, at this process's end
	err = debug.SetCrashOutput(w, debug.CrashOptions{})
	w.Close() // SetCrashOutput keeps its own copy: the monitor's EOF is this process's end
	if err != nil {
		return nil
	}
	return &mapped{b: b}
}

func (m *mapped) begin(key string, index int, strategy string, seed uint64, test string) {
	binary.LittleEndian.PutUint64(m.b[offIndex:], uint64(index))
	binary.LittleEndian.PutUint64(m.b[offSeed:], seed)
	binary.LittleEndian.PutUint32(m.b[offCount:], 0)
	copy(m.b[offKey:offKey+8], key)
	n := copy(m.b[offStrategy+1:offTest], strategy)
	m.b[offStrategy] = byte(n)
	if len(test) > 255 {
		test = "" // the length is one byte: no hint rather than a wrong one
	}
	n = copy(m.b[offTest+1:offChoices], test)
	m.b[offTest] = byte(n)
	m.n = 0
	m.b[offActive] = 1
}

func (m *mapped) choose(id int) {
	if m.n < maxChoices {
		binary.LittleEndian.PutUint32(m.b[offChoices+4*m.n:], uint32(id))
		m.n++
		binary.LittleEndian.PutUint32(m.b[offCount:], uint32(m.n))
	}
}

func (m *mapped) end() { m.b[offActive] = 0 }

// monitor waits for the test binary to end. If it crashed during a
// schedule, it names the schedule and prints its replay line. f is the
// mapped file, whose name is already gone.
func monitor(mapping *os.File) {
	crash, _ := io.ReadAll(os.Stdin)
	if len(crash) == 0 {
		return // the test binary ended without a crash
	}
	b := make([]byte, mappedSize)
	if n, _ := mapping.ReadAt(b, 0); n < offChoices || b[offActive] != 1 {
		return // not during a schedule
	}
	f := &Failure{
		Kind:     KindPanic,
		Msg:      "the test binary crashed during this schedule: a goroutine panicked, or the runtime stopped on a fatal error (the message and stacks above)",
		Schedule: int(binary.LittleEndian.Uint64(b[offIndex:])),
		Seed:     binary.LittleEndian.Uint64(b[offSeed:]),
		Strategy: string(b[offStrategy+1 : offStrategy+1+int(b[offStrategy])]),
		Test:     string(b[offTest+1 : offTest+1+int(b[offTest])]),
	}
	n := int(binary.LittleEndian.Uint32(b[offCount:]))
	choices := make([]int, 0, n)
	for i := 0; i < n && offChoices+4*i+4 <= len(b); i++ {
		choices = append(choices, int(binary.LittleEndian.Uint32(b[offChoices+4*i:])))
	}
	f.Replay = encodeSchedule(string(b[offKey:offKey+8]), choices)
	fmt.Fprintf(os.Stderr, "\n%s\n", f.Report())
}
