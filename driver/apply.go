package driver

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"go/format"
	"go/parser"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"syscall"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// found is a finding, without its package (which a batch drops).
type found struct {
	pkgID  string
	module *packages.Module
	diag   analysis.Diagnostic
}

// dedupe sorts findings by position and drops repeats, which arise when
// the same file is analyzed in more than one package variant.
func (r *run) dedupe(diags []found) []found {
	sort.SliceStable(diags, func(i, j int) bool {
		pi, pj := r.fset.Position(diags[i].diag.Pos), r.fset.Position(diags[j].diag.Pos)
		if pi.Filename != pj.Filename {
			return pi.Filename < pj.Filename
		}
		if pi.Offset != pj.Offset {
			return pi.Offset < pj.Offset
		}
		return diags[i].diag.Message < diags[j].diag.Message
	})
	var out []found
	for i, d := range diags {
		if i > 0 {
			prev := diags[i-1]
			if r.fset.Position(prev.diag.Pos) == r.fset.Position(d.diag.Pos) && prev.diag.Message == d.diag.Message {
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

// An edit is one text replacement in one file, in byte offsets.
type edit struct {
	start, end int
	text       string
}

// A fileResult is one file the sweep changes: its bytes on disk (as
// loaded) and after the fixes, formatted.
type fileResult struct {
	name     string
	old, new []byte
	mode     os.FileMode
	module   *packages.Module
}

// planFiles gathers the first fix of every finding of one batch and
// applies them file by file in memory (a file with conflicting edits is
// refused whole); each result must parse and format. Findings without a
// fix are shown and counted. Nothing is written here.
func (r *run) planFiles(diags []found) []fileResult {
	byFile := make(map[string][]edit)
	moduleOf := make(map[string]*packages.Module)
	for _, d := range diags {
		if len(d.diag.SuggestedFixes) == 0 {
			// Nothing to apply: the finding stays, and is shown.
			fmt.Fprintf(r.Stderr, "%s: %s (no automatic fix)\n", r.posn(d.diag.Pos), d.diag.Message)
			r.findings++
			continue
		}
		for _, te := range d.diag.SuggestedFixes[0].TextEdits {
			tf := r.fset.File(te.Pos)
			end := te.End
			if !end.IsValid() {
				end = te.Pos
			}
			name := tf.Name()
			byFile[name] = append(byFile[name], edit{tf.Offset(te.Pos), tf.Offset(end), string(te.NewText)})
			moduleOf[name] = d.module
		}
	}
	names := make([]string, 0, len(byFile))
	for name := range byFile {
		names = append(names, name)
	}
	sort.Strings(names)

	// Each file on its own, on every CPU (formatting is most of the
	// cost); messages and results keep the sorted order.
	type planned struct {
		res    *fileResult
		parsed parsedFile
		msg    string
	}
	out := make([]planned, len(names))
	inParallel(len(names), func(i int) {
		name := names[i]
		res, parsed, msg := r.planFile(name, byFile[name], moduleOf[name])
		out[i] = planned{res, parsed, msg}
	})
	var results []fileResult
	for i, p := range out {
		if p.msg != "" {
			r.errorf("%s", p.msg)
			continue
		}
		if r.check != nil && p.parsed.file != nil {
			r.newAST[names[i]] = p.parsed
		}
		if p.res != nil {
			results = append(results, *p.res)
		}
	}
	return results
}

// planFile applies one file's edits in memory and formats the result. It
// returns the result (nil when the file does not change), its syntax, or
// why the file is not rewritten.
func (r *run) planFile(name string, edits []edit, module *packages.Module) (*fileResult, parsedFile, string) {
	if r.blocked[name] {
		// Shared with a package that does not load: leave it.
		return nil, parsedFile{}, fmt.Sprintf("%s: not rewritten: it belongs to a package that does not load", r.rel(name))
	}
	fi, err := os.Stat(name)
	if err != nil {
		return nil, parsedFile{}, err.Error()
	}
	old, err := os.ReadFile(name)
	if err != nil {
		return nil, parsedFile{}, err.Error()
	}
	r.mu.Lock()
	sum, ok := r.parsed[name]
	r.mu.Unlock()
	if ok && sum != sha256.Sum256(old) {
		return nil, parsedFile{}, fmt.Sprintf("%s: not rewritten: it changed on disk since it was loaded; run again", r.rel(name))
	}
	edits, err = normalize(edits, len(old))
	if err != nil {
		return nil, parsedFile{}, fmt.Sprintf("%s: not rewritten: %v", r.rel(name), err)
	}
	formatted, err := format.Source(apply(old, edits))
	if err != nil {
		return nil, parsedFile{}, fmt.Sprintf("%s: not rewritten: the result would not parse: %v", r.rel(name), err)
	}
	var parsed parsedFile
	if r.check != nil {
		// The compile check's syntax of the file, parsed here while
		// the batch's other files are parsed anyway.
		f, err := parser.ParseFile(r.fset, name, formatted, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, parsedFile{}, fmt.Sprintf("%s: not rewritten: the result would not parse: %v", r.rel(name), err)
		}
		parsed = parsedFile{f, formatted}
	}
	if bytes.Equal(formatted, old) {
		return nil, parsed, ""
	}
	return &fileResult{name, old, formatted, fi.Mode(), module}, parsed, ""
}

// applyFixes prints the planned files as a diff, or writes them, unless
// the compile check found that the result would not build.
func (r *run) applyFixes(results []fileResult, compiles bool) {
	sort.Slice(results, func(i, j int) bool { return results[i].name < results[j].name })
	if r.Diff {
		for _, res := range results {
			rel := filepath.ToSlash(r.rel(res.name))
			fmt.Fprint(r.Stdout, unified("a/"+rel, "b/"+rel, string(res.old), string(res.new)))
		}
		if len(results) > 0 {
			r.failed = true // as go fix -diff: a non-empty diff exits 1
		}
		return
	}
	if !compiles {
		return
	}
	// An interrupt stops the writes between two files: the file in
	// flight is finished (each write is a rename, so it is whole either
	// way), and the user learns which files were written.
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(stop)
	start := time.Now()
	var written []string
	var modules []*packages.Module
	for i, res := range results {
		select {
		case sig := <-stop:
			r.errorf("%v: stopped after writing %d of %d files; not written:", sig, len(written), len(results))
			for _, rest := range results[i:] {
				fmt.Fprintf(r.Stderr, "\t%s\n", r.rel(rest.name))
			}
			r.interrupted = true
			r.reportWritten(written)
			return
		default:
		}
		if err := writeAtomic(res.name, res.old, res.new, res.mode, r.WriteHook); err != nil {
			r.errorf("%s: not rewritten: %v", r.rel(res.name), err)
			continue
		}
		written = append(written, res.name)
		if res.module != nil {
			modules = append(modules, res.module)
		}
	}
	r.reportWritten(written)
	r.took("writing", start)
	start = time.Now()
	r.hintRequirement(modules)
	r.afterWrite(modules)
	r.took("go.mod and go mod tidy -diff", start)
}

// reportWritten says how many files were rewritten; after an interrupt it
// names them too.
func (r *run) reportWritten(written []string) {
	if len(written) == 0 {
		return
	}
	fmt.Fprintf(r.Stderr, "syncsweep: rewrote %d file(s)\n", len(written))
	if r.interrupted {
		for _, name := range written {
			fmt.Fprintf(r.Stderr, "\t%s\n", r.rel(name))
		}
	}
}

// normalize sorts edits, drops exact duplicates (the same file analyzed
// in two package variants, or the import edit every site carries) and
// rejects overlapping ones.
func normalize(edits []edit, size int) ([]edit, error) {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		if edits[i].end != edits[j].end {
			return edits[i].end < edits[j].end
		}
		return edits[i].text < edits[j].text
	})
	var out []edit
	for _, e := range edits {
		if e.start < 0 || e.end < e.start || e.end > size {
			return nil, fmt.Errorf("edit [%d,%d) is outside the file", e.start, e.end)
		}
		if n := len(out); n > 0 {
			last := out[n-1]
			if last == e {
				continue
			}
			if e.start < last.end || e.start == last.start && e.end > e.start && last.end > last.start {
				return nil, fmt.Errorf("conflicting edits at offset %d (%q vs %q)", e.start, last.text, e.text)
			}
		}
		out = append(out, e)
	}
	return out, nil
}

func apply(src []byte, edits []edit) []byte {
	var out bytes.Buffer
	pos := 0
	for _, e := range edits {
		out.Write(src[pos:e.start])
		out.WriteString(e.text)
		pos = e.end
	}
	out.Write(src[pos:])
	return out.Bytes()
}
