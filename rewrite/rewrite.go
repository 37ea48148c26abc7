package rewrite

import (
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/tools/go/analysis"

	"github.com/syncsweep/syncsweep/catalog"
	"github.com/syncsweep/syncsweep/classtable"
	"github.com/syncsweep/syncsweep/policy"
)

// Analyzer reports direct uses of sync and sync/atomic and suggests the
// facade's equivalents. Its flags are the policy's (see package policy):
// -config, -facade, -atomic, -allow and -ban.
var Analyzer = &analysis.Analyzer{
	Name:       "sweep",
	Doc:        "report direct uses of sync and sync/atomic and rewrite them to the lock facade",
	URL:        "https://pkg.go.dev/github.com/syncsweep/syncsweep/rewrite",
	Run:        func(pass *analysis.Pass) (any, error) { return runFlags(pass) },
	ResultType: reflect.TypeFor[*Result](),
}

var flags policy.Flags

func init() { flags.Register(&Analyzer.Flags) }

// runFlags sweeps with the policy the analyzer's flags describe.
func runFlags(pass *analysis.Pass) (*Result, error) {
	rules, err := flagRules()
	if err != nil {
		return nil, err
	}
	return Sweep(pass, rules)
}

// flagRules compiles the flags' policy once (the config file is read once).
var flagRules = sync.OnceValues(flags.Rules)

// New returns an analyzer like [Analyzer] with fixed rules and no flags,
// for drivers and tests that configure the sweep in code.
func New(rules *policy.Rules) *analysis.Analyzer {
	a := *Analyzer
	a.Flags = *flag.NewFlagSet(a.Name, flag.ContinueOnError)
	a.Run = func(pass *analysis.Pass) (any, error) { return Sweep(pass, rules) }
	return &a
}

// Result is what the sweep found in one package, for statistics and for
// the analyzers that audit the //syncsweep:allow directives.
type Result struct {
	// AllowedPackage says the policy allow-lists the package: nothing in
	// it was looked at.
	AllowedPackage bool
	Direct         int      // direct uses reported
	Facade         int      // references to the facade's packages
	Allows         []*Allow // every directive in the swept files
	// Stays lists the uses that stay on their own lock package because
	// the facade has no equivalent for them (a counting semaphore, a
	// cancellable acquire): information, not findings, unless the policy
	// says to report them (policy.Policy.ReportNoEquivalent).
	Stays []Stay
	// Classes is the package's table of lock classes for the deadlock
	// detector (package classtable), when the facade is syncsweep's: the
	// driver writes it next to the package on -fix.
	Classes classtable.Table
}

// A Stay is one variable or field that stays on its own lock package,
// with why.
type Stay struct {
	Pos     token.Position
	Message string
}

// Sweep reports every direct use of a banned API in the pass's files, each
// with a suggested fix, and returns what it saw.
func Sweep(pass *analysis.Pass, rules *policy.Rules) (*Result, error) {
	res := new(Result)
	if rules.IsFacade(pass.Pkg.Path()) {
		return res, nil
	}
	if rules.AllowedPackage(pass.Pkg.Path()) {
		res.AllowedPackage = true
		return res, nil
	}
	sw := &sweeper{pass: pass, rules: rules, res: res, excluded: excludedDecls(pass)}
	swept := make(map[*ast.File]bool)
	for _, f := range pass.Files {
		name := pass.Fset.File(f.Pos()).Name()
		swept[f] = !isCgoOutput(pass, f, name) && !skipFile(name, f)
	}
	if sw.needsPlan() {
		sw.plan = sw.planPackage(swept)
	}
	// Which lock types must stay, because their values reach code that
	// is not rewritten (pin.go); decided before any file is planned.
	sw.pins = sw.pinPackage(swept)
	for _, f := range pass.Files {
		name := pass.Fset.File(f.Pos()).Name()
		if isCgoOutput(pass, f, name) {
			// The type checker saw cgo's version of a user file, which
			// lives in the build cache: sweep the user's own file by
			// syntax instead, as for files the build excludes.
			sw.sweepIgnored(pass.Fset.Position(f.Package).Filename, true)
			continue
		}
		if skipFile(name, f) {
			continue
		}
		sw.sweepTyped(f)
	}
	for _, name := range pass.IgnoredFiles {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		sw.sweepIgnored(name, false)
	}
	if rules.Facade == catalog.DefaultFacade {
		res.Classes = classtable.Compute(pass.Pkg, pass.Files, pass.TypesInfo, sw.isLockType)
	}
	return res, nil
}

