package driver

// The compile check. Before a byte is written (and for -diff too), the
// packages the sweep changes, and the packages of the patterns that use
// their locks where the type matters, are type-checked again in process:
// from the sweep's own syntax with the edits applied, against the type
// information already loaded for everything else. There is no second go
// list of the tree, and it works before the module requires the facade,
// whose API the binary carries (internal/facadeapi).
//
// Batches load and drop packages one after another, each with its own
// types.Package objects, so the check cannot keep the new types of one
// batch for the next. It keeps their export data instead, and a package
// whose dependencies changed is read again from its export data with the
// new dependencies in its view: the export data names other packages'
// objects by path and name, so they bind to the new ones (the trick
// go/packages itself uses to share one package between importers).

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/types"
	"io"
	"os"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"

	"github.com/syncsweep/syncsweep/internal/facadeapi"
)

// pkgMeta is what the check keeps of a package after its batch is dropped.
type pkgMeta struct {
	id, path  string
	export    string            // export data from go list -export
	imports   map[string]string // import path as written -> package ID
	files     []string          // what the type checker reads
	cgo       bool              // files are the user's own (cgo's output goes stale when they change)
	goVersion string            // the module's language version, as go/packages sets it
	forTest   string
	stub      bool // the embedded facade API (internal/facadeapi)
}

// checkState is the check's memory for one build configuration: the
// packages it has seen and the export data of those it checked.
type checkState struct {
	r          *run
	label      string   // "" for the configuration of the run; "GOOS=windows ..." for another
	env        []string // the go command's environment for loads of packages not seen yet
	buildFlags []string
	sizes      types.Sizes
	meta       map[string]*pkgMeta
	byPath     map[string]string            // import path -> ID of its package (test variants aside)
	done       map[string]bool              // IDs checked from source in some universe
	exports    map[string][]byte            // ID -> export data of its checked types, when a later universe needs it
	keepExport bool                         // a later batch, or the end, reads the checked packages
	newImports map[string]map[string]string // ID -> the package IDs its checked files import
	useStub    bool                         // the default facade: its stub stands in until the module has it

	checked, changedPkgs int
	broken               []string // one line per package that would not compile
	couldNot             []string // one line per package the check could not type-check
}

func newCheckState(r *run, label string, env, buildFlags []string) *checkState {
	return &checkState{
		r:          r,
		label:      label,
		env:        env,
		buildFlags: buildFlags,
		meta:       make(map[string]*pkgMeta),
		byPath:     make(map[string]string),
		done:       make(map[string]bool),
		exports:    make(map[string][]byte),
		newImports: make(map[string]map[string]string),
		useStub:    r.FacadeModule == "" || isDefaultFacade(r.FacadeModule),
	}
}

// record keeps the metadata of every package of a load.
func (cs *checkState) record(pkgs []*packages.Package) {
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if _, ok := cs.meta[p.ID]; ok {
			return
		}
		m := &pkgMeta{id: p.ID, path: p.PkgPath, export: p.ExportFile, forTest: p.ForTest, files: p.CompiledGoFiles}
		if len(p.Imports) > 0 {
			m.imports = make(map[string]string, len(p.Imports))
			for path, imp := range p.Imports {
				m.imports[path] = imp.ID
			}
		}
		if !sameFiles(p.GoFiles, p.CompiledGoFiles) {
			m.cgo, m.files = true, p.GoFiles
		}
		if p.Module != nil && p.Module.GoVersion != "" {
			m.goVersion = "go" + p.Module.GoVersion
		}
		if cs.sizes == nil && p.TypesSizes != nil {
			cs.sizes = p.TypesSizes
		}
		cs.meta[p.ID] = m
		if p.ForTest == "" && !strings.HasSuffix(p.ID, ".test") {
			if _, ok := cs.byPath[p.PkgPath]; !ok {
				cs.byPath[p.PkgPath] = p.ID
			}
		}
	})
}

