package policy

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/syncsweep/syncsweep/catalog"
)

// Flags binds a Policy to command-line flags: -config names a JSON file,
// and -facade, -atomic, -allow and -ban (the last two comma-separated) and
// -report-no-equivalent override its keys when given. Under go vet and go fix these are the
// analyzer's flags; the CLI registers the same ones.
type Flags struct {
	config string
	over   Policy
	set    map[string]bool
}

// Register adds the policy flags to fs.
func (f *Flags) Register(fs *flag.FlagSet) {
	f.set = make(map[string]bool)
	fs.Var(f.str("config", &f.config), "config", "read the policy from this JSON `file` (keys: facade, atomic, allow, ban, rows, reportNoEquivalent); other flags override it")
	fs.Var(f.str("facade", &f.over.Facade), "facade", "import `path` of the lock facade that replaces sync (default "+catalog.DefaultFacade+")")
	fs.Var(f.str("atomic", &f.over.Atomic), "atomic", "import `path` that replaces sync/atomic (default: the facade path + \"/atomic\"; \"off\" leaves it alone)")
	fs.Var(f.list("allow", &f.over.Allow), "allow", "comma-separated import path `patterns` of packages that may use sync directly")
	fs.Var(f.list("ban", &f.over.Ban), "ban", "comma-separated `APIs` that must go through the facade, e.g. sync.Mutex,sync.RWMutex (default: all)")
	fs.Var(f.boolean("report-no-equivalent", &f.over.ReportNoEquivalent), "report-no-equivalent", "report the uses the facade has no equivalent for (counting semaphores, cancellable acquires) as findings too")
}

// Policy returns the file's policy (if -config was given) with the flags
// that were set laid over it.
func (f *Flags) Policy() (Policy, error) {
	var p Policy
	if f.config != "" {
		var err error
		if p, err = Load(f.config); err != nil {
			return Policy{}, err
		}
	}
	if f.set["facade"] {
		p.Facade = f.over.Facade
	}
	if f.set["atomic"] {
		p.Atomic = f.over.Atomic
	}
	if f.set["allow"] {
		p.Allow = f.over.Allow
	}
	if f.set["ban"] {
		p.Ban = f.over.Ban
	}
	if f.set["report-no-equivalent"] {
		p.ReportNoEquivalent = f.over.ReportNoEquivalent
	}
	return p, nil
}

// Rules is Policy followed by Compile, with the flag named in errors.
func (f *Flags) Rules() (*Rules, error) {
	p, err := f.Policy()
	if err != nil {
		return nil, err
	}
	r, err := p.Compile()
	if err != nil && f.config == "" {
		err = fmt.Errorf("flag %v", strings.TrimPrefix(err.Error(), "key "))
	}
	return r, err
}

type value struct {
	get func() string
	set func(string) error
}

func (v value) String() string {
	if v.get == nil {
		return ""
	}
	return v.get()
}
func (v value) Set(s string) error { return v.set(s) }

func (f *Flags) str(name string, dst *string) flag.Value {
	return value{
		get: func() string { return *dst },
		set: func(s string) error { *dst = s; f.set[name] = true; return nil },
	}
}

// boolValue is a value that flag treats as a boolean (-name alone is
// -name=true).
type boolValue struct{ value }

func (boolValue) IsBoolFlag() bool { return true }

func (f *Flags) boolean(name string, dst *bool) flag.Value {
	return boolValue{value{
		get: func() string { return strconv.FormatBool(*dst) },
		set: func(s string) error {
			b, err := strconv.ParseBool(s)
			if err != nil {
				return err
			}
			*dst = b
			f.set[name] = true
			return nil
		},
	}}
}

func (f *Flags) list(name string, dst *[]string) flag.Value {
	return value{
		get: func() string { return strings.Join(*dst, ",") },
		set: func(s string) error {
			*dst = nil
			for _, e := range strings.Split(s, ",") {
				if e = strings.TrimSpace(e); e != "" {
					*dst = append(*dst, e)
				}
			}
			f.set[name] = true
			return nil
		},
	}
}
