package lockdep

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// A Class is a set of locks ordered as one: a declaration, a call site,
// or a subclass of either.
type Class struct {
	id   uint32
	name string

	parent *Class
	subs   map[int]*Class // under classMu
}

// Name is the class's name, as reports print it.
func (c *Class) Name() string { return c.name }

var (
	classMu sync.Mutex
	classes uint32            // the last id
	byName  map[string]*Class // under classMu
	bySite  sync.Map          // pc -> *Class
	tables  map[string][]Site // function -> its lock calls; under classMu
	sources map[string][]string
)

var oursByPC sync.Map // pc -> bool

// oursPC reports whether the function at return address pc is ours.
func oursPC(pc uintptr) bool {
	if v, ok := oursByPC.Load(pc); ok {
		return v.(bool)
	}
	f := runtime.FuncForPC(pc - 1)
	o := f != nil && ours(f.Name())
	oursByPC.Store(pc, o)
	return o
}

// ours reports whether a function is the facade's or the detector's (or
// sync's, which calls a Cond's Locker): frames a lock's class and a
// report's stacks skip.
func ours(fn string) bool {
	return strings.HasPrefix(fn, "github.com/syncsweep/syncsweep/facade.") ||
		strings.HasPrefix(fn, "github.com/syncsweep/syncsweep/facade/internal/") ||
		strings.HasPrefix(fn, "sync.")
}

// A Site is one lock call of a function, as syncsweep's table lists it: the
// receiver as written (c.mu, s.cache.mu, mu) and the declaration it locks.
type Site struct {
	Receiver string
	Class    string
}

// Declare adds a package's table: for each function (as the runtime names
// it, without closures' suffixes), its lock calls.
func Declare(funcs map[string][]Site) {
	classMu.Lock()
	defer classMu.Unlock()
	if tables == nil {
		tables = make(map[string][]Site)
	}
	for f, sites := range funcs {
		tables[f] = append(tables[f], sites...)
	}
}

// named returns the class called name, made on first use; classMu is held.
func named(name string) *Class {
	if c := byName[name]; c != nil {
		return c
	}
	if byName == nil {
		byName = make(map[string]*Class)
	}
	c := &Class{id: atomic.AddUint32(&classes, 1), name: name}
	byName[name] = c
	return c
}

// Sub returns subclass i of c.
func (c *Class) Sub(i int) *Class {
	classMu.Lock()
	defer classMu.Unlock()
	if c.subs == nil {
		c.subs = make(map[int]*Class)
	}
	s := c.subs[i]
	if s == nil {
		s = &Class{id: atomic.AddUint32(&classes, 1), name: fmt.Sprintf("%s (nested %d)", c.name, i), parent: c}
		c.subs[i] = s
	}
	return s
}

// classify fixes l's class from the code that acquires it for the first
// time: the first frame outside the facade and sync.
//
//go:noinline
func (l *Lock) classify() *meta {
	// Six frames reach past Lock, lock, Acquire and classify, and past a
	// Cond's or an RLocker's frames; deeper, the site is unknown.
	var pcs [6]uintptr
	n := runtime.Callers(2, pcs[:])
	var site uintptr
	for _, pc := range pcs[:n] {
		if !oursPC(pc) {
			site = pc
			break
		}
	}
	var c *Class
	if v, ok := bySite.Load(site); ok {
		c = v.(*Class)
	} else {
		c = siteClass(site)
		bySite.Store(site, c)
	}
	m := &meta{id: atomic.AddUint64(&objects, 1), class: c}
	if !atomic.CompareAndSwapPointer(&l.meta, nil, unsafe.Pointer(m)) {
		m = (*meta)(atomic.LoadPointer(&l.meta))
	}
	return m
}

// siteClass is the class of the lock a call site acquires: the declaration
// the tables name for it, or the site itself.
func siteClass(pc uintptr) *Class {
	classMu.Lock()
	defer classMu.Unlock()
	if pc == 0 {
		return named("a lock of unknown origin")
	}
	frame, _ := runtime.CallersFrames([]uintptr{pc}).Next()
	fn := outermost(frame.Function)
	site := fmt.Sprintf("%s (%s:%d)", fn, filepath.Base(frame.File), frame.Line)
	sites := tables[fn]
	if len(sites) == 0 {
		return named(site)
	}
	line := sourceLine(frame.File, frame.Line)
	if line == "" {
		// No source (a binary away from its tree): the function alone
		// decides, if all its acquisitions lock one declaration.
		if all := sites[0].Class; same(sites, all) {
			return named(all)
		}
		return named(site)
	}
	found := ""
	for _, recv := range receivers(line) {
		for _, s := range sites {
			if s.Receiver != recv {
				continue
			}
			if found != "" && found != s.Class {
				return named(site) // two locks of different classes on one line
			}
			found = s.Class
		}
	}
	if found == "" {
		return named(site) // a receiver the table does not list: stale, or not a declaration
	}
	return named(found)
}

func same(sites []Site, class string) bool {
	for _, s := range sites {
		if s.Class != class {
			return false
		}
	}
	return true
}

// outermost strips the suffixes of function literals and wrappers
// (F.func1, F.func1.2, F.gowrap1, F.deferwrap1) from a function's name.
func outermost(fn string) string {
	for {
		i := strings.LastIndexByte(fn, '.')
		if i < 0 {
			return fn
		}
		last := fn[i+1:]
		for _, p := range []string{"func", "gowrap", "deferwrap"} {
			last = strings.TrimPrefix(last, p)
		}
		if last == "" || strings.Trim(last, "0123456789") != "" {
			return fn
		}
		fn = fn[:i]
	}
}

// sourceLine returns line n of file, or "" when the file cannot be read
// (a binary run away from its source). classMu is held.
func sourceLine(file string, n int) string {
	lines, ok := sources[file]
	if !ok {
		data, err := os.ReadFile(file)
		if err == nil {
			lines = strings.Split(string(data), "\n")
		}
		if sources == nil {
			sources = make(map[string][]string)
		}
		sources[file] = lines
	}
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// receivers returns the receivers of the lock calls on a line of source:
// "c.store.mu" in "c.store.mu.Lock()". Spaces are dropped, as syncsweep's
// table drops them.
func receivers(line string) []string {
	var out []string
	for _, call := range []string{".Lock(", ".RLock(", ".TryLock(", ".TryRLock(", ".LockNested(", ".RLockNested("} {
		rest := line
		off := 0
		for {
			i := strings.Index(rest, call)
			if i < 0 {
				break
			}
			if r := receiverBefore(line[:off+i]); r != "" {
				out = append(out, r)
			}
			off += i + len(call)
			rest = line[off:]
		}
	}
	return out
}

// receiverBefore returns the expression that ends text: identifiers,
// dots, and balanced brackets and parentheses.
func receiverBefore(text string) string {
	depth := 0
	i := len(text)
	for i > 0 {
		c := text[i-1]
		switch {
		case c == ')' || c == ']':
			depth++
		case c == '(' || c == '[':
			if depth == 0 {
				return strings.ReplaceAll(text[i:], " ", "")
			}
			depth--
		case c == '.' || c == '_' || c == '*' && depth > 0 || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
		case c == ' ' && depth > 0:
		default:
			if depth == 0 {
				return strings.ReplaceAll(text[i:], " ", "")
			}
		}
		i--
	}
	return strings.ReplaceAll(text, " ", "")
}