// isLockType reports whether t is a mutex the facade's deadlock detector
// checks once the sweep is done: sync's, the facade's, or a third-party
// type whose row moves it to one of those.
func (sw *sweeper) isLockType(t *types.Named) bool {
	o := t.Obj()
	if o.Pkg() == nil {
		return false
	}
	path, name := o.Pkg().Path(), o.Name()
	if path == "sync" || sw.rules.IsFacade(path) {
		return name == "Mutex" || name == "RWMutex"
	}
	row, ok := sw.rules.Lookup(path, name)
	return ok && row.Kind == catalog.Type && (row.FacadeName() == "Mutex" || row.FacadeName() == "RWMutex")
}

// A sweeper holds what the sweep of one package shares across its files.
type sweeper struct {
	pass     *analysis.Pass
	rules    *policy.Rules
	res      *Result
	excluded func() map[string]bool
	aliases  map[*types.Package]bool // memo of hasAliases
	plan     *plan                   // the proofs of guarded types; nil when none is imported
	pins     *pinGraph               // what must stay; nil when no file names a lock type
	allows   map[*ast.File][]*Allow
	parsed   map[string]parsedFile // build-excluded files, parsed once
}

// readFile returns a file's content: one of the pass's files, or a cgo
// file's original source, which the pass does not list.
func (sw *sweeper) readFile(filename string) ([]byte, error) {
	src, err := sw.pass.ReadFile(filename)
	if err != nil {
		src, err = os.ReadFile(filename)
	}
	return src, err
}

// isFacadePath reports whether an import path is one the sweep moves to.
func (sw *sweeper) isFacadePath(p string) bool {
	for _, fp := range sw.rules.FacadePaths() {
		if p == fp {
			return true
		}
	}
	return false
}

// isCgoOutput reports whether f is cgo's rewrite of a user's .go file
// (in the build cache, or in go vet's work directory): a //line directive
// names another .go file as the source of its package clause.
func isCgoOutput(pass *analysis.Pass, f *ast.File, physical string) bool {
	orig := pass.Fset.Position(f.Package).Filename
	return orig != physical && strings.HasSuffix(orig, ".go") && ast.IsGenerated(f)
}

func skipFile(filename string, f *ast.File) bool {
	return ast.IsGenerated(f) || strings.Contains(filepath2slash(filename), "/vendor/")
}

