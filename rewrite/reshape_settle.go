package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/syncsweep/syncsweep/catalog"
)

// Settling the proofs: a unit that cannot move takes the units that share
// its declaration with it, one without an equivalent makes those it is
// assigned to stay too, and the declarations only removed code read go
// with it (orphans).

// releasedNeverAcquired fails a unit whose calls release it and never
// acquire it: such a lock is no mutex (x/sync's tests release an unacquired
// semaphore to see its panic, which a recover catches), and the facade's
// Unlock of an unlocked mutex is a fatal error that nothing catches.
func (pv *prover) releasedNeverAcquired(u *unit) {
	var release *callFix
	for _, c := range u.calls {
		switch c.row.As {
		case "Lock", "TryLock", "RLock", "TryRLock":
			return
		case "Unlock", "RUnlock":
			if release == nil {
				release = c
			}
		}
	}
	if release != nil {
		u.fail(release.call.Pos(), "it is released (%s at %s) but never acquired", release.row.Member(), pv.position(release.call.Pos()))
	}
}

// settle decides each unit, records the fixes of proven ones, and the
// findings of the others. Failures spread: a type reference shared by
// two variables moves only with both, and dead code that holds another
// lock's call, or is the last reader of a local variable that cannot go
// with it, keeps its lock. The loop ends because units only ever fail.
func (pv *prover) settle() {
	for _, u := range pv.units {
		if u.reason == "" && len(u.refs) == 0 && len(u.ctors) == 0 && len(u.calls) > 0 {
			u.fail(u.decl, "its type comes from an expression syncsweep does not rewrite")
		}
		if u.reason == "" {
			pv.releasedNeverAcquired(u)
		}
		if _, ok := types.Unalias(u.v.Type()).(*types.Pointer); !ok && u.reason == "" {
			if ctor := pv.ctorOfType(u.tn); ctor.Name != "" && len(ctor.Args) > 0 {
				u.fail(u.decl, "its zero value is not what %s makes", ctor.Name)
			}
		}
	}
	pv.directives()
	pv.excludedCalls()
	var deletions map[*types.Var]analysis.TextEdit
	for changed := true; changed; {
		changed = false
		refFailed := make(map[*ast.SelectorExpr]bool)
		for _, u := range pv.units {
			if u.reason != "" {
				for _, r := range u.refs {
					refFailed[r] = true
				}
			}
		}
		var spans []span
		for _, u := range pv.units {
			if u.reason != "" {
				continue
			}
			for _, r := range u.refs {
				if refFailed[r] {
					u.fail(r.Pos(), "it shares its declaration with a variable that cannot move")
					changed = true
				}
			}
			for _, c := range u.calls {
				spans = append(spans, c.removed...)
			}
		}
		var stuck map[*types.Var]token.Pos
		deletions, stuck = pv.orphans(spans)
		for v, at := range stuck {
			for _, u := range pv.units {
				if u.reason != "" {
					continue
				}
				for _, c := range u.calls {
					for _, s := range c.removed {
						if s.holds(at) {
							u.fail(at, "the code it removes is the last to read %s, whose declaration syncsweep cannot remove", v.Name())
							changed = true
						}
					}
				}
			}
		}
	}
	// A unit that holds another's value has no equivalent when that one
	// has none (a local copy of a counting semaphore's field).
	for changed := true; changed; {
		changed = false
		for _, u := range pv.units {
			if u.none != "" {
				continue
			}
			for _, a := range u.from {
				if a.src.none != "" {
					u.none = fmt.Sprintf("it is assigned %s at %s", pv.exprString(a.value), pv.position(a.value.Pos()))
					u.what = a.src.what
					changed = true
					break
				}
			}
		}
	}
	var dead []span
	for _, u := range pv.units {
		if u.reason == "" {
			for _, c := range u.calls {
				dead = append(dead, c.removed...)
			}
		}
	}
	pv.dead = newSpanSet(dead)
	for _, u := range pv.units {
		if u.reason == "" && len(u.refs) == 0 && len(u.ctors) == 0 && len(u.calls) == 0 {
			continue
		}
		if u.reason != "" {
			for _, r := range u.refs {
				pv.plan.keep[r] = true
			}
			for _, c := range u.ctors {
				pv.plan.keep[c.Fun.(*ast.SelectorExpr)] = true
			}
			pos := u.decl
			if len(u.refs) > 0 {
				pos = u.refs[0].Pos()
			}
			if u.none != "" && !pv.sw.rules.ReportNoEquivalent {
				// Nothing the user could do would move it: not a
				// finding, but said by -fix and -stats.
				pv.sw.res.Stays = append(pv.sw.res.Stays, Stay{
					Pos: pv.sw.pass.Fset.Position(pos),
					Message: fmt.Sprintf("%s stays %s.%s, %s: %s",
						u.v.Name(), u.tn.Pkg().Path(), u.tn.Name(), u.what, u.none),
				})
				continue
			}
			pv.plan.findings = append(pv.plan.findings, finding{pos, pos, fmt.Sprintf(
				"%s.%s bypasses the lock facade; %s cannot move to %s: %s",
				u.tn.Pkg().Path(), u.tn.Name(), u.v.Name(), pv.facadeType(u), u.reason)})
			continue
		}
		for _, r := range u.refs {
			pv.plan.move[r] = true
		}
		for _, c := range u.ctors {
			pv.plan.move[c.Fun.(*ast.SelectorExpr)] = true
		}
		for _, c := range u.calls {
			if pv.insideDeadCode(c) {
				continue // another lock's fix removes it with its dead code
			}
			pv.plan.calls[c.file] = append(pv.plan.calls[c.file], c)
			pv.plan.removed[c.file] = append(pv.plan.removed[c.file], c.removed...)
		}
	}
	// A declaration that only removed code read goes too; its fix rides
	// with each call whose removal orphans it (identical edits merge).
	for v, del := range deletions {
		f := pv.file(pv.declStmt(v))
		pv.plan.removed[f] = append(pv.plan.removed[f], span{del.Pos, del.End})
		for _, c := range pv.plan.calls[f] {
			for _, s := range c.removed {
				if pv.readsIn(v, s) {
					c.extra = append(c.extra, del)
				}
			}
		}
	}
}

