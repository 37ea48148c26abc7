package rewrite

// Pinning: which lock types must stay.
//
// Rewriting `var mu sync.Mutex` to facade.Mutex is safe only when every
// place mu's value or address reaches changes with it. Code the sweep does
// not rewrite (another module, an allow-listed package, a generated file,
// a use a directive keeps) still wants the sync type, so a lock that
// reaches it must stay. The decision is made from types, before any edit:
// every type expression that would move (a site), every name of a
// function that would move onto one with other result types (sync.NewCond,
// whose *sync.Cond becomes *facade.Cond: also a site, owned by its call)
// and every object or expression whose type holds one is a node; sites
// are united with their owners, and the two sides of every flow that
// needs identical types (assignment, argument, return, composite literal
// element, send, range, comparison, conversion, func and method values,
// interface satisfaction) are united. A component that holds a node that
// cannot change type stays whole, and each of its declarations is
// reported with the path that pins it.

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/syncsweep/syncsweep/catalog"
	"github.com/syncsweep/syncsweep/policy"
)

// Moves reports whether the sweep changes the type t under rules: t is,
// or is built from (pointer, slice, array, map, channel, function
// signature, tuple, unnamed struct or interface, type arguments of an
// instance of a generic type), a named type that the policy moves onto a
// different type: sync.Mutex, sync.WaitGroup, atomic.Int64 and the rest,
// go-deadlock's types, and the policy's own type rows.
//
// Not moving: sync.Locker, whose facade equivalent is an alias of the
// same type (facade.Cond is a wrapper, so sync.Cond moves, as
// sync.Mutex does); types the policy does not ban; and the
// guarded types (a weight-1 semaphore, xsync's RBMutex, rows with method
// rows), which move variable by variable where every use is proven. Moves
// does not look into the fields or methods of other named types: a named
// type keeps its identity when its fields change.
//
// Drivers use it to tell whether a value of type t could meet rewritten
// code.
func Moves(rules *policy.Rules, t types.Type) bool {
	return movesType(rules, t, nil)
}

// movesType is Moves; local, when set, also reports named types of the
// package being swept whose declaration moves (type M sync.Mutex).
func movesType(rules *policy.Rules, t types.Type, local func(*types.TypeName) bool) bool {
	switch t := t.(type) {
	case *types.Alias:
		return movesType(rules, types.Unalias(t), local)
	case *types.Pointer:
		return movesType(rules, t.Elem(), local)
	case *types.Slice:
		return movesType(rules, t.Elem(), local)
	case *types.Array:
		return movesType(rules, t.Elem(), local)
	case *types.Chan:
		return movesType(rules, t.Elem(), local)
	case *types.Map:
		return movesType(rules, t.Key(), local) || movesType(rules, t.Elem(), local)
	case *types.Signature:
		return movesType(rules, t.Params(), local) || movesType(rules, t.Results(), local)
	case *types.Tuple:
		for i := range t.Len() {
			if movesType(rules, t.At(i).Type(), local) {
				return true
			}
		}
	case *types.Struct:
		for i := range t.NumFields() {
			if movesType(rules, t.Field(i).Type(), local) {
				return true
			}
		}
	case *types.Interface:
		for i := range t.NumExplicitMethods() {
			if movesType(rules, t.ExplicitMethod(i).Type(), local) {
				return true
			}
		}
		for i := range t.NumEmbeddeds() {
			if movesType(rules, t.EmbeddedType(i), local) {
				return true
			}
		}
	case *types.Union:
		for i := range t.Len() {
			if movesType(rules, t.Term(i).Type(), local) {
				return true
			}
		}
	case *types.Named:
		tn := t.Origin().Obj()
		if movingName(rules, tn) || local != nil && local(tn) {
			return true
		}
		args := t.TypeArgs()
		for i := range args.Len() {
			if movesType(rules, args.At(i), local) {
				return true
			}
		}
	}
	return false
}

// movingName reports whether tn is a catalogued type that moves.
func movingName(rules *policy.Rules, tn *types.TypeName) bool {
	pkg := tn.Pkg()
	if pkg == nil || !rules.Covers(pkg.Path()) || tn.Parent() != pkg.Scope() {
		return false
	}
	row, ok := rules.Lookup(pkg.Path(), tn.Name())
	return ok && rowMoves(rules, row)
}

