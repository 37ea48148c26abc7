//go:build go1.25

package explore

// portfolio takes turns among strategies, schedule by schedule: bounded
// DFS proves the small cases and finds shallow bugs first, random and PCT
// reach deeper ones. A member that is exhausted (DFS) drops out.
type portfolio struct {
	members []strategy
	cur     strategy
	n       int // schedules begun
}

func newPortfolio(seed uint64, shard, shards int) *portfolio {
	return &portfolio{members: []strategy{
		newDFS(2, shard, shards),
		newRandom(seed),
		newPCT(seed^0x5bd1e995, 3),
	}}
}

func (p *portfolio) name() string {
	if p.cur == nil {
		return "portfolio"
	}
	return "portfolio: " + p.cur.name()
}

func (p *portfolio) begin(i int) bool {
	for tries := 0; tries < len(p.members); tries++ {
		m := p.members[p.n%len(p.members)]
		p.n++
		if m.begin(i) {
			p.cur = m
			return true
		}
	}
	return false
}

func (p *portfolio) choose(ids []int, last int) int { return p.cur.choose(ids, last) }

func (p *portfolio) end() { p.cur.end() }

// exhausted returns the DFS member when it has explored its whole bound.
func (p *portfolio) exhaustedDFS() *dfs {
	for _, m := range p.members {
		if d, ok := m.(*dfs); ok && d.exhausted {
			return d
		}
	}
	return nil
}
