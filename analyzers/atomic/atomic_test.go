package atomic_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/syncsweep/syncsweep/analyzers/atomic"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

func TestFixtures(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, atomic.Analyzer, "vetatomic")
}
