// Package lintignore honours staticcheck's directives for the twins of its
// checks: code that silenced SA2003 before the sweep stays silenced after
// it.
//
//	//lint:ignore SA2003 reason       the next line
//	//lint:file-ignore SA6002 reason  the whole file
//
// A directive lists checks separated by commas; a check ending in * is a
// prefix (SA2*). A directive without a reason is staticcheck's own
// finding, and ignores nothing here either.
package lintignore

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Reporter reports a check's diagnostics unless a directive ignores them.
type Reporter struct {
	pass  *analysis.Pass
	check string
	lines map[string]map[int]bool // file -> lines ignored
	files map[string]bool         // files ignored whole
}

// New reads the pass's directives for check.
func New(pass *analysis.Pass, check string) *Reporter {
	r := &Reporter{pass: pass, check: check, lines: map[string]map[int]bool{}, files: map[string]bool{}}
	for _, f := range pass.Files {
		name := pass.Fset.File(f.Pos()).Name()
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				r.read(name, c)
			}
		}
	}
	return r
}

func (r *Reporter) read(file string, c *ast.Comment) {
	text, ok := strings.CutPrefix(c.Text, "//lint:")
	if !ok {
		return
	}
	kind, rest, _ := strings.Cut(text, " ")
	checks, reason, _ := strings.Cut(strings.TrimSpace(rest), " ")
	if strings.TrimSpace(reason) == "" || !r.matches(checks) {
		return
	}
	switch kind {
	case "ignore":
		line := r.pass.Fset.Position(c.Pos()).Line
		if r.lines[file] == nil {
			r.lines[file] = map[int]bool{}
		}
		r.lines[file][line+1] = true
	case "file-ignore":
		r.files[file] = true
	}
}

func (r *Reporter) matches(checks string) bool {
	for _, c := range strings.Split(checks, ",") {
		if c == r.check || strings.HasSuffix(c, "*") && strings.HasPrefix(r.check, strings.TrimSuffix(c, "*")) {
			return true
		}
	}
	return false
}

// Ignored reports whether a directive ignores pos.
func (r *Reporter) Ignored(pos token.Pos) bool {
	p := r.pass.Fset.Position(pos)
	return r.files[p.Filename] || r.lines[p.Filename][p.Line]
}

// Report reports d unless a directive ignores it.
func (r *Reporter) Report(d analysis.Diagnostic) {
	if !r.Ignored(d.Pos) {
		r.pass.Report(d)
	}
}