func sameFiles(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// changed reports whether the sweep rewrites a file of the package.
func (cs *checkState) changed(id string) bool {
	m := cs.meta[id]
	if m == nil {
		return false
	}
	for _, f := range m.files {
		if cs.r.newSrc[f] != nil {
			return true
		}
	}
	return false
}

// extra resolves an import that the package did not have before the
// sweep (the facade), or that the facade's stub needs, to a package ID,
// loading its metadata when no batch has seen it.
func (cs *checkState) extra(path string) (string, error) {
	if id, ok := cs.byPath[path]; ok {
		return id, nil
	}
	if _, ok := facadeapi.Files(path); ok && cs.useStub {
		id := "facadeapi:" + path
		cs.meta[id] = &pkgMeta{id: id, path: path, stub: true}
		cs.byPath[path] = id
		return id, nil
	}
	cfg := &packages.Config{
		Mode:       packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports | packages.NeedDeps | packages.NeedExportFile | packages.NeedModule,
		Dir:        cs.r.Dir,
		Env:        cs.env,
		BuildFlags: cs.buildFlags,
	}
	list, err := packages.Load(cfg, path)
	if err != nil {
		return "", err
	}
	if len(list) != 1 {
		return "", fmt.Errorf("%s does not name one package", path)
	}
	if errs := list[0].Errors; len(errs) > 0 {
		return "", fmt.Errorf("%s does not load: %s", path, cs.r.formatError(errs[0]))
	}
	cs.record(list)
	if id, ok := cs.byPath[path]; ok {
		return id, nil
	}
	return "", fmt.Errorf("%s does not load", path)
}

// A universe is one consistent set of types.Package objects: a batch's,
// with the packages the sweep changed (and those built on them) replaced.
// Packages are checked in parallel; mu guards the maps (and the
// checkState's), and every read of export data takes readMu, since the
// decoder fills in packages of the view that others may be reading too.
type universe struct {
	cs     *checkState
	base   map[string]*packages.Package // the batch's packages by ID; nil at the end
	mu     sync.Mutex
	readMu sync.Mutex
	pkgs   map[string]*entry
	// waitsFor maps a package being made to the package its making
	// waits for now (see get).
	waitsFor map[string]string
	tainted  map[string]bool
	report   map[string]bool // IDs whose compile errors count: packages that loaded cleanly
	// recheck holds the IDs checked from source in this universe though
	// the sweep did not change them (they use moved locks): known before
	// the first get, so that nothing binds to their old types.
	recheck map[string]bool
	// sameAs maps a package to its in-package test variant, which stands
	// for it (see shareTestVariants).
	sameAs map[string]string
}

// An entry is one package of a universe, ready when done is closed.
type entry struct {
	done chan struct{}
	p    *types.Package
	err  error
}

func (cs *checkState) universe(base map[string]*packages.Package) *universe {
	return &universe{
		cs:       cs,
		base:     base,
		pkgs:     make(map[string]*entry),
		waitsFor: make(map[string]string),
		tainted:  make(map[string]bool),
		report:   make(map[string]bool),
		recheck:  make(map[string]bool),
		sameAs:   make(map[string]string),
	}
}

// get returns the package with this ID as the sweep leaves it, making it
// (or waiting for the goroutine that makes it) on first use. from is the
// package whose making asks for it ("" for none): the universe keeps who
// waits for whom, so that a cycle is an error instead of a wait on itself.
func (u *universe) get(id, from string) (*types.Package, error) {
	if id == "unsafe" {
		return types.Unsafe, nil
	}
	u.mu.Lock()
	if variant, ok := u.sameAs[id]; ok {
		u.mu.Unlock()
		return u.get(variant, from)
	}
	if from != "" {
		for x, n := id, 0; n <= len(u.waitsFor); n++ {
			if x == from {
				u.mu.Unlock()
				return nil, fmt.Errorf("import cycle through %s", id)
			}
			next, ok := u.waitsFor[x]
			if !ok {
				break
			}
			x = next
		}
		u.waitsFor[from] = id
		defer func() {
			u.mu.Lock()
			delete(u.waitsFor, from)
			u.mu.Unlock()
		}()
	}
	if e, ok := u.pkgs[id]; ok {
		u.mu.Unlock()
		<-e.done
		return e.p, e.err
	}
	cs := u.cs
	m := cs.meta[id]
	if m == nil {
		u.mu.Unlock()
		return nil, fmt.Errorf("no metadata for %s", id)
	}
	e := &entry{done: make(chan struct{})}
	u.pkgs[id] = e
	base := u.base[id]
	exported := cs.exports[id]
	var how func() (*types.Package, error)
	switch {
	case m.stub || exported == nil && (cs.changed(id) || u.recheck[id]):
		how = func() (*types.Package, error) { return u.check(id) }
	case exported != nil:
		imports := cs.newImports[id]
		how = func() (*types.Package, error) { return u.read(id, bytes.NewReader(exported), imports) }
	case !u.isTainted(id) && base != nil && base.Types != nil:
		// Complete or not: go/packages makes a package that only
		// other export data mentions with the objects they need,
		// and a second copy would not match them (see complete).
		how = func() (*types.Package, error) { return base.Types, nil }
	default:
		how = func() (*types.Package, error) {
			p, err := u.readFile(id)
			var stale staleExport
			if errors.As(err, &stale) {
				// Its export data names a package the sweep took out of
				// its dependencies (go-deadlock, once nothing imports
				// it): the data describes types that no longer exist,
				// and only its source says what it is now.
				return u.check(id)
			}
			return p, err
		}
	}
	u.mu.Unlock()
	e.p, e.err = how()
	close(e.done)
	return e.p, e.err
}

// isTainted reports whether the package, or anything it imports, is
// changed: then the batch's own types.Package for it is stale. u.mu is
// held.
func (u *universe) isTainted(id string) bool {
	if t, ok := u.tainted[id]; ok {
		return t
	}
	u.tainted[id] = false // cycles: decided by the other edges
	cs := u.cs
	t := cs.done[id] || cs.changed(id) || u.recheck[id]
	if !t {
		for _, dep := range cs.meta[id].imports {
			if cs.meta[dep] != nil && u.isTainted(dep) {
				t = true
				break
			}
		}
	}
	u.tainted[id] = t
	return t
}

// importsOf returns the IDs the package imports as the sweep leaves it.
func (u *universe) importsOf(id string) map[string]string {
	u.mu.Lock()
	defer u.mu.Unlock()
	if imps, ok := u.cs.newImports[id]; ok {
		return imps
	}
	return u.cs.meta[id].imports
}

// complete fills in a package of the batch that go/packages made only
// for what other export data mentions, from its own export data: the
// same types.Package, so that everything bound to it stays bound.
func (u *universe) complete(id string, p *types.Package) error {
	u.readMu.Lock()
	complete := p.Complete()
	u.readMu.Unlock()
	if complete {
		return nil
	}
	r, closeFile, err := u.exportFile(id)
	if err != nil {
		return err
	}
	defer closeFile()
	q, err := u.readInto(id, r, u.importsOf(id), p)
	if err != nil {
		return err
	}
	u.readMu.Lock()
	complete = p.Complete()
	u.readMu.Unlock()
	if q != p || !complete {
		return fmt.Errorf("reading export data for %s: it did not complete the package", id)
	}
	return nil
}

// readFile reads a package's export data from the go command's file, with
// its dependencies as this universe has them.
func (u *universe) readFile(id string) (*types.Package, error) {
	r, closeFile, err := u.exportFile(id)
	if err != nil {
		return nil, err
	}
	defer closeFile()
	return u.read(id, r, u.importsOf(id))
}

// path returns a package's import path.
func (u *universe) path(id string) string {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.cs.meta[id].path
}

// exportFile opens the go command's export data for a package.
func (u *universe) exportFile(id string) (io.Reader, func(), error) {
	u.mu.Lock()
	m := u.cs.meta[id]
	u.mu.Unlock()
	if m.export == "" {
		return nil, nil, fmt.Errorf("no export data for %s", id)
	}
	f, err := os.Open(m.export)
	if err != nil {
		return nil, nil, err
	}
	// go list -export names cmd/export's output for most packages but
	// archive files for some (standard packages built on demand), and
	// only NewReader unwraps those, as go/packages does.
	//lint:ignore SA1019 no replacement reads archive files before Go 1.29
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("reading export data for %s: %v", id, err)
	}
	return r, func() { f.Close() }, nil
}