// facadeAliases are the facade's names that are aliases of sync's types
// (facade/cond.go): a value keeps its type when it moves to them. Only
// Locker is: Cond is a wrapper on every backend, so a *sync.Cond that
// reaches code wanting one stays, as a *sync.Mutex does.
var facadeAliases = map[string]bool{"Locker": true}

// rowMoves reports whether a row moves its type onto a different type,
// all at once: guarded types move one variable at a time (reshape.go).
func rowMoves(rules *policy.Rules, row catalog.Row) bool {
	if row.Kind != catalog.Type || row.Missing != "" || rules.Guarded(row.From, row.Name) {
		return false
	}
	if _, ok := rules.Target(row); !ok {
		return false
	}
	return row.From != "sync" || !facadeAliases[row.FacadeName()]
}

// A nodeKey names a node. This package's package-level declarations are
// keyed by a canonical name ("v:x", "f:T.f", "p:F#0"), so that the
// type-checks of this build and of the build-excluded files (which make
// distinct objects) meet, and a function declared in two build variants
// is one node; other objects by identity (a local is seen by one check
// only); sites and anonymous owners by syntax.
type nodeKey struct {
	obj  types.Object
	name string
	node ast.Node
}

// A pinNode is a site, an object or an expression whose type holds one.
type pinNode struct {
	label string    // what messages call it
	typ   string    // its type, as messages show it
	pos   token.Pos // its declaration, for nodes this package declares
	end   token.Pos
	local bool // declared in this package's syntax: reported here
	// pin says why the node cannot change type, "" when it can; for an
	// object, subject is who the reason is about ("gen.Use").
	pin, subject string
	site         bool
	fixable      bool // a site the sweep would rewrite
	sel          *ast.SelectorExpr
	cgo          bool // in cgo's output, which the sweep rewrites by syntax
}

type edgeKind uint8

const (
	edgeOwns    edgeKind = iota // a site and the object or expression it types
	edgeAssign                  // x is assigned to y
	edgeArg                     // x is passed to y
	edgeReturn                  // x is returned by the function of result a
	edgeField                   // x is stored in the field a
	edgeElem                    // x is an element of y
	edgeSend                    // x is sent on y
	edgeRange                   // y ranges over x
	edgeCompare                 // x is compared with y
	edgeConvert                 // x is converted to y
	edgeAppend                  // x is appended to y
	edgeImpl                    // name: a method implements an interface's
	edgeTypeRef                 // a declaration names a local type that moves
	edgeRecv                    // x is the receiver of a generic type's method y
)

// A pinEdge records one union: a is the side that receives (the holder
// of a flow, the site of edgeOwns), b the side that is given.
type pinEdge struct {
	a, b int32
	kind edgeKind
	x, y ast.Node
	name string
	pos  token.Pos
}

// A pinGraph is the union-find of one package, over the files of this
// build and, when they hold sites, the files it excludes.
type pinGraph struct {
	sw     *sweeper
	ids    map[nodeKey]int32
	nodes  []pinNode
	parent []int32
	edges  []pinEdge
	adj    [][]int32 // node -> indexes in edges
	// generated holds this package's files that are never rewritten:
	// generated (their base name) or vendored ("").
	generated map[*token.File]string
	foreign   map[string]bool                          // other packages' files: generated?
	fields    map[*types.Package]map[*types.Var]string // field owners, by package
	// The outcome.
	kept   map[*ast.SelectorExpr]bool // sites in pinned components
	keptAt map[token.Position]bool    // the same, in cgo's output, by line and column
	stays  map[*token.File][]stay     // reports, by file
	// cgoStays are the reports of declarations in cgo's output, by the
	// name of the user's file.
	cgoStays map[string][]stay
}

// A stay is the report of one declaration that keeps its sync type.
type stay struct {
	pos, end token.Pos
	msg      string
}