func filepath2slash(s string) string { return strings.ReplaceAll(s, `\`, "/") }

// A site is one qualified reference X.Sel to rewrite.
type site struct {
	sel  *ast.SelectorExpr
	spec *ast.ImportSpec
	row  catalog.Row
	// render, when set, makes the site's edit and fix message from the
	// facade's local name (a constructor, detector options) instead of
	// renaming X and Sel.
	render func(name string) (analysis.TextEdit, string, error)
}

// A group gathers, for one file and one target import path, the sites
// that move to it and the source imports involved.
type group struct {
	target   string
	sites    []site
	specs    []*ast.ImportSpec // source imports whose sites move here
	existing *ast.ImportSpec   // an import of target already in the file
}

// fileInfo is what the edit planner needs to know about one file.
type fileInfo struct {
	pass   *analysis.Pass
	rules  *policy.Rules
	res    *Result
	file   *ast.File
	allows []*Allow
	groups []*group
	// residual[spec] reports that the source import still has uses
	// that are not rewritten, so it must stay.
	residual map[*ast.ImportSpec]bool
	// taken reports whether name cannot be the facade's local name in
	// this file (it would mean something else at a site, or clash).
	taken func(name string, g *group, gone map[*ast.ImportSpec]bool) bool
	// shadowed reports whether the name of g's existing import means
	// something else at one of g's sites (a local of that name).
	shadowed func(g *group) bool
	// calls are the rewrites of guarded types' method calls (see
	// reshape.go); dropped are imports that only removed code used.
	calls   []*callFix
	dropped map[*ast.ImportSpec]bool
	embeds  map[*ast.SelectorExpr]bool // embedded fields' types; nil until asked
}

// embedded returns the qualified type names of the file's embedded fields
// (struct{ pkg.T } and struct{ *pkg.T }).
func (fi *fileInfo) embedded() map[*ast.SelectorExpr]bool {
	if fi.embeds != nil {
		return fi.embeds
	}
	fi.embeds = make(map[*ast.SelectorExpr]bool)
	ast.Inspect(fi.file, func(n ast.Node) bool {
		st, ok := n.(*ast.StructType)
		if !ok || st.Fields == nil {
			return true
		}
		for _, fld := range st.Fields.List {
			if len(fld.Names) > 0 {
				continue
			}
			t := fld.Type
			if star, ok := t.(*ast.StarExpr); ok {
				t = star.X
			}
			if sel, ok := t.(*ast.SelectorExpr); ok {
				fi.embeds[sel] = true
			}
		}
		return true
	})
	return fi.embeds
}

func importPath(spec *ast.ImportSpec) string {
	p, _ := strconv.Unquote(spec.Path.Value)
	return p
}

// localName is the name a non-dot, non-blank import declares.
//
// Without type information the package clause of the imported package is
// unknown, so an unnamed import's name is assumed as goimports assumes it:
// the last path element without a major-version suffix, without a "go-"
// prefix, up to the first character that is not allowed in a name
// ("github.com/sasha-s/go-deadlock" is deadlock, ".../xsync/v3" is xsync).
func localName(spec *ast.ImportSpec) string {
	if spec.Name != nil {
		return spec.Name.Name
	}
	return assumedName(importPath(spec))
}

func assumedName(importPath string) string {
	base := path.Base(importPath)
	if len(base) > 1 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" {
		if dir := path.Dir(importPath); dir != "." {
			base = path.Base(dir)
		}
	}
	base = strings.TrimPrefix(base, "go-")
	if i := strings.IndexFunc(base, func(r rune) bool {
		return !(r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r))
	}); i >= 0 {
		base = base[:i]
	}
	return base
}

// sourceSpecs returns the named imports of catalogued packages, and their
// dot imports apart: the sweep cannot rewrite a dot-imported name.
func sourceSpecs(rules *policy.Rules, f *ast.File) (specs, dots []*ast.ImportSpec) {
	for _, spec := range f.Imports {
		p := importPath(spec)
		if !rules.Covers(p) {
			continue
		}
		if spec.Name != nil && spec.Name.Name == "." {
			dots = append(dots, spec)
			continue
		}
		if spec.Name != nil && spec.Name.Name == "_" {
			continue
		}
		specs = append(specs, spec)
	}
	return specs, dots
}

// reportUnfixable reports a direct use that the sweep cannot rewrite,
// unless a directive keeps it.
func (fi *fileInfo) reportUnfixable(pos, end token.Pos, format string, args ...any) {
	if a := allowing(fi.allows, pos); a != nil {
		a.Used++
		return
	}
	fi.res.Direct++
	fi.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Message: fmt.Sprintf(format, args...)})
}

// banned returns the row and target of a package-level object of a
// catalogued package, when the policy bans it.
func (sw *sweeper) banned(obj types.Object) (catalog.Row, string, bool) {
	if obj == nil || obj.Pkg() == nil || !sw.rules.Covers(obj.Pkg().Path()) || obj.Parent() != obj.Pkg().Scope() {
		return catalog.Row{}, "", false
	}
	row, ok := sw.rules.Lookup(obj.Pkg().Path(), obj.Name())
	if !ok {
		return catalog.Row{}, "", false
	}
	target, ok := sw.rules.Target(row)
	return row, target, ok
}

// aliasTarget returns the banned API that obj, a type alias declared in a
// package the sweep will not rewrite, stands for. Uses of such an alias
// are direct uses that a grep for the import path never sees.
func (sw *sweeper) aliasTarget(obj types.Object) (catalog.Row, string, bool) {
	tn, ok := obj.(*types.TypeName)
	if !ok || !tn.IsAlias() || tn.Pkg() == nil || tn.Pkg() == sw.pass.Pkg {
		return catalog.Row{}, "", false
	}
	if !sw.rules.AllowedPackage(tn.Pkg().Path()) && !sw.outsideModule(tn.Pkg().Path()) {
		return catalog.Row{}, "", false // the sweep rewrites the alias itself
	}
	named, ok := types.Unalias(tn.Type()).(*types.Named)
	if !ok {
		return catalog.Row{}, "", false
	}
	return sw.banned(named.Obj())
}

// outsideModule reports whether pkgPath lies outside the pass's module
// (unknown when the driver gives no module).
func (sw *sweeper) outsideModule(pkgPath string) bool {
	m := sw.pass.Module
	if m == nil || m.Path == "" {
		return false
	}
	return pkgPath != m.Path && !strings.HasPrefix(pkgPath, m.Path+"/")
}

// hasAliases reports, once per package, whether pkg declares a type alias
// of a catalogued type, so that files importing none skip the search.
func (sw *sweeper) hasAliases(pkg *types.Package) bool {
	if has, ok := sw.aliases[pkg]; ok {
		return has
	}
	has := false
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if _, _, ok := sw.aliasTarget(scope.Lookup(name)); ok {
			has = true
			break
		}
	}
	if sw.aliases == nil {
		sw.aliases = make(map[*types.Package]bool)
	}
	sw.aliases[pkg] = has
	return has
}

// addSite files s under the group for its target path, unless the policy
// or a directive keeps it.
func (fi *fileInfo) addSite(s site) bool {
	target, ok := fi.rules.Target(s.row)
	if !ok {
		return false
	}
	if a := allowing(fi.allows, s.sel.Pos()); a != nil {
		a.Used++
		return false
	}
	if s.render == nil && s.row.FacadeName() != s.sel.Sel.Name && fi.embedded()[s.sel] {
		// An embedded field is named after its type: the rename
		// would rename the field, and break every x.Name.
		fi.reportUnfixable(s.sel.Pos(), s.sel.End(), "%s.%s bypasses the lock facade, but it is embedded: moving it to %s would rename the field %s to %s; give the field a name, then run syncsweep -fix",
			s.row.From, s.row.Name, s.row.FacadeName(), s.sel.Sel.Name, s.row.FacadeName())
		return false
	}
	var g *group
	for _, x := range fi.groups {
		if x.target == target {
			g = x
		}
	}
	if g == nil {
		g = &group{target: target}
		for _, spec := range fi.file.Imports {
			if importPath(spec) == target && (spec.Name == nil || spec.Name.Name != "." && spec.Name.Name != "_") {
				g.existing = spec
				break
			}
		}
		fi.groups = append(fi.groups, g)
	}
	g.sites = append(g.sites, s)
	for _, sp := range g.specs {
		if sp == s.spec {
			return true
		}
	}
	g.specs = append(g.specs, s.spec)
	return true
}

// sweepTyped plans a type-checked file: a reference is a site when the
// type checker resolves its qualifier to an import of a catalogued package.
func (sw *sweeper) sweepTyped(f *ast.File) {
	pass, excluded := sw.pass, sw.excluded
	fi := sw.newFile(f, pass.Fset.File(f.Pos()).Name())
	defer sw.finish(fi)
	specs, dots := sourceSpecs(sw.rules, f)
	facadeNames := make(map[*types.PkgName]bool)
	aliasNames := make(map[*types.PkgName]bool) // imports that declare aliases of sync types
	for _, spec := range f.Imports {
		pn := pass.TypesInfo.PkgNameOf(spec)
		switch {
		case pn == nil:
		case sw.isFacadePath(importPath(spec)):
			facadeNames[pn] = true
		case !sw.rules.Covers(pn.Imported().Path()) && sw.hasAliases(pn.Imported()):
			aliasNames[pn] = true
		}
	}
	planned := sw.plan.touches(f)
	if len(specs) == 0 && len(dots) == 0 && len(facadeNames) == 0 && len(aliasNames) == 0 && !planned {
		return
	}
	sw.pins.reportIn(fi, false)
	// usesLeft counts each import's uses outside the code that the fixes
	// remove, to drop the imports only that code needed.
	usesLeft := make(map[*types.PkgName]int)
	if planned {
		fi.planned(sw.plan)
		defer func() { fi.dropUnused(usesLeft) }()
	}
	byName := make(map[*types.PkgName]*ast.ImportSpec)
	for _, spec := range specs {
		obj := pass.TypesInfo.Defs[spec.Name]
		if spec.Name == nil {
			obj = pass.TypesInfo.Implicits[spec]
		}
		if pn, ok := obj.(*types.PkgName); ok {
			byName[pn] = spec
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if n != nil && planned && sw.plan.inRemoved(f, n.Pos()) {
			return false
		}
		switch n := n.(type) {
		case *ast.ImportSpec:
			return false
		case *ast.SelectorExpr:
			x, ok := n.X.(*ast.Ident)
			if !ok {
				return true
			}
			pn, ok := pass.TypesInfo.Uses[x].(*types.PkgName)
			if !ok {
				return true
			}
			usesLeft[pn]++
			if facadeNames[pn] {
				sw.res.Facade++
			}
			if aliasNames[pn] {
				if row, target, ok := sw.aliasTarget(pass.TypesInfo.Uses[n.Sel]); ok {
					fi.reportUnfixable(n.Pos(), n.End(), "%s.%s is an alias of %s.%s, so it bypasses the lock facade (%s); use %s.%s",
						x.Name, n.Sel.Name, row.From, row.Name, target, catalog.DefaultName(target), row.FacadeName())
				}
			}
			spec, ok := byName[pn]
			if !ok {
				return false
			}
			if sw.plan.claims(fi, n, spec) {
				return false
			}
			if sw.pins.keeps(n) {
				fi.residual[spec] = true // its value reaches code that keeps sync
				return false
			}
			row, ok := sw.rules.Lookup(pn.Imported().Path(), n.Sel.Name)
			if ok && row.Missing != "" {
				fi.reportUnfixable(n.Pos(), n.End(), "%s.%s bypasses the lock facade and has no facade equivalent: %s", row.From, row.Name, row.Missing)
				ok = false
			}
			if !ok || !fi.addSite(site{sel: n, spec: spec, row: row}) {
				fi.residual[spec] = true
			}
			return false
		case *ast.Ident:
			// A bare name of a catalogued package: a dot import.
			if len(dots) > 0 {
				if row, target, ok := sw.banned(pass.TypesInfo.Uses[n]); ok {
					fi.reportUnfixable(n.Pos(), n.End(), "%s.%s bypasses the lock facade (%s); it is dot-imported, which syncsweep cannot rewrite: import %q by name and run syncsweep -fix",
						row.From, row.Name, target, row.From)
				}
			}
		}
		return true
	})
	scope := pass.Pkg.Scope()
	fi.taken = func(name string, g *group, gone map[*ast.ImportSpec]bool) bool {
		if scope.Lookup(name) != nil || excluded()[name] {
			return true // declared at package level, in this build or another
		}
		for _, s := range g.sites {
			inner := scope.Innermost(s.sel.Pos())
			if inner == nil {
				inner = pass.TypesInfo.Scopes[f]
			}
			if inner == nil {
				return true
			}
			_, obj := inner.LookupParent(name, s.sel.Pos())
			if obj == nil {
				continue
			}
			if pn, ok := obj.(*types.PkgName); ok {
				if gone[byName[pn]] {
					continue // the source import that is going away
				}
				if g.existing != nil && pn.Imported().Path() == g.target {
					continue
				}
			}
			return true
		}
		// A name declared by another import of this file clashes too,
		// even where no site can see it.
		//
		// (Note the existing facade import may have been demoted to
		// an ordinary import by pickName; then its name clashes.)
		for _, spec := range f.Imports {
			if spec.Name != nil && spec.Name.Name == "." || spec == g.existing {
				continue
			}
			if localName(spec) == name && !gone[spec] {
				return true
			}
		}
		return false
	}
	fi.shadowed = func(g *group) bool {
		name := localName(g.existing)
		for _, s := range g.sites {
			inner := scope.Innermost(s.sel.Pos())
			if inner == nil {
				return true
			}
			_, obj := inner.LookupParent(name, s.sel.Pos())
			if pn, ok := obj.(*types.PkgName); !ok || pn.Imported().Path() != g.target {
				return true
			}
		}
		return false
	}
}

// newFile starts the plan of one file, with its directives.
func (sw *sweeper) newFile(f *ast.File, filename string) *fileInfo {
	fi := &fileInfo{pass: sw.pass, rules: sw.rules, res: sw.res, file: f, residual: make(map[*ast.ImportSpec]bool)}
	fi.allows = sw.allowsFor(f, filename)
	return fi
}

// allowsFor returns a file's directives, found once: the proofs and the
// file's planning share them, and so their use counts.
func (sw *sweeper) allowsFor(f *ast.File, filename string) []*Allow {
	if a, ok := sw.allows[f]; ok {
		return a
	}
	var out []*Allow
	if len(f.Comments) > 0 {
		if src, err := sw.readFile(filename); err == nil {
			out = allowsIn(sw.pass.Fset.File(f.Pos()), f, src)
		}
	}
	if sw.allows == nil {
		sw.allows = make(map[*ast.File][]*Allow)
	}
	sw.allows[f] = out
	return out
}

// finish reports the file's plan and records its directives.
func (sw *sweeper) finish(fi *fileInfo) {
	if len(fi.groups) > 0 || len(fi.calls) > 0 || len(fi.dropped) > 0 {
		fi.report()
	}
	sw.res.Allows = append(sw.res.Allows, fi.allows...)
}

// report plans the edits of every group and reports one diagnostic per
// site. Each site's fix holds its own edit plus the file's import edits;
// the import edits are the same for every site in the file, so drivers
// that merge fixes coalesce them.
func (fi *fileInfo) report() {
	gone := make(map[*ast.ImportSpec]bool)
	for spec := range fi.dropped {
		gone[spec] = true
	}
	names := make([]string, len(fi.groups))
	for i, g := range fi.groups {
		// A source import goes away when it has no residual use and all
		// of its sites move to this group.
		goneHere := make(map[*ast.ImportSpec]bool)
		for _, spec := range g.specs {
			if !fi.residual[spec] && fi.onlyIn(spec, g) {
				goneHere[spec] = true
				gone[spec] = true
			}
		}
		names[i] = fi.pickName(g, goneHere)
	}
	imports := fi.importEdits(gone, names)
	for _, c := range fi.calls {
		edits := append([]analysis.TextEdit{c.edit}, c.extra...)
		fi.res.Direct++
		fi.pass.Report(analysis.Diagnostic{
			Pos:     c.call.Pos(),
			End:     c.call.End(),
			Message: c.msg,
			SuggestedFixes: []analysis.SuggestedFix{{
				Message:   fmt.Sprintf("Call %s", c.row.FacadeName()),
				TextEdits: append(edits, imports...),
			}},
		})
	}
	for i, g := range fi.groups {
		name := names[i]
		for _, s := range g.sites {
			if s.render != nil {
				edit, msg, err := s.render(name)
				if err != nil {
					fi.reportUnfixable(s.sel.Pos(), s.sel.End(), "%s.%s bypasses the lock facade, and syncsweep cannot rewrite it: %v", importPath(s.spec), s.row.Name, err)
					continue
				}
				fi.res.Direct++
				fi.pass.Report(analysis.Diagnostic{
					Pos:            s.sel.Pos(),
					End:            s.sel.End(),
					Message:        fmt.Sprintf("%s.%s bypasses the lock facade (%s)", importPath(s.spec), s.row.Name, g.target),
					SuggestedFixes: []analysis.SuggestedFix{{Message: msg, TextEdits: append([]analysis.TextEdit{edit}, imports...)}},
				})
				continue
			}
			var edits []analysis.TextEdit
			if x := s.sel.X.(*ast.Ident); x.Name != name {
				edits = append(edits, analysis.TextEdit{Pos: x.Pos(), End: x.End(), NewText: []byte(name)})
			}
			as := s.row.FacadeName()
			if as != s.sel.Sel.Name {
				edits = append(edits, analysis.TextEdit{Pos: s.sel.Sel.Pos(), End: s.sel.Sel.End(), NewText: []byte(as)})
			}
			edits = append(edits, imports...)
			fi.res.Direct++
			fi.pass.Report(analysis.Diagnostic{
				Pos:     s.sel.Pos(),
				End:     s.sel.End(),
				Message: fmt.Sprintf("%s.%s bypasses the lock facade (%s)", importPath(s.spec), s.row.Name, g.target),
				SuggestedFixes: []analysis.SuggestedFix{{
					Message:   fmt.Sprintf("Use %s.%s from %s", name, as, g.target),
					TextEdits: edits,
				}},
			})
		}
	}
}

// onlyIn reports whether every site of spec belongs to group g.
func (fi *fileInfo) onlyIn(spec *ast.ImportSpec, g *group) bool {
	for _, other := range fi.groups {
		if other == g {
			continue
		}
		for _, sp := range other.specs {
			if sp == spec {
				return false
			}
		}
	}
	return true
}

// pickName chooses the local name of the target import in this file.
func (fi *fileInfo) pickName(g *group, gone map[*ast.ImportSpec]bool) string {
	if g.existing != nil {
		if !fi.shadowed(g) {
			return localName(g.existing)
		}
		// Import the facade again under a fresh name: Go allows it,
		// and it is the smallest edit that cannot change other code.
		g.existing = nil
	}
	base := catalog.DefaultName(g.target)
	for i := 1; ; i++ {
		name := base
		if i > 1 {
			name = base + strconv.Itoa(i)
		}
		if !fi.taken(name, g, gone) {
			return name
		}
	}
}
