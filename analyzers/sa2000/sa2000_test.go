package sa2000_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/syncsweep/syncsweep/analyzers/sa2000"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

func TestFixtures(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, sa2000.Analyzer, "vetsa2000")
}
