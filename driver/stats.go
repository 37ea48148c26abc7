package driver

import (
	"golang.org/x/tools/go/packages"

	"encoding/json"
	"fmt"
	"go/token"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/syncsweep/syncsweep/rewrite"
)

// pkgResult is the sweep's result for one analyzed package variant.
type pkgResult struct {
	path string
	res  *rewrite.Result
	// Where the package's lock-class table goes: its directory, its name,
	// whether it is a test variant (whose table has the test functions
	// too), and the module.
	dir, name string
	test      bool
	module    *packages.Module
}

// PackageStats is one row of the -stats table: a package path, with its
// external test package and test variant folded in.
type PackageStats struct {
	Package string `json:"package"`
	// AllowListed says the policy exempts the package; it was not counted.
	AllowListed bool `json:"allowListed,omitempty"`
	Direct      int  `json:"direct"` // direct uses left
	Facade      int  `json:"facade"` // uses of the facade
	Kept        int  `json:"kept"`   // direct uses kept by a directive
	Allows      int  `json:"allows"` // directives
	// Stays counts the uses that stay on their own lock package because
	// the facade has no equivalent for them; they are not direct uses.
	Stays int `json:"stays"`
}

// StayStats is one use that stays, with no facade equivalent.
type StayStats struct {
	Posn   string `json:"posn"`
	Reason string `json:"reason"`
}

// AllowStats is one //syncsweep:allow directive.
type AllowStats struct {
	Posn   string `json:"posn"`
	Reason string `json:"reason"`
	Kept   int    `json:"kept"` // direct uses it keeps
	// Nolint marks a golangci-lint //nolint comment naming syncsweep.
	Nolint bool `json:"nolint,omitempty"`
}

// Stats is what -stats prints: the migration's state.
type Stats struct {
	Packages []PackageStats `json:"packages"`
	Total    PackageStats   `json:"total"`
	// Swept is the percentage of lock references that go through the
	// facade: facade / (facade + direct), 100 when there are none.
	Swept  float64      `json:"swept"`
	Allows []AllowStats `json:"allows"`
	Stays  []StayStats  `json:"stays"`
}

func swept(s PackageStats) float64 {
	if s.Facade+s.Direct == 0 {
		return 100
	}
	return 100 * float64(s.Facade) / float64(s.Facade+s.Direct)
}

// stats folds the results into per-package rows: a package's external
// test package joins its row. The driver analyzes one variant of each
// package (p [p.test] covers p), and directives are deduplicated by
// position all the same.
func (r *run) stats(results []pkgResult) Stats {
	rows := make(map[string]*PackageStats)
	seen := make(map[string]bool) // directive positions
	var st Stats
	var allowPos []token.Pos // parallel to st.Allows, for sorting
	for _, pr := range results {
		path := strings.TrimSuffix(pr.path, "_test")
		row := rows[path]
		if row == nil {
			row = &PackageStats{Package: path}
			rows[path] = row
		}
		res := pr.res
		row.AllowListed = row.AllowListed || res.AllowedPackage
		row.Direct += res.Direct
		row.Facade += res.Facade
		for _, a := range res.Allows {
			posn := r.posn(a.Pos)
			if seen[posn] {
				continue
			}
			seen[posn] = true
			row.Allows++
			row.Kept += a.Used
			st.Allows = append(st.Allows, AllowStats{Posn: posn, Reason: a.Reason, Kept: a.Used, Nolint: a.Nolint})
			allowPos = append(allowPos, a.Pos)
		}
	}
	for _, s := range r.stays(results) {
		rows[s.path].Stays++
		st.Stays = append(st.Stays, StayStats{Posn: s.posn, Reason: s.msg})
	}
	for _, row := range rows {
		st.Packages = append(st.Packages, *row)
		if !row.AllowListed {
			st.Total.Direct += row.Direct
			st.Total.Facade += row.Facade
		}
		st.Total.Kept += row.Kept
		st.Total.Allows += row.Allows
		st.Total.Stays += row.Stays
	}
	sort.Slice(st.Packages, func(i, j int) bool { return st.Packages[i].Package < st.Packages[j].Package })
	// By file, then by position in it (not by the posn string, in
	// which line 10 sorts before line 8).
	order := make([]int, len(st.Allows))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool {
		pi, pj := r.fset.Position(allowPos[order[i]]), r.fset.Position(allowPos[order[j]])
		if pi.Filename != pj.Filename {
			return pi.Filename < pj.Filename
		}
		return pi.Offset < pj.Offset
	})
	sorted := make([]AllowStats, len(order))
	for i, k := range order {
		sorted[i] = st.Allows[k]
	}
	st.Allows = sorted
	st.Total.Package = "total"
	st.Swept = swept(st.Total)
	return st
}

