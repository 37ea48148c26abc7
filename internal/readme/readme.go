// Package readme reads the samples of tool output that the README shows,
// so that the tests which produce that output can check it: a sample is
// the fenced block after a line "<!-- sample:NAME -->".
package readme

import (
	"fmt"
	"os"
	"strings"
)

// Sample returns the lines of the README's sample name, without the
// indentation of its fence.
func Sample(readmePath, name string) ([]string, error) {
	data, err := os.ReadFile(readmePath)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(string(data), "\n")
	marker := "<!-- sample:" + name + " -->"
	for i, l := range lines {
		if strings.TrimSpace(l) != marker {
			continue
		}
		if i+1 >= len(lines) || !strings.HasPrefix(strings.TrimSpace(lines[i+1]), "```") {
			return nil, fmt.Errorf("%s: the sample %s has no fenced block after its marker", readmePath, name)
		}
		indent := lines[i+1][:len(lines[i+1])-len(strings.TrimLeft(lines[i+1], " "))]
		var out []string
		for _, l := range lines[i+2:] {
			if strings.TrimSpace(l) == "```" {
				return out, nil
			}
			out = append(out, strings.TrimPrefix(l, indent))
		}
		return nil, fmt.Errorf("%s: the sample %s is not closed", readmePath, name)
	}
	return nil, fmt.Errorf("%s has no sample %s", readmePath, name)
}