// ctorOfType returns the constructor row of a guarded type, if any.
func (pv *prover) ctorOfType(tn *types.TypeName) catalog.Row {
	typeRow, _ := pv.sw.rules.Lookup(tn.Pkg().Path(), tn.Name())
	for _, r := range catalog.Rows {
		if r.From == tn.Pkg().Path() && r.Result == catalog.New && r.As == typeRow.FacadeName() {
			return r
		}
	}
	return catalog.Row{}
}

// readsIn reports whether v is read inside s.
func (pv *prover) readsIn(v *types.Var, s span) bool {
	for _, id := range pv.usesOf(v) {
		if s.holds(id.Pos()) && !pv.isWrite(id) {
			return true
		}
	}
	return false
}

// orphans finds the local variables that only the removed code reads.
// Those declared by a statement syncsweep can delete ("ctx :=
// context.Background()", "var err error") get a deletion; the others are
// stuck, with the position of a read.
func (pv *prover) orphans(spans []span) (map[*types.Var]analysis.TextEdit, map[*types.Var]token.Pos) {
	inSpans := newSpanSet(spans).holds
	readOutside := make(map[*types.Var]bool)
	readInside := make(map[*types.Var]token.Pos)
	for id, obj := range pv.info.Uses {
		v, ok := obj.(*types.Var)
		if !ok || v.IsField() || v.Pkg() != pv.sw.pass.Pkg || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || inSpans(v.Pos()) || pv.params[v] {
			continue
		}
		switch {
		case inSpans(id.Pos()):
			readInside[v] = id.Pos()
		case !pv.isWrite(id):
			readOutside[v] = true
		}
	}
	deletions := make(map[*types.Var]analysis.TextEdit)
	stuck := make(map[*types.Var]token.Pos)
	for v, at := range readInside {
		if readOutside[v] {
			continue
		}
		if del, ok := pv.deletion(v, inSpans); ok {
			deletions[v] = del
		} else {
			stuck[v] = at
		}
	}
	return deletions, stuck
}

// declStmt returns the statement that declares the local variable v.
func (pv *prover) declStmt(v *types.Var) ast.Node {
	if pv.defs == nil {
		pv.defs = make(map[types.Object]*ast.Ident)
		for id, obj := range pv.info.Defs {
			if obj != nil {
				pv.defs[obj] = id
			}
		}
	}
	id := pv.defs[v]
	if id == nil {
		return nil
	}
	for p := pv.parents[id]; p != nil; p = pv.parents[p] {
		if s, ok := p.(ast.Stmt); ok {
			return s
		}
	}
	return nil
}

// deletion returns the edit that removes v's declaration: a statement
// that declares v alone, from a value without side effects, and no other
// write to v outside the removed code.
func (pv *prover) deletion(v *types.Var, inSpans func(token.Pos) bool) (analysis.TextEdit, bool) {
	stmt := pv.declStmt(v)
	var values []ast.Expr
	switch s := stmt.(type) {
	case *ast.AssignStmt:
		if s.Tok != token.DEFINE || len(s.Lhs) != 1 || len(s.Rhs) != 1 {
			return analysis.TextEdit{}, false
		}
		values = s.Rhs
	case *ast.DeclStmt:
		gd := s.Decl.(*ast.GenDecl)
		if len(gd.Specs) != 1 {
			return analysis.TextEdit{}, false
		}
		vs, ok := gd.Specs[0].(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 {
			return analysis.TextEdit{}, false
		}
		values = vs.Values
	default:
		return analysis.TextEdit{}, false
	}
	for _, e := range values {
		if !pure(e) && !pv.neverCancelled(e, 0) {
			return analysis.TextEdit{}, false
		}
	}
	for _, id := range pv.usesOf(v) {
		if !inSpans(id.Pos()) {
			return analysis.TextEdit{}, false // written elsewhere
		}
	}
	// The whole line when the statement is alone on it.
	tf := pv.sw.pass.Fset.File(stmt.Pos())
	src, err := pv.sw.readFile(tf.Name())
	if err != nil {
		return analysis.TextEdit{}, false
	}
	start, end := lineSpan(tf, stmt.Pos(), stmt.End())
	line := string(src[tf.Offset(start):tf.Offset(end)])
	if strings.TrimSpace(line) == strings.TrimSpace(string(src[tf.Offset(stmt.Pos()):tf.Offset(stmt.End())])) {
		return analysis.TextEdit{Pos: start, End: end}, true
	}
	return analysis.TextEdit{Pos: stmt.Pos(), End: stmt.End()}, true
}

// insideDeadCode reports whether c lies in the code that another proven
// call's fix removes ("if err := b.Acquire(...); err != nil { a.Release(1)
// }", of this lock or another): that fix deletes it, and an edit of its
// own would overlap. pv.dead holds every proven call's removed spans.
func (pv *prover) insideDeadCode(c *callFix) bool {
	merged, ok := pv.dead.find(c.call.Pos())
	if !ok {
		return false
	}
	for _, s := range c.removed {
		if s == merged {
			return false // the span is c's own, and nothing wider holds it
		}
	}
	return true
}
