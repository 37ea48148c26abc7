// Package catalog holds the one table that says which lock APIs syncsweep
// moves onto the facade, and where each one goes.
//
// The rewriter, the regression analyzer and the README's table all read
// [Rows]; none of them keeps a list of its own, so they cannot disagree.
package catalog

import (
	"fmt"
	"path"
	"strings"
)

// DefaultFacade is the import path of syncsweep's own facade module.
const DefaultFacade = "github.com/syncsweep/syncsweep/facade"

// FacadeOwn lists what syncsweep's facade exports beyond the sync API it
// replaces: the backends' controls (facade) and the stress dispatcher
// (facade/stress). No source API moves to these, so they have no rows.
var FacadeOwn = []string{
	DefaultFacade + ".DetectorOptions",
	DefaultFacade + ".ReportDeadlocksTo",
	DefaultFacade + ".SetDetectorOptions",
	DefaultFacade + ".UpdateDetectorOptions",
	DefaultFacade + "/lockclass.Declare",
	DefaultFacade + "/lockclass.Site",
	DefaultFacade + "/stress.Run",
	DefaultFacade + "/stress.Option",
	DefaultFacade + "/stress.NotUnder",
	DefaultFacade + "/stress.Backend",
}

// Kind says what sort of object a row names.
type Kind int

const (
	// Type is a named type (struct, interface or generic type).
	Type Kind = iota
	// Func is a package-level function.
	Func
	// Var is a package-level variable (go-deadlock's NewCond and Opts).
	Var
	// Method is a method of a row's type: Name is "Type.Method".
	Method
	// Field is a field of a package-level variable: Name is "Var.Field".
	Field
)

func (k Kind) String() string {
	return [...]string{"type", "func", "var", "method", "field"}[k]
}

// Arg says what a row's call needs of one source argument. A call moves
// only when every argument is what its Arg asks; the facade's call has
// the arguments marked Keep, in order.
type Arg int

const (
	// Keep passes the argument on unchanged.
	Keep Arg = iota
	// One is the constant 1 (a semaphore's weight), dropped.
	One
	// Background is a context that is provably never cancelled:
	// context.Background(), context.TODO(), or a local variable bound
	// only to those. Dropped.
	Background
	// Token is the token that the matching read lock returned, in a
	// variable used for nothing else. Dropped.
	Token
	// Pure is any argument without side effects (a name, a constant, a
	// field), dropped: the facade's method takes none.
	Pure
)

func (a Arg) String() string {
	return [...]string{"kept", "constant 1", "never-cancelled context", "its read token", "any side-effect-free value"}[a]
}

// NoEquivalent says what a lock is when an argument is not what a asks
// and no rewrite of the call could make it so: the facade has nothing to
// hold it (a counting semaphore, a mutex whose acquire can be cancelled).
// Such a lock stays on its own package, and is information, not a
// finding. "" means the argument could be what a asks (a token kept
// elsewhere, an argument with side effects): the use is not proven, and
// is a finding the user can act on.
func (a Arg) NoEquivalent() string {
	switch a {
	case One:
		return "a counting semaphore, which the facade has no equivalent for"
	case Background:
		return "a lock whose acquire can be cancelled, which the facade has no equivalent for"
	}
	return ""
}

// Result says what becomes of the result of a row's call.
type Result int

const (
	// Same: the facade's call returns what the source's did.
	Same Result = iota
	// Nil: an error that is always nil once the call is the facade's.
	// The call's error handling is dead and is removed.
	Nil
	// True: a bool that is always true once the call is the facade's.
	// The handling of false is dead and is removed.
	True
	// Tokens: a read token that only the matching unlock may use; the
	// facade's read lock returns none.
	Tokens
	// New: a constructor; the call becomes new(facade.As).
	New
)

func (r Result) String() string {
	return [...]string{"same", "error always nil: handling removed", "always true: handling of false removed", "token dropped", "becomes new(T)"}[r]
}

// A Row maps one exported name of a source package to the facade.
type Row struct {
	From  string // import path of the source package, e.g. "sync"
	Name  string // exported name in From; "Type.Method" or "Var.Field" for those kinds
	Kind  Kind
	To    string // facade subpackage relative to the facade root: "" or "atomic"
	As    string // the facade's name for it; "" means Name
	Since string // release of From that added the API, e.g. "go1.21"

	// Args and Result describe a Func or Method row's call when it does
	// not map one to one. A Func row's nil Args keeps every argument; a
	// Method row's arguments past len(Args) are Pure, since the facade's
	// lock methods take none.
	Args   []Arg
	Result Result
	// Missing, when set, says why the API has no facade equivalent: its
	// uses are reported with this text and never rewritten.
	Missing string
}