// pinPackage builds the package's graph and decides what stays, or
// returns nil when no file holds a site: the package imports no
// catalogued package, and no build-excluded file does either.
func (sw *sweeper) pinPackage(swept map[*ast.File]bool) *pinGraph {
	pass := sw.pass
	typed := false
	for _, imp := range pass.Pkg.Imports() {
		if sw.rules.Covers(imp.Path()) {
			typed = true
			break
		}
	}
	excluded, withSites := sw.excludedFiles()
	if !typed && !withSites {
		return nil
	}
	g := &pinGraph{
		sw:        sw,
		ids:       make(map[nodeKey]int32),
		generated: make(map[*token.File]string),
		foreign:   make(map[string]bool),
		fields:    make(map[*types.Package]map[*types.Var]string),
		kept:      make(map[*ast.SelectorExpr]bool),
		keptAt:    make(map[token.Position]bool),
		stays:     make(map[*token.File][]stay),
		cgoStays:  make(map[string][]stay),
	}
	why := func(f *ast.File, rewritten bool) string {
		if rewritten {
			return ""
		}
		tf := pass.Fset.File(f.Pos())
		if ast.IsGenerated(f) {
			g.generated[tf] = shortName(tf.Name())
			return "is in generated file " + shortName(tf.Name())
		}
		g.generated[tf] = ""
		return "is in " + shortName(tf.Name()) + ", under vendor/"
	}
	reasons := make([]string, len(pass.Files))
	cgo := make([]bool, len(pass.Files))
	for i, f := range pass.Files {
		cgo[i] = isCgoOutput(pass, f, pass.Fset.File(f.Pos()).Name())
		reasons[i] = why(f, swept[f] || cgo[i])
	}
	excludedWhy := make([]string, len(excluded))
	for i, f := range excluded {
		excludedWhy[i] = why(f, !skipFile(pass.Fset.File(f.Pos()).Name(), f))
	}
	var exPkg *types.Package
	var exInfo *types.Info
	if withSites {
		exPkg, exInfo = sw.checkExcluded(excluded)
	}
	if !(typed && sw.mayPin(g, pass.TypesInfo, pass.Pkg, reasons)) && !(withSites && sw.mayPin(g, exInfo, exPkg, append(reasons, excludedWhy...))) {
		return nil // nothing in the package can hold a lock's type
	}
	if typed {
		w := g.walker(pass.TypesInfo, pass.Pkg)
		w.declare(pass.Files)
		for i, f := range pass.Files {
			w.walkFile(f, reasons[i], cgo[i])
		}
	}
	if withSites {
		w := g.walker(exInfo, exPkg)
		w.excluded = true
		w.declare(append(slices.Clip(pass.Files), excluded...))
		for i, f := range excluded {
			w.walkFile(f, excludedWhy[i], false)
		}
	}
	g.resolve()
	return g
}

// mayPin reports whether anything in the package could keep a lock's
// type, so that the walk has work to do: a file the sweep does not
// rewrite (a non-empty reason), a directive, a dot import of a lock
// package, a use of another package's object (or type, for its fields and
// methods) that holds a moving type and that no sweep of this run
// rewrites, or (in the type-check with the build-excluded files) a
// package that this build does not load. Most packages have none, and
// skip the walk.
func (sw *sweeper) mayPin(g *pinGraph, info *types.Info, pkg *types.Package, reasons []string) bool {
	pass := sw.pass
	for _, why := range reasons {
		if why != "" {
			return true
		}
	}
	for _, f := range pass.Files {
		if len(sw.allowsFor(f, pass.Fset.File(f.Pos()).Name())) > 0 {
			return true
		}
		for _, spec := range f.Imports {
			if spec.Name != nil && spec.Name.Name == "." && sw.rules.Covers(importPath(spec)) {
				return true
			}
		}
	}
	seen := make(map[types.Object]bool)
	for _, obj := range info.Uses {
		if pn, ok := obj.(*types.PkgName); ok {
			if pn.Imported().Scope().Len() == 0 {
				return true // not loaded: what its functions want is unknown
			}
			continue
		}
		p := obj.Pkg()
		if p == nil || p == pkg || seen[obj] {
			continue
		}
		seen[obj] = true
		path := p.Path()
		if sw.rules.Covers(path) || sw.rules.IsFacade(path) {
			continue
		}
		t := obj.Type()
		if tn, ok := obj.(*types.TypeName); ok {
			t = tn.Type().Underlying() // a struct's fields, an interface's methods
		}
		if !movesType(sw.rules, t, nil) {
			continue
		}
		if sw.rules.AllowedPackage(path) || sw.notSwept(path) || g.foreignGenerated(obj.Pos()) != "" {
			return true
		}
	}
	return false
}

