// Package policy holds syncsweep's one configuration: which facade the
// sweep moves code onto, which packages and APIs it leaves alone, and extra
// catalog rows for in-house or third-party lock types.
//
// The same [Policy] is read from a JSON file by the CLI (-config), from
// analyzer flags under go vet and go fix ([Flags]), and from golangci-lint's
// settings by the plugin. Unknown keys and bad values are errors that name
// the key; nothing is silently ignored.
package policy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"

	"golang.org/x/mod/module"

	"github.com/syncsweep/syncsweep/catalog"
)

// Policy is the configuration, as users write it. The zero Policy means
// the defaults: syncsweep's facade, every catalogued API banned, no
// package allowed.
type Policy struct {
	// Facade is the import path of the facade root (default
	// catalog.DefaultFacade); an in-house facade must offer the same names.
	Facade string `json:"facade,omitempty"`
	// Atomic replaces sync/atomic: "" means Facade+"/atomic", "off"
	// leaves sync/atomic alone.
	Atomic string `json:"atomic,omitempty"`
	// Allow lists import path patterns of packages that may use the
	// banned APIs directly, as go list spells them ("example.com/m/lowlevel/...").
	Allow []string `json:"allow,omitempty"`
	// Ban lists the APIs that must go through the facade, each either a
	// source import path ("sync/atomic") or one of its names
	// ("sync.Mutex"). Empty means every catalogued API and every row.
	Ban []string `json:"ban,omitempty"`
	// Rows adds lock types or functions of other packages that move to
	// a facade name.
	Rows []Row `json:"rows,omitempty"`
	// ReportNoEquivalent reports, as findings, the uses that the facade
	// has no equivalent for (a counting semaphore, a cancellable
	// acquire), which otherwise stay quietly on their own package: for a
	// team that wants every lock package listed until it is gone.
	ReportNoEquivalent bool `json:"reportNoEquivalent,omitempty"`
}

// Row is a user's catalog row: the exported name Name of package From
// becomes the facade's name Facade (default: Name). The row asserts that
// every method the code calls on From.Name exists on the facade's type
// with the same signature, unless a method row says otherwise.
//
// A method row names "Type.Method" (the type needs a row of its own) and
// the facade method it becomes; Result "nil" declares that its error
// result can never be non-nil, "true" that its bool result is always
// true, so the sweep removes the handling of the other case. Its
// arguments are dropped (the facade's lock methods take none), which the
// sweep does only where they have no side effects. A type with such a
// method row moves variable by variable, where every use is proven.
type Row struct {
	From   string `json:"from"`
	Name   string `json:"name"`
	Facade string `json:"facade,omitempty"`
	Result string `json:"result,omitempty"`
}

// Load reads a Policy from a JSON file; unknown keys are errors.
func Load(filename string) (Policy, error) {
	data, err := os.ReadFile(filename)
	if err != nil {
		return Policy{}, err
	}
	p, err := Decode(bytes.NewReader(data))
	if err != nil {
		return Policy{}, fmt.Errorf("%s: %v", filename, err)
	}
	return p, nil
}

// Decode reads one JSON Policy; unknown keys and trailing data are errors.
func Decode(r io.Reader) (Policy, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var p Policy
	if err := dec.Decode(&p); err != nil {
		return Policy{}, explain(err)
	}
	if dec.More() {
		return Policy{}, errors.New("more than one JSON value")
	}
	return p, nil
}

// explain rewords encoding/json's errors to name the key.
func explain(err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) && typeErr.Field != "" {
		return fmt.Errorf("key %q: want %s, got JSON %s", typeErr.Field, typeErr.Type, typeErr.Value)
	}
	if msg := err.Error(); strings.HasPrefix(msg, "json: unknown field ") {
		return fmt.Errorf("unknown key %s (known: facade, atomic, allow, ban, rows, reportNoEquivalent; a row has from, name, facade, result)",
			strings.TrimPrefix(msg, "json: unknown field "))
	}
	return err
}

// Rules is a validated Policy, ready for the sweep to consult.
type Rules struct {
	Facade string
	Atomic string // "" or "off" or an import path, as in Policy
	// Swept, when set, reports whether the sweep rewrites the package
	// pkgPath in this run: a driver sets it to the packages its patterns
	// name. A lock whose value reaches an object of a package it
	// leaves out keeps its sync type (see package rewrite). Nil means
	// every package of the pass's module is swept.
	Swept func(pkgPath string) bool
	// ReportNoEquivalent is the Policy's: uses with no facade equivalent
	// are findings too.
	ReportNoEquivalent bool
	allow              []*regexp.Regexp
	// ban holds source paths and "path.Name" keys; nil bans everything.
	ban   map[string]bool
	extra map[[2]string]catalog.Row
	paths map[string]bool // source import paths with rows
}

