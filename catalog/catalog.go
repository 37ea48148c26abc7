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
	DefaultFacade + "/stress.Run",
}

// Kind says what sort of package-level object a row names.
type Kind int

const (
	// Type is a named type (struct, interface or generic type).
	Type Kind = iota
	// Func is a package-level function.
	Func
)

func (k Kind) String() string {
	if k == Func {
		return "func"
	}
	return "type"
}

// A Row maps one exported name of a source package to the facade.
type Row struct {
	From  string // import path of the source package, e.g. "sync"
	Name  string // exported name in From
	Kind  Kind
	To    string // facade subpackage relative to the facade root: "" or "atomic"
	As    string // the facade's name for it; "" means Name (every built-in row)
	Since string // Go release that added the source API, e.g. "go1.21"
}

// FacadeName returns the name the facade gives the row's API.
func (r Row) FacadeName() string {
	if r.As != "" {
		return r.As
	}
	return r.Name
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
	b.WriteString("| source | kind | facade | since |\n| --- | --- | --- | --- |\n")
	for _, r := range Rows {
		fmt.Fprintf(&b, "| `%s.%s` | %s | `%s.%s` | %s |\n",
			r.From, r.Name, r.Kind, r.Target(root), r.FacadeName(), r.Since)
	}
	return b.String()
}