// read decodes export data into this universe.
func (u *universe) read(id string, data io.Reader, imports map[string]string) (*types.Package, error) {
	return u.readInto(id, data, imports, nil)
}

// readInto decodes export data into this universe, and into self when it
// is not nil. The view holds every package the data may mention (the
// transitive imports), so that the decoder binds to them instead of
// creating its own.
func (u *universe) readInto(id string, data io.Reader, imports map[string]string, self *types.Package) (*types.Package, error) {
	view := make(map[string]*types.Package)
	if self != nil {
		view[self.Path()] = self
	}
	seen := make(map[string]bool)
	var visit func(imports map[string]string) error
	visit = func(imports map[string]string) error {
		for _, dep := range imports {
			if seen[dep] || dep == "unsafe" {
				continue
			}
			seen[dep] = true
			p, err := u.get(dep, id)
			if err != nil {
				return err
			}
			view[p.Path()] = p
			if err := visit(u.importsOf(dep)); err != nil {
				return err
			}
		}
		return nil
	}
	if err := visit(imports); err != nil {
		return nil, err
	}
	known := make(map[string]bool, len(view))
	for path := range view {
		known[path] = true
	}
	u.readMu.Lock()
	p, err := gcexportdata.Read(data, u.cs.r.fset, view, u.path(id))
	u.readMu.Unlock()
	if err != nil {
		return nil, fmt.Errorf("reading export data for %s: %v", id, err)
	}
	// A package the decoder had to create is a second copy of one this
	// universe has, and types from the two would not match.
	for path := range view {
		if !known[path] && path != p.Path() {
			return nil, staleExport{id, path}
		}
	}
	return p, nil
}