// Compile validates p and returns its Rules. Each error names the key and
// the index of the bad value.
func (p Policy) Compile() (*Rules, error) {
	r := &Rules{
		Facade:             p.Facade,
		Atomic:             p.Atomic,
		ReportNoEquivalent: p.ReportNoEquivalent,
		extra:              make(map[[2]string]catalog.Row),
		paths:              make(map[string]bool),
	}
	if r.Facade == "" {
		r.Facade = catalog.DefaultFacade
	}
	if err := module.CheckImportPath(r.Facade); err != nil {
		return nil, fmt.Errorf("key \"facade\": %v", err)
	}
	if r.Atomic != "" && r.Atomic != "off" {
		if err := module.CheckImportPath(r.Atomic); err != nil {
			return nil, fmt.Errorf("key \"atomic\": %v (or \"off\")", err)
		}
	}
	for _, row := range catalog.Rows {
		r.paths[row.From] = true
	}
	for i, u := range p.Rows {
		row, err := u.compile(p.Rows)
		if err != nil {
			return nil, fmt.Errorf("key \"rows[%d]\": %v", i, err)
		}
		key := [2]string{row.From, row.Name}
		if _, dup := r.extra[key]; dup {
			return nil, fmt.Errorf("key \"rows[%d]\": %s.%s has a row already", i, row.From, row.Name)
		}
		r.extra[key] = row
		r.paths[row.From] = true
	}
	for i, pat := range p.Allow {
		re, err := compilePattern(pat)
		if err != nil {
			return nil, fmt.Errorf("key \"allow[%d]\": %v", i, err)
		}
		r.allow = append(r.allow, re)
	}
	if len(p.Ban) > 0 {
		r.ban = make(map[string]bool)
	}
	for i, b := range p.Ban {
		if r.paths[b] {
			r.ban[b] = true
			continue
		}
		if _, ok := r.Lookup(splitName(b)); !ok {
			return nil, fmt.Errorf("key \"ban[%d]\": %q is neither a source package nor one of its names in the catalog or rows (e.g. \"sync\", \"sync.Mutex\")", i, b)
		}
		r.ban[b] = true
	}
	return r, nil
}

func (u Row) compile(all []Row) (catalog.Row, error) {
	if err := module.CheckImportPath(u.From); err != nil {
		return catalog.Row{}, fmt.Errorf("\"from\": %v", err)
	}
	if catalog.Covers(u.From) {
		return catalog.Row{}, fmt.Errorf("\"from\": %s is in the built-in catalog already", u.From)
	}
	if typ, method, ok := strings.Cut(u.Name, "."); ok {
		return u.compileMethod(all, typ, method)
	}
	if u.Result != "" {
		return catalog.Row{}, fmt.Errorf("\"result\": only a method row (\"name\": \"Type.Method\") has a result")
	}
	if !isExported(u.Name) {
		return catalog.Row{}, fmt.Errorf("\"name\": %q is not an exported Go name", u.Name)
	}
	as := u.Facade
	if as == "" {
		as = u.Name
	}
	// The facade name must be one the facade has: a sync row's name.
	target, ok := catalog.Lookup("sync", as)
	if !ok {
		if target, ok = catalog.Lookup("sync/atomic", as); !ok {
			return catalog.Row{}, fmt.Errorf("\"facade\": the facade has no %q", as)
		}
	}
	return catalog.Row{From: u.From, Name: u.Name, Kind: target.Kind, To: target.To, As: as}, nil
}

// compileMethod compiles a method row, whose type must have a row that
// moves it to a facade lock type.
func (u Row) compileMethod(all []Row, typ, method string) (catalog.Row, error) {
	if !isExported(typ) || !isExported(method) {
		return catalog.Row{}, fmt.Errorf("\"name\": %q is not Type.Method with exported names", u.Name)
	}
	var owner *Row
	for i := range all {
		if all[i].From == u.From && all[i].Name == typ {
			owner = &all[i]
		}
	}
	if owner == nil {
		return catalog.Row{}, fmt.Errorf("\"name\": %s.%s has no row of its own; add {\"from\": %q, \"name\": %q, \"facade\": \"Mutex\"}", u.From, typ, u.From, typ)
	}
	ownerAs := owner.Facade
	if ownerAs == "" {
		ownerAs = owner.Name
	}
	as := u.Facade
	if as == "" {
		as = method
	}
	methods, ok := catalog.FacadeMethods[ownerAs]
	if !ok {
		return catalog.Row{}, fmt.Errorf("\"name\": method rows need a lock type; %s.%s moves to %s", u.From, typ, ownerAs)
	}
	if !slices.Contains(methods, as) {
		return catalog.Row{}, fmt.Errorf("\"facade\": the facade's %s has no method %q (it has %s)", ownerAs, as, strings.Join(methods, ", "))
	}
	row := catalog.Row{From: u.From, Name: u.Name, Kind: catalog.Method, As: as}
	switch u.Result {
	case "":
	case "nil":
		row.Result = catalog.Nil
	case "true":
		row.Result = catalog.True
	default:
		return catalog.Row{}, fmt.Errorf("\"result\": %q is not \"nil\" (an error that never fires) or \"true\" (a bool that is always true)", u.Result)
	}
	return row, nil
}

