package portfolio

import "sync"

// mark counts company under item.
type mark struct{ item, company int32 }

// part is the marks of one run of companies, in the companies' order,
// and how many companies each item got.
type part struct {
	marks markBlocks
	sizes []int
	// last is, per item, 1 + the last company marked under it (0: none).
	last []int32
}

func newPart(items int) *part {
	return &part{sizes: make([]int, items), last: make([]int32, items)}
}

// mark counts company i under item, once; companies come in order.
func (p *part) mark(item int32, i int) {
	if p.last[item] != int32(i)+1 {
		p.last[item] = int32(i) + 1
		p.sizes[item]++
		p.marks.add(mark{item, int32(i)})
	}
}

// markBlocks holds marks in blocks of markBlock, in order: adding one
// never copies those before (a single growing list is copied again and
// again and leaves several times its size in garbage). The blocks come
// from blockPool and go back once the members are laid out, so counting
// the portfolio again, as the window does on every change of filter or
// period, writes into memory already in use rather than fresh memory the
// collector must then reclaim.
type markBlocks [][]mark

// markBlock is the marks of a block: 64 KiB, those of about a thousand companies.
const markBlock = 8192

var blockPool = sync.Pool{New: func() any { return new([markBlock]mark) }}

func (b *markBlocks) add(m mark) {
	n := len(*b)
	if n == 0 || len((*b)[n-1]) == markBlock {
		*b, n = append(*b, blockPool.Get().(*[markBlock]mark)[:0]), n+1
	}
	(*b)[n-1] = append((*b)[n-1], m)
}

// release gives the blocks back to blockPool and forgets them.
func (b *markBlocks) release() {
	for _, block := range *b {
		blockPool.Put((*[markBlock]mark)(block[:markBlock]))
	}
	*b = nil
}

// memberLists lists, per item of the parts' items, the companies marked
// under it, part after part (nil for none), and releases the parts'
// marks. One array holds every list, each clipped to its length: the
// lists are laid out by their sizes, counted while marking, and each part
// fills its own places in them, the parts side by side on the processors
// (writing into the fresh array is the costly part, and this is the only
// step after the chunks were counted that grows with the portfolio).
func memberLists(parts []*part, items int) [][]int {
	next := make([][]int, len(parts)) // where each part puts its next company of each item
	for k := range parts {
		next[k] = make([]int, items)
	}
	starts, off := make([]int, items), 0
	for item := range items {
		starts[item] = off
		for k, p := range parts {
			next[k][item] = off
			off += p.sizes[item]
		}
	}
	all := make([]int, off)
	var wg sync.WaitGroup
	for k, p := range parts {
		wg.Go(func() {
			p.fill(all, next[k])
			p.marks.release()
		})
	}
	wg.Wait()
	lists := make([][]int, items)
	for item, start := range starts {
		if end := next[len(parts)-1][item]; end > start {
			lists[item] = all[start:end:end]
		}
	}
	return lists
}

// fill puts p's companies into all, each at next[its item], which it moves on.
func (p *part) fill(all, next []int) {
	for _, block := range p.marks {
		for _, m := range block {
			all[next[m.item]] = int(m.company)
			next[m.item]++
		}
	}
}
