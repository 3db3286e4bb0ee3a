// Package clientbook holds the advisor's portfolio in memory for the home
// screen's three views — the table, the follow-ups and the insights — so
// that sorting, filtering and a new period are computed from memory, not
// read from the database again: the first rows are read at once, the rest
// off the UI thread, and after an edit only the companies that changed.
package clientbook

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/ui/kit"
)

// FirstPage is how many of the last changed companies are read first, so
// the table shows rows before the whole portfolio is in: more than a
// window shows at once.
const FirstPage = 60

// Source is what the book reads; kit.Store (the SQLite store) is one.
type Source interface {
	ListCompanies(ctx context.Context, q app.ListQuery) ([]app.CompanySummary, int, error)
	Portfolio(ctx context.Context) ([]portfolio.Client, error)
	PortfolioOf(ctx context.Context, ids []app.CompanyID) ([]portfolio.Client, error)
	Changes(ctx context.Context) ([]portfolio.Stamp, error)
}

// Book is the portfolio held in memory: every client with its assessments
// and the table row made from it. Its methods are called on the UI thread;
// the reading runs off it through kit.Deps.Async, and listeners are told on
// the UI thread when the clients changed.
type Book struct {
	deps *kit.Deps
	src  Source
	data *ref.Data
	// clients are by id; rows[i] is clients[i]'s row, made on day.
	clients []portfolio.Client
	rows    []portfolio.Row
	day     string
	// total is how many companies are stored; complete is true once every
	// one of them is in memory.
	total    int
	complete bool
	loading  bool
	// again is set when Sync is asked for while a read is running.
	again     bool
	err       error
	listeners []listener
	next      int
	// shown is true once the first read has ended; waiting are the
	// functions to call then.
	shown   bool
	waiting []func()
}

// WhenShown calls f once the first read has ended (at once when it has):
// the shell starts the database's integrity check and backup only then, so
// that they do not hold up the first rows on the store's one connection.
func (b *Book) WhenShown(f func()) {
	if b.shown {
		f()
		return
	}
	b.waiting = append(b.waiting, f)
}

// New returns an empty book over src; Load fills it.
func New(deps *kit.Deps, src Source, d *ref.Data) *Book {
	return &Book{deps: deps, src: src, data: d}
}

// Data is the reference data the rows and insights are computed with.
func (b *Book) Data() *ref.Data { return b.data }

// Clients returns the companies in memory, by id. The slice is the
// book's: read it on the UI thread and do not change it.
func (b *Book) Clients() []portfolio.Client { return b.clients }

// Rows returns the table rows, one per client in Clients' order, made for
// today. Read them on the UI thread and do not change them.
func (b *Book) Rows() []portfolio.Row { return b.rows }

// Total is how many companies are stored, also before all are in memory.
func (b *Book) Total() int { return b.total }

// Complete reports whether every stored company is in memory.
func (b *Book) Complete() bool { return b.complete }

// Loading reports whether a read is running.
func (b *Book) Loading() bool { return b.loading }

// Err is why the last read failed; nil after one that did not.
func (b *Book) Err() error { return b.err }

// Today is the advisor's date, from the deps' clock.
func (b *Book) Today() time.Time { return b.deps.Now() }

// OnChange adds a listener told, on the UI thread, after each read, and
// returns the function that removes it again: a screen that is rebuilt (in
// another language) stops listening.
func (b *Book) OnChange(f func()) (remove func()) {
	b.next++
	id := b.next
	b.listeners = append(b.listeners, listener{id, f})
	return func() {
		b.listeners = slices.DeleteFunc(b.listeners, func(l listener) bool { return l.id == id })
	}
}

// listener is a function told of changes, with the id that removes it.
type listener struct {
	id int
	f  func()
}

// Load reads the portfolio: the FirstPage last changed companies first,
// then all of them. When the book already holds the portfolio it only
// reads what changed (Sync).
func (b *Book) Load() {
	if b.complete || b.loading {
		b.Sync()
		return
	}
	b.loading = true
	var first []portfolio.Client
	var total int
	var err error
	b.deps.Async(func() {
		first, total, err = b.readFirst()
	}, func() {
		b.firstRead(first, total, err)
	})
}

// LoadFirstNow reads the FirstPage last changed companies on the calling
// goroutine — the UI thread, as the window is made — so that the window's
// first frame already shows them (some 10–40 ms on 10,000 companies), and
// then the rest off it, as Load does.
func (b *Book) LoadFirstNow() {
	if b.complete || b.loading || b.shown {
		b.Load()
		return
	}
	first, total, err := b.readFirst()
	b.loading = true
	b.firstRead(first, total, err)
}

// firstRead shows the first companies read and, unless they are all there
// are, reads the rest.
func (b *Book) firstRead(first []portfolio.Client, total int, err error) {
	if err != nil || total <= len(first) {
		b.finish(err, func() { b.total = total; b.set(first, true) })
		return
	}
	b.total = total
	b.set(first, false)
	b.notify()
	b.loadAll()
}