func isExported(name string) bool {
	if name == "" || !(name[0] >= 'A' && name[0] <= 'Z') {
		return false
	}
	for _, c := range name {
		if !(c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// splitName splits "example.com/x/lock.Mutex" into its path and name.
func splitName(s string) (string, string) {
	slash := strings.LastIndex(s, "/")
	dot := strings.LastIndex(s, ".")
	if dot <= slash {
		return s, ""
	}
	return s[:dot], s[dot+1:]
}

// compilePattern turns a go list pattern ("a/b/...", "a/.../c") into a
// regexp over import paths, as cmd/go matches them: "..." matches any
// string, and "a/b/..." also matches "a/b".
func compilePattern(pat string) (*regexp.Regexp, error) {
	if pat == "" {
		return nil, errors.New("empty pattern")
	}
	if strings.HasPrefix(pat, ".") || strings.HasPrefix(pat, "/") {
		return nil, fmt.Errorf("%q: use an import path pattern such as \"example.com/m/internal/...\", not a directory", pat)
	}
	if strings.ContainsAny(pat, " \t\\") {
		return nil, fmt.Errorf("%q is not an import path pattern", pat)
	}
	re := regexp.QuoteMeta(pat)
	re = strings.ReplaceAll(re, `\.\.\.`, `.*`)
	if strings.HasSuffix(re, "/.*") {
		re = strings.TrimSuffix(re, "/.*") + `(/.*)?`
	}
	return regexp.Compile("^" + re + "$")
}

// AllowedPackage reports whether pkgPath (or, for an external test
// package, the package it tests) matches an allow pattern.
func (r *Rules) AllowedPackage(pkgPath string) bool {
	pkgPath = strings.TrimSuffix(pkgPath, "_test")
	for _, re := range r.allow {
		if re.MatchString(pkgPath) {
			return true
		}
	}
	return false
}

// IsFacade reports whether pkgPath is one of the facade's own packages (or
// their external tests), which must keep using sync.
func (r *Rules) IsFacade(pkgPath string) bool {
	pkgPath = strings.TrimSuffix(pkgPath, "_test")
	if pkgPath == r.Facade || strings.HasPrefix(pkgPath, r.Facade+"/") {
		return true
	}
	return r.Atomic != "" && r.Atomic != "off" && pkgPath == r.Atomic
}

// Guarded reports whether the type name of package from moves only
// variable by variable: it has method rows (see [catalog.Guarded]).
func (r *Rules) Guarded(from, name string) bool {
	if catalog.Guarded(catalog.Rows, from, name) {
		return true
	}
	for _, row := range r.extra {
		if row.From == from && row.Kind == catalog.Method && row.Owner() == name {
			return true
		}
	}
	return false
}

// Methods returns the method rows of the type name of package from.
func (r *Rules) Methods(from, name string) []catalog.Row {
	var out []catalog.Row
	for _, row := range catalog.Rows {
		if row.From == from && row.Kind == catalog.Method && row.Owner() == name {
			out = append(out, row)
		}
	}
	for _, row := range r.extra {
		if row.From == from && row.Kind == catalog.Method && row.Owner() == name {
			out = append(out, row)
		}
	}
	return out
}

// Covers reports whether the import path has rows, built-in or the user's.
func (r *Rules) Covers(importPath string) bool { return r.paths[importPath] }

// Lookup returns the row for name in the source package from.
func (r *Rules) Lookup(from, name string) (catalog.Row, bool) {
	if row, ok := catalog.Lookup(from, name); ok {
		return row, true
	}
	row, ok := r.extra[[2]string{from, name}]
	return row, ok
}

// Target returns the import path that replaces row's source, or false
// when the policy leaves the row alone (-atomic=off, or not banned).
func (r *Rules) Target(row catalog.Row) (string, bool) {
	if r.ban != nil && !r.ban[row.From] && !r.ban[row.From+"."+row.Name] && (row.Owner() == "" || !r.ban[row.From+"."+row.Owner()]) {
		return "", false
	}
	if row.To == "atomic" {
		switch r.Atomic {
		case "off":
			return "", false
		case "":
		default:
			return r.Atomic, true
		}
	}
	return row.Target(r.Facade), true
}

// FacadePaths returns the import paths the sweep moves code onto.
func (r *Rules) FacadePaths() []string {
	out := []string{r.Facade}
	if a := r.AtomicPath(); a != "" {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

// AtomicPath returns the import path that replaces sync/atomic, or "" if
// the policy leaves sync/atomic alone.
func (r *Rules) AtomicPath() string {
	switch r.Atomic {
	case "off":
		return ""
	case "":
		return r.Facade + "/atomic"
	}
	return r.Atomic
}