func (r *run) printStats(results []pkgResult) {
	st := r.stats(results)
	if r.JSON {
		enc := json.NewEncoder(r.Stdout)
		enc.SetIndent("", "\t")
		if err := enc.Encode(st); err != nil {
			r.errorf("%v", err)
		}
		return
	}
	tw := tabwriter.NewWriter(r.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "package\tdirect\tfacade\tkept\tstays\tswept")
	line := func(s PackageStats) {
		if s.AllowListed {
			fmt.Fprintf(tw, "%s\t-\t-\t-\t-\tallow-listed\n", s.Package)
			return
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.1f%%\n", s.Package, s.Direct, s.Facade, s.Kept, s.Stays, swept(s))
	}
	for _, s := range st.Packages {
		line(s)
	}
	line(st.Total)
	tw.Flush()
	if len(st.Stays) > 0 {
		fmt.Fprintf(r.Stdout, "\n%d stay on their own lock package (stays: no facade equivalent):\n", len(st.Stays))
		for _, s := range st.Stays {
			fmt.Fprintf(r.Stdout, "%s: %s\n", s.Posn, s.Reason)
		}
	}
	if len(st.Allows) == 0 {
		return
	}
	fmt.Fprintf(r.Stdout, "\n%d exceptions (//syncsweep:allow, //nolint:syncsweep):\n", len(st.Allows))
	for _, a := range st.Allows {
		reason := a.Reason
		if reason == "" {
			reason = "(no reason given)"
		}
		if a.Nolint {
			reason = "//nolint: " + reason
		}
		fmt.Fprintf(r.Stdout, "%s: keeps %d: %s\n", a.Posn, a.Kept, reason)
	}
}

// A stayed is one use that stays with no facade equivalent, found once.
type stayed struct {
	path, posn, msg string
}

// stays returns the uses that stay with no facade equivalent, once each
// (a package's variants report the same ones), in file order.
func (r *run) stays(results []pkgResult) []stayed {
	seen := make(map[string]bool)
	var out []stayed
	var pos []token.Position
	for _, pr := range results {
		for _, s := range pr.res.Stays {
			p := s.Pos
			p.Filename = r.rel(p.Filename)
			posn := p.String()
			if seen[posn] {
				continue
			}
			seen[posn] = true
			out = append(out, stayed{strings.TrimSuffix(pr.path, "_test"), posn, s.Message})
			pos = append(pos, s.Pos)
		}
	}
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool {
		pi, pj := pos[order[i]], pos[order[j]]
		if pi.Filename != pj.Filename {
			return pi.Filename < pj.Filename
		}
		return pi.Offset < pj.Offset
	})
	sorted := make([]stayed, len(out))
	for i, k := range order {
		sorted[i] = out[k]
	}
	return sorted
}

// printStays says, once, what stays on its own lock package after -fix or
// -diff, and why: information, which the exit status does not count.
func (r *run) printStays(results []pkgResult) {
	list := r.stays(results)
	if len(list) == 0 {
		return
	}
	fmt.Fprintf(r.Stderr, "syncsweep: %d stay on their own lock package, which is not a finding: the facade has no equivalent for them\n", len(list))
	for _, s := range list {
		fmt.Fprintf(r.Stderr, "\t%s: %s\n", s.posn, s.msg)
	}
}