// readFirst reads the last changed companies, by id, and how many are stored.
func (b *Book) readFirst() ([]portfolio.Client, int, error) {
	ctx := context.Background()
	list, total, err := b.src.ListCompanies(ctx, app.ListQuery{Limit: FirstPage})
	if err != nil {
		return nil, 0, fmt.Errorf("read the first companies: %w", err)
	}
	ids := make([]app.CompanyID, len(list))
	for i := range list {
		ids[i] = list[i].ID
	}
	first, err := b.src.PortfolioOf(ctx, ids)
	return first, total, err
}

// loadAll reads every company with its assessments.
func (b *Book) loadAll() {
	var all []portfolio.Client
	var err error
	b.deps.Async(func() {
		all, err = b.src.Portfolio(context.Background())
	}, func() {
		b.finish(err, func() { b.total = len(all); b.set(all, true) })
	})
}

// Sync reads again only the companies changed, added or erased since the
// book was read, and makes the rows anew when the day has changed. Before
// the whole portfolio is in, it reads everything.
func (b *Book) Sync() {
	if b.loading {
		b.again = true
		return
	}
	if !b.complete {
		b.loading = true
		b.loadAll()
		return
	}
	b.loading = true
	have := b.clients
	var fresh []portfolio.Client
	var stamps []portfolio.Stamp
	var err error
	b.deps.Async(func() {
		stamps, fresh, err = b.readChanged(have)
	}, func() {
		b.finish(err, func() { b.merge(stamps, fresh) })
	})
}

// readChanged reads the stamps and the clients whose stamp differs from
// have's, or that have does not hold.
func (b *Book) readChanged(have []portfolio.Client) ([]portfolio.Stamp, []portfolio.Client, error) {
	ctx := context.Background()
	stamps, err := b.src.Changes(ctx)
	if err != nil {
		return nil, nil, err
	}
	held := make(map[app.CompanyID]time.Time, len(have))
	for i := range have {
		held[have[i].ID] = have[i].Updated
	}
	var changed []app.CompanyID
	for _, st := range stamps {
		if at, ok := held[st.ID]; !ok || !at.Equal(st.Updated) {
			changed = append(changed, st.ID)
		}
	}
	fresh, err := b.src.PortfolioOf(ctx, changed)
	return stamps, fresh, err
}

// merge keeps the held clients whose stamp is unchanged, takes fresh for
// the others and drops the erased ones; only fresh clients get new rows
// unless the day has changed.
func (b *Book) merge(stamps []portfolio.Stamp, fresh []portfolio.Client) {
	old := make(map[app.CompanyID]int, len(b.clients))
	for i := range b.clients {
		old[b.clients[i].ID] = i
	}
	byID := make(map[app.CompanyID]*portfolio.Client, len(fresh))
	for i := range fresh {
		byID[fresh[i].ID] = &fresh[i]
	}
	today := b.Today()
	sameDay := b.day == today.Format(time.DateOnly)
	clients := make([]portfolio.Client, 0, len(stamps))
	rows := make([]portfolio.Row, 0, len(stamps))
	for _, st := range stamps {
		if c, ok := byID[st.ID]; ok {
			clients = append(clients, *c)
			rows = append(rows, portfolio.MakeRow(b.data, c, today))
		} else if i, ok := old[st.ID]; ok {
			clients = append(clients, b.clients[i])
			if sameDay {
				rows = append(rows, b.rows[i])
			} else {
				rows = append(rows, portfolio.MakeRow(b.data, &b.clients[i], today))
			}
		} // else added after Changes read: the next Sync takes it
	}
	b.clients, b.rows, b.day, b.total = clients, rows, today.Format(time.DateOnly), len(clients)
}

// set replaces the clients and makes every row anew.
func (b *Book) set(clients []portfolio.Client, complete bool) {
	today := b.Today()
	b.clients, b.complete = clients, complete
	b.rows = portfolio.Rows(b.data, clients, today)
	b.day = today.Format(time.DateOnly)
}

// finish ends a read: applies it unless it failed, tells the listeners, and
// starts the Sync asked for meanwhile.
func (b *Book) finish(err error, apply func()) {
	b.loading = false
	b.err = err
	if err == nil {
		apply()
	}
	b.notify()
	if b.again {
		b.again = false
		b.Sync()
	}
}

func (b *Book) notify() {
	for _, l := range slices.Clone(b.listeners) {
		l.f()
	}
	if !b.shown {
		b.shown = true
		waiting := b.waiting
		b.waiting = nil
		for _, f := range waiting {
			f()
		}
	}
}

// Client returns the client with id and whether the book holds it.
func (b *Book) Client(id app.CompanyID) (*portfolio.Client, bool) {
	i, ok := slices.BinarySearchFunc(b.clients, id, func(c portfolio.Client, id app.CompanyID) int {
		return cmp.Compare(c.ID, id)
	})
	if !ok {
		return nil, false
	}
	return &b.clients[i], true
}
