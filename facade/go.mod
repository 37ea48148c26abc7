module github.com/syncsweep/syncsweep/facade

go 1.18