// staleExport is export data that mentions a package outside its
// package's dependencies as the sweep leaves them.
type staleExport struct{ id, path string }

func (e staleExport) Error() string {
	return fmt.Sprintf("reading export data for %s: it mentions %s, which it does not import", e.id, e.path)
}

// check type-checks a package from source as the sweep leaves it, notes
// its errors when they count, and keeps its export data for later
// batches.
func (u *universe) check(id string) (*types.Package, error) {
	cs := u.cs
	u.mu.Lock()
	m := cs.meta[id]
	u.mu.Unlock()
	imports := make(map[string]string)
	var importErr error // the check's own failure, not the code's
	imp := importerFunc(func(path string) (*types.Package, error) {
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		dep, ok := m.imports[path]
		if !ok {
			var err error
			u.mu.Lock()
			dep, err = cs.extra(path)
			u.mu.Unlock()
			if err != nil {
				importErr = err
				return nil, err
			}
		}
		imports[path] = dep
		p, err := u.get(dep, id)
		if err == nil {
			err = u.complete(dep, p)
		}
		if err != nil {
			importErr = err
			return nil, err
		}
		return p, nil
	})
	var p *types.Package
	var errs []types.Error
	if m.stub {
		var err error
		if p, err = facadeapi.Check(cs.r.fset, m.path, imp, ""); err != nil {
			return nil, fmt.Errorf("the facade API syncsweep carries does not type-check: %v", err)
		}
	} else {
		files, err := u.parse(id, m)
		if err != nil {
			return nil, err
		}
		conf := types.Config{
			Importer:    imp,
			GoVersion:   m.goVersion,
			Sizes:       cs.sizes,
			FakeImportC: m.cgo,
			Error: func(err error) {
				if te, ok := err.(types.Error); ok {
					errs = append(errs, te)
				}
			},
		}
		p, _ = conf.Check(m.path, cs.r.fset, files, nil)
	}
	var data []byte
	if cs.keepExport {
		data = u.export(p)
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	cs.newImports[id] = imports
	cs.done[id] = true
	if data != nil {
		cs.exports[id] = data
	}
	if m.stub {
		return p, nil
	}
	cs.checked++
	if cs.changed(id) {
		cs.changedPkgs++
	}
	switch {
	case !u.report[id]:
	case importErr != nil:
		cs.couldNot = append(cs.couldNot, fmt.Sprintf("\t%s: %v", id, importErr))
	case len(errs) > 0:
		cs.broken = append(cs.broken, fmt.Sprintf("\t%s: %s", id, cs.describe(errs[0])))
	}
	return p, nil
}

// export returns a package's export data, or nil when it cannot be
// written (the package is then checked again where needed).
func (u *universe) export(p *types.Package) []byte {
	var buf bytes.Buffer
	if err := gcexportdata.Write(&buf, u.cs.r.fset, p); err != nil {
		return nil
	}
	return buf.Bytes()
}

// parse returns a package's files as the sweep leaves them: the swept
// ones from their new text, the others as the batch parsed them.
func (u *universe) parse(id string, m *pkgMeta) ([]*ast.File, error) {
	have := make(map[string]*ast.File)
	if base := u.base[id]; base != nil && !m.cgo {
		for _, f := range base.Syntax {
			have[u.cs.r.fset.File(f.Pos()).Name()] = f
		}
	}
	files := make([]*ast.File, 0, len(m.files))
	for _, name := range m.files {
		if f, ok := have[name]; ok && u.cs.r.newSrc[name] == nil {
			files = append(files, f)
			continue
		}
		if pf, ok := u.cs.r.newAST[name]; ok {
			files = append(files, pf.file)
			continue
		}
		src := u.cs.r.newSrc[name]
		if src == nil {
			var err error
			if src, err = os.ReadFile(name); err != nil {
				return nil, err
			}
		}
		f, err := parser.ParseFile(u.cs.r.fset, name, src, parser.SkipObjectResolution|parser.ParseComments)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// describe says a type error in the user's terms: the position as the
// line stands in their file today.
func (cs *checkState) describe(e types.Error) string {
	pos := cs.r.fset.Position(e.Pos)
	name := pos.Filename
	if old, ok := cs.r.oldSrc[name]; ok {
		// The error is in the text the check parsed: before gofmt
		// when it parsed it for planFiles.
		text := cs.r.newSrc[name]
		if pf, ok := cs.r.newAST[name]; ok && cs.r.fset.File(pf.file.Pos()) == cs.r.fset.File(e.Pos) {
			text = pf.src
		}
		pos.Line = oldLine(string(old), string(text), pos.Line)
	}
	return fmt.Sprintf("%s:%d:%d: %s", cs.r.rel(name), pos.Line, pos.Column, e.Msg)
}

// parsedFile is a swept file as planFiles parsed it, before gofmt.
type parsedFile struct {
	file *ast.File
	src  []byte
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// order returns ids with every package after the packages it imports.
func (cs *checkState) order(ids []string) []string {
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	sort.Strings(ids)
	var out []string
	done := make(map[string]bool)
	var visit func(id string)
	visit = func(id string) {
		if done[id] {
			return
		}
		done[id] = true
		m := cs.meta[id]
		if m == nil {
			return
		}
		deps := make([]string, 0, len(m.imports))
		for _, dep := range m.imports {
			deps = append(deps, dep)
		}
		sort.Strings(deps)
		for _, dep := range deps {
			visit(dep)
		}
		if want[id] {
			out = append(out, id)
		}
	}
	for _, id := range ids {
		visit(id)
	}
	return out
}

// oldLine maps a 1-based line of new back to the line of old it came from
// (for a changed line, the first line of the change).
func oldLine(old, new string, line int) int {
	ai, bi := 0, 0 // 0-based line cursors in old and new
	for _, op := range myers(splitLines(old), splitLines(new)) {
		if line-1 < op.bi {
			break
		}
		if line-1 < op.bEnd() {
			return op.ai + 1
		}
		ai, bi = op.aEnd(), op.bEnd()
	}
	return ai + (line - 1 - bi) + 1
}
