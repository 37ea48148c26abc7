package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/syncsweep/syncsweep/catalog"
)

// How the per-file sweep uses the plan the proofs made: which references
// it claims, which imports only removed code needed, and the directives
// and build-excluded files that keep a unit where it is.

// touches reports whether the plan has anything for f: fixes, removed
// code or findings.
func (p *plan) touches(f *ast.File) bool {
	if p == nil {
		return false
	}
	if len(p.calls[f]) > 0 || len(p.removed[f]) > 0 {
		return true
	}
	for _, fd := range p.findings {
		if f.FileStart <= fd.pos && fd.pos <= f.FileEnd {
			return true
		}
	}
	return false
}

// planned hands a file its share of the plan: its call fixes, and its
// findings, which directives may keep.
func (fi *fileInfo) planned(p *plan) {
	fi.calls = p.calls[fi.file]
	for _, fd := range p.findings {
		if fi.file.FileStart <= fd.pos && fd.pos <= fi.file.FileEnd {
			fi.reportUnfixable(fd.pos, fd.end, "%s", fd.msg)
		}
	}
}

// dropUnused marks the imports whose every use lies in removed code.
func (fi *fileInfo) dropUnused(usesLeft map[*types.PkgName]int) {
	inGroup := make(map[*ast.ImportSpec]bool)
	for _, g := range fi.groups {
		for _, spec := range g.specs {
			inGroup[spec] = true
		}
	}
	for _, spec := range fi.file.Imports {
		if spec.Name != nil && (spec.Name.Name == "_" || spec.Name.Name == ".") || importPath(spec) == "C" || inGroup[spec] || fi.residual[spec] {
			continue
		}
		pn := fi.pass.TypesInfo.PkgNameOf(spec)
		if pn != nil && usesLeft[pn] == 0 {
			if fi.dropped == nil {
				fi.dropped = make(map[*ast.ImportSpec]bool)
			}
			fi.dropped[spec] = true
		}
	}
}

// claims handles a qualified reference that the plan decided: a guarded
// type or constructor (moved with its unit, or kept), or detector
// options (a run's first reference becomes its site, the others go with
// it). It reports whether it did.
func (p *plan) claims(fi *fileInfo, sel *ast.SelectorExpr, spec *ast.ImportSpec) bool {
	if p == nil {
		return false
	}
	if p.opts != nil && p.opts.claimed[sel] {
		if r := p.opts.runs[sel]; r != nil {
			if !fi.addSite(site{sel: sel, spec: spec, row: r.fields[0], render: r.edit}) {
				fi.residual[spec] = true
			}
		}
		return true
	}
	if p.keep[sel] {
		fi.residual[spec] = true
		return true
	}
	if obj := fi.pass.TypesInfo.Uses[sel.Sel]; obj != nil && obj.Pkg() != nil && p.wrapped[obj.Pkg().Path()+"."+obj.Name()] {
		fi.residual[spec] = true
		return true
	}
	obj := fi.pass.TypesInfo.Uses[sel.Sel]
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	row, ok := fi.rules.Lookup(obj.Pkg().Path(), obj.Name())
	if !ok {
		return false
	}
	if !p.move[sel] {
		// A guarded type or a constructor moves only with a proven unit.
		if fi.rules.Guarded(row.From, row.Name) || row.Result == catalog.New {
			fi.residual[spec] = true
			return true
		}
		return false
	}
	s := site{sel: sel, spec: spec, row: row}
	if call := p.ctors[sel]; call != nil {
		s.render = func(name string) (analysis.TextEdit, string, error) {
			text := "new(" + name + "." + row.FacadeName() + ")"
			return analysis.TextEdit{Pos: call.Pos(), End: call.End(), NewText: []byte(text)}, "Use " + text, nil
		}
	}
	if !fi.addSite(s) {
		fi.residual[spec] = true
	}
	return true
}

// directives fails the units that a //syncsweep:allow directive keeps,
// anywhere: a kept declaration, constructor or call would not compile
// with the rest moved.
func (pv *prover) directives() {
	for _, u := range pv.units {
		if u.reason != "" {
			continue
		}
		var at []token.Pos
		for _, r := range u.refs {
			at = append(at, r.Pos())
		}
		for _, c := range u.ctors {
			at = append(at, c.Pos())
		}
		for _, c := range u.calls {
			at = append(at, c.call.Pos())
		}
		for _, pos := range at {
			f := pv.file(pv.nodeAt(pos))
			if f == nil {
				continue
			}
			if a := allowing(pv.sw.allowsFor(f, pv.sw.pass.Fset.File(f.Pos()).Name()), pos); a != nil {
				u.fail(pos, "a //syncsweep:allow directive keeps it at %s", pv.position(pos))
				if len(u.refs) == 0 || pos != u.refs[0].Pos() {
					a.Used++ // the finding lands on the declaration, not here
				}
				break
			}
		}
	}
}

// nodeAt returns a node of the plan's files at pos, to find its file.
func (pv *prover) nodeAt(pos token.Pos) ast.Node {
	for _, f := range pv.sw.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// excludedCalls fails every unit when a file that this build excludes
// calls a method that a guarded row reshapes: without types, syncsweep
// cannot tell whether it is one of the units', and moving them would
// break that other build.
func (pv *prover) excludedCalls() {
	members := make(map[string]bool)
	for _, u := range pv.units {
		for _, r := range pv.sw.rules.Methods(u.tn.Pkg().Path(), u.tn.Name()) {
			reshapes := r.FacadeName() != r.Member() || r.Result != catalog.Same
			for _, a := range r.Args {
				reshapes = reshapes || a != catalog.Keep
			}
			if reshapes {
				members[r.Member()] = true // a call that would not compile unchanged
			}
		}
	}
	if len(members) == 0 {
		return
	}
	for _, filename := range pv.sw.pass.IgnoredFiles {
		src, err := pv.sw.readFile(filename)
		if err != nil || !strings.HasSuffix(filename, ".go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), filename, src, parser.SkipObjectResolution)
		if err != nil || f.Name.Name != pv.sw.pass.Pkg.Name() {
			continue
		}
		var called string
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && members[sel.Sel.Name] && called == "" {
				called = sel.Sel.Name
			}
			return called == ""
		})
		if called == "" {
			continue
		}
		for _, u := range pv.units {
			u.fail(u.decl, "%s, which this build excludes, calls %s, which syncsweep cannot check without types", shortName(filename), called)
		}
	}
}