func (g *pinGraph) node(k nodeKey, n pinNode) (int32, bool) {
	if id, ok := g.ids[k]; ok {
		return id, false
	}
	id := int32(len(g.nodes))
	g.ids[k] = id
	g.nodes = append(g.nodes, n)
	g.parent = append(g.parent, id)
	g.adj = append(g.adj, nil)
	return id, true
}

func (g *pinGraph) find(x int32) int32 {
	for g.parent[x] != x {
		g.parent[x] = g.parent[g.parent[x]]
		x = g.parent[x]
	}
	return x
}

// unite records that a and b must keep one type, and why.
func (g *pinGraph) unite(a, b int32, e pinEdge) {
	if a == b {
		return
	}
	e.a, e.b = a, b
	i := int32(len(g.edges))
	g.edges = append(g.edges, e)
	g.adj[a] = append(g.adj[a], i)
	g.adj[b] = append(g.adj[b], i)
	if ra, rb := g.find(a), g.find(b); ra != rb {
		g.parent[ra] = rb
	}
}

// keeps reports whether a site that the sweep would rewrite must stay.
func (g *pinGraph) keeps(sel *ast.SelectorExpr) bool {
	return g != nil && g.kept[sel]
}

// keepsAt is keeps for a file that cgo rewrote, whose user's version the
// sweep parses anew: the site is found by position.
func (g *pinGraph) keepsAt(fset *token.FileSet, sel *ast.SelectorExpr) bool {
	return g != nil && len(g.keptAt) > 0 && g.keptAt[lineCol(fset, sel.Pos())]
}

// lineCol is pos without its offset, which cgo's rewrite changes.
func lineCol(fset *token.FileSet, pos token.Pos) token.Position {
	p := fset.Position(pos)
	p.Offset = 0
	return p
}

// reportIn reports the declarations of fi's file that stay; cgo says the
// file is the user's version of one that cgo rewrote.
func (g *pinGraph) reportIn(fi *fileInfo, cgo bool) {
	if g == nil {
		return
	}
	tf := fi.pass.Fset.File(fi.file.Pos())
	if !cgo {
		for _, s := range g.stays[tf] {
			fi.reportUnfixable(s.pos, s.end, "%s", s.msg)
		}
		return
	}
	for _, s := range g.cgoStays[tf.Name()] {
		// Find the declaration in the user's file by line and column.
		p := fi.pass.Fset.Position(s.pos)
		if p.Line > tf.LineCount() {
			continue
		}
		pos := tf.LineStart(p.Line) + token.Pos(p.Column-1)
		fi.reportUnfixable(pos, pos+(s.end-s.pos), "%s", s.msg)
	}
}

// resolve decides which sites stay and writes the reports.
func (g *pinGraph) resolve() {
	pinned := make(map[int32]bool)
	for i := range g.nodes {
		if g.nodes[i].pin != "" {
			pinned[g.find(int32(i))] = true
		}
	}
	if len(pinned) == 0 {
		return
	}
	via := g.towardPins()
	reported := make(map[int32]bool)
	for i := range g.nodes {
		s := &g.nodes[i]
		if !s.site || !s.fixable || !pinned[g.find(int32(i))] {
			continue
		}
		if s.cgo {
			g.keptAt[lineCol(g.sw.pass.Fset, s.sel.Pos())] = true
		} else {
			g.kept[s.sel] = true
		}
		for _, ei := range g.adj[i] {
			e := g.edges[ei]
			if e.kind != edgeOwns || e.a != int32(i) || reported[e.b] || !g.nodes[e.b].local {
				continue
			}
			reported[e.b] = true
			o := &g.nodes[e.b]
			st := stay{pos: o.pos, end: o.end, msg: g.message(e.b, via)}
			fset := g.sw.pass.Fset
			if s.cgo {
				name := fset.Position(o.pos).Filename
				g.cgoStays[name] = append(g.cgoStays[name], st)
			} else {
				tf := fset.File(o.pos)
				g.stays[tf] = append(g.stays[tf], st)
			}
		}
	}
}

