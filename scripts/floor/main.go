// Command floor is the type-checking floor that scripts/bench-sweep.sh
// measures syncsweep against: a go/analysis singlechecker whose analyzer
// does nothing, so its cost is loading and type-checking the packages.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

var noop = &analysis.Analyzer{
	Name: "noop",
	Doc:  "does nothing: the cost of loading and type-checking the packages",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { singlechecker.Main(noop) }
