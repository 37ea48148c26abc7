package driver

import (
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
	for _, row := range rows {
		st.Packages = append(st.Packages, *row)
		if !row.AllowListed {
			st.Total.Direct += row.Direct
			st.Total.Facade += row.Facade
		}
		st.Total.Kept += row.Kept
		st.Total.Allows += row.Allows
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
	fmt.Fprintln(tw, "package\tdirect\tfacade\tkept\tswept")
	line := func(s PackageStats) {
		if s.AllowListed {
			fmt.Fprintf(tw, "%s\t-\t-\t-\tallow-listed\n", s.Package)
			return
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.1f%%\n", s.Package, s.Direct, s.Facade, s.Kept, swept(s))
	}
	for _, s := range st.Packages {
		line(s)
	}
	line(st.Total)
	tw.Flush()
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