// towardPins returns, for each node that a pinned node reaches, the edge
// of a shortest path toward the nearest one (-1 for pinned nodes, -2 for
// the others): one breadth-first search from all pins at once, in node
// order, so that messages are deterministic.
func (g *pinGraph) towardPins() []int32 {
	via := make([]int32, len(g.nodes))
	var queue []int32
	for i := range g.nodes {
		via[i] = -2
		if g.nodes[i].pin != "" {
			via[i] = -1
			queue = append(queue, int32(i))
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, ei := range g.adj[n] {
			e := g.edges[ei]
			m := e.a
			if m == n {
				m = e.b
			}
			if via[m] == -2 {
				via[m] = ei
				queue = append(queue, m)
			}
		}
	}
	return via
}

// message says why the declaration n stays: the path to its pin.
func (g *pinGraph) message(n int32, via []int32) string {
	var parts []string
	cur := n
	for steps := 0; via[cur] >= 0 && steps < len(g.nodes); steps++ {
		e := g.edges[via[cur]]
		next := e.a
		if next == cur {
			next = e.b
		}
		if e.kind == edgeOwns && g.nodes[next].site {
			if site := &g.nodes[next]; site.pin != "" {
				parts = append(parts, g.nodes[cur].label+" "+site.pin)
				cur = next
				break
			}
			// Through a shared type expression to its other owner.
			if via[next] >= 0 {
				e2 := g.edges[via[next]]
				other := e2.a
				if other == next {
					other = e2.b
				}
				parts = append(parts, fmt.Sprintf("%s is declared with %s at %s", g.nodes[cur].label, g.nodes[other].label, g.position(e.pos)))
				cur = other
				continue
			}
			cur = next
			continue
		}
		part := g.render(e)
		cur = next
		if g.nodes[cur].pin != "" && cur == e.a && g.nodes[cur].typ != "" {
			part += ", which wants " + g.nodes[cur].typ
		}
		parts = append(parts, part)
	}
	if p := &g.nodes[cur]; p.pin != "" && !p.site {
		subject := p.subject
		if subject == "" {
			subject = p.label
		}
		parts = append(parts, subject+" is "+p.pin)
	}
	return fmt.Sprintf("%s stays %s: %s", g.nodes[n].label, g.nodes[n].typ, strings.Join(parts, "; "))
}

func (g *pinGraph) position(pos token.Pos) string {
	p := g.sw.pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", shortName(p.Filename), p.Line)
}

// render words one flow, in the user's terms.
func (g *pinGraph) render(e pinEdge) string {
	at := g.position(e.pos)
	x, y := exprText(e.x), exprText(e.y)
	switch e.kind {
	case edgeAssign:
		return fmt.Sprintf("%s is assigned to %s at %s", x, y, at)
	case edgeArg:
		return fmt.Sprintf("%s is passed to %s at %s", x, y, at)
	case edgeReturn:
		return fmt.Sprintf("%s is returned by %s at %s", x, g.nodes[e.a].subject, at)
	case edgeField:
		return fmt.Sprintf("%s is stored in %s at %s", x, g.nodes[e.a].label, at)
	case edgeElem:
		return fmt.Sprintf("%s is an element of %s at %s", x, y, at)
	case edgeSend:
		return fmt.Sprintf("%s is sent on %s at %s", x, y, at)
	case edgeRange:
		return fmt.Sprintf("%s ranges over %s at %s", y, x, at)
	case edgeCompare:
		return fmt.Sprintf("%s is compared with %s at %s", x, y, at)
	case edgeConvert:
		return fmt.Sprintf("%s is converted to %s at %s", x, y, at)
	case edgeAppend:
		return fmt.Sprintf("%s is appended to %s at %s", x, y, at)
	case edgeImpl:
		return fmt.Sprintf("%s at %s", e.name, at)
	case edgeRecv:
		return fmt.Sprintf("%s is the receiver of %s at %s", x, y, at)
	case edgeTypeRef:
		return fmt.Sprintf("%s has type %s at %s", g.nodes[e.b].label, g.nodes[e.a].label, at)
	}
	return fmt.Sprintf("%s and %s meet at %s", g.nodes[e.a].label, g.nodes[e.b].label, at)
}

// exprText shows an expression in a message, briefly.
func exprText(n ast.Node) string {
	switch n := n.(type) {
	case nil:
		return ""
	case *ast.FuncLit:
		return "the func literal"
	case ast.Expr:
		s := types.ExprString(n)
		if len(s) > 60 {
			s = s[:57] + "..."
		}
		return s
	}
	return ""
}