// FacadeName returns the name the facade gives the row's API.
func (r Row) FacadeName() string {
	if r.As != "" {
		return r.As
	}
	return r.Name
}

// Owner returns the type or variable part of a Method or Field row's
// name ("Weighted" for "Weighted.Acquire"), and "" for other kinds.
func (r Row) Owner() string {
	if r.Kind != Method && r.Kind != Field {
		return ""
	}
	owner, _, _ := strings.Cut(r.Name, ".")
	return owner
}

// Member returns the method or field part of a Method or Field row's name.
func (r Row) Member() string {
	_, member, _ := strings.Cut(r.Name, ".")
	return member
}

// FacadeMethods lists the methods of each facade lock type, the names a
// Method row's As may use. A test checks it against the facade.
var FacadeMethods = map[string][]string{
	"Mutex":   {"Lock", "LockNested", "TryLock", "Unlock"},
	"RWMutex": {"Lock", "LockNested", "RLock", "RLockNested", "RLocker", "RUnlock", "TryLock", "TryRLock", "Unlock"},
}

// Target returns the import path that replaces r.From when the facade root
// is root (for example [DefaultFacade] or an in-house "example.com/syncutil").
func (r Row) Target(root string) string {
	if r.To == "" {
		return root
	}
	return root + "/" + r.To
}

// Sources returns the import paths the catalog has rows for, in order.
func Sources() []string {
	var out []string
	for _, r := range Rows {
		if len(out) == 0 || out[len(out)-1] != r.From {
			out = append(out, r.From)
		}
	}
	return out
}

var index = func() map[[2]string]Row {
	m := make(map[[2]string]Row, len(Rows))
	for _, r := range Rows {
		m[[2]string{r.From, r.Name}] = r
	}
	return m
}()

// Lookup returns the row for the exported name in the source package from.
func Lookup(from, name string) (Row, bool) {
	r, ok := index[[2]string{from, name}]
	return r, ok
}

// Covers reports whether the catalog has any row for the import path.
func Covers(from string) bool {
	for _, r := range Rows {
		if r.From == from {
			return true
		}
	}
	return false
}

// Guarded reports whether the type name of package from moves only where
// every use is proven: it has method rows, which change its calls (a
// method renamed, arguments dropped, a result gone).
func Guarded(rows []Row, from, name string) bool {
	for _, r := range rows {
		if r.From == from && r.Kind == Method && r.Owner() == name {
			return true
		}
	}
	return false
}

// IsStd reports whether importPath is in the standard library (its first
// element has no dot).
func IsStd(importPath string) bool {
	first, _, _ := strings.Cut(importPath, "/")
	return !strings.Contains(first, ".")
}

// DefaultName returns the package name an import of importPath declares
// when it is not renamed, by the usual convention: the last path element,
// without a major-version suffix.
func DefaultName(importPath string) string {
	base := path.Base(importPath)
	if len(base) > 1 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" {
		base = path.Base(path.Dir(importPath))
	}
	return strings.NewReplacer("-", "_", ".", "_").Replace(base)
}

// Markdown renders the catalog as the Markdown table the README carries.
func Markdown(root string) string {
	var b strings.Builder
	b.WriteString("| source | kind | facade | since | when, and what changes |\n| --- | --- | --- | --- | --- |\n")
	for _, r := range Rows {
		target := "`" + r.Target(root) + "." + r.FacadeName() + "`"
		switch {
		case r.Missing != "":
			target = "none"
		case r.Kind == Method:
			target = "`" + r.FacadeName() + "`"
		case r.Kind == Field:
			target = "`" + r.Target(root) + ".DetectorOptions." + r.FacadeName() + "`"
		}
		fmt.Fprintf(&b, "| `%s.%s` | %s | %s | %s | %s |\n",
			r.From, r.Name, r.Kind, target, r.Since, Notes(r))
	}
	return b.String()
}

// Notes describes, for the README, what a row asks of a call and what it
// changes, or why it has no facade equivalent.
func Notes(r Row) string {
	if r.Missing != "" {
		return "reported: " + r.Missing
	}
	var notes []string
	for i, a := range r.Args {
		if a != Keep {
			note := fmt.Sprintf("argument %d: %s, dropped", i+1, a)
			if what := a.NoEquivalent(); what != "" {
				note += " (otherwise " + what + ": it stays, not a finding)"
			}
			notes = append(notes, note)
		}
	}
	if r.Result != Same {
		notes = append(notes, "result: "+r.Result.String())
	}
	if r.Kind == Field {
		notes = append(notes, "consecutive assignments become one UpdateDetectorOptions call, wherever they are")
	}
	if r.Kind == Type && Guarded(Rows, r.From, r.Name) {
		notes = append(notes, "moves per variable or field, only when every use is proven")
	}
	return strings.Join(notes, "; ")
}
