package team

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/sync/merge"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/server/wire"
	"github.com/pomi-planner/pomi/ui/kit"
)

// Portfolio lists the companies with their assessments; kit.Store has it.
type Portfolio interface {
	Portfolio(ctx context.Context) ([]portfolio.Client, error)
}

// Record is one company or assessment, or one of the organisation's own
// records (conflicts_own.go), with open conflicts.
type Record struct {
	ID        string // the record's global id
	Title     string // the company's name, or its name and the assessment's date
	Conflicts []merge.Conflict
}

// LoadConflicts finds the records with open conflicts, company by
// company, stopping once it has found as many as the store counts.
func LoadConflicts(ctx context.Context, x SyncStore, src Portfolio, loc *locales.Localizer) ([]Record, error) {
	want, err := x.ConflictCount(ctx)
	if err != nil || want == 0 {
		return nil, err
	}
	clients, err := src.Portfolio(ctx)
	if err != nil {
		return nil, err
	}
	recs, err := ownConflicts(ctx, x, loc)
	if err != nil {
		return nil, err
	}
	found := 0
	for _, r := range recs {
		found += len(r.Conflicts)
	}
	add := func(kind wire.Kind, id int64, title string) error {
		gid, err := x.GlobalID(ctx, kind, id)
		if err != nil {
			return err
		}
		cs, err := x.Conflicts(ctx, gid)
		if len(cs) > 0 {
			recs = append(recs, Record{ID: gid, Title: title, Conflicts: cs})
			found += len(cs)
		}
		return err
	}
	for _, c := range clients {
		err := add(wire.KindCompany, int64(c.ID), c.Company.Name)
		for _, a := range c.Assessments {
			title := loc.Tf("ui.team.conflicts.assessment", map[string]any{"Company": c.Company.Name, "Date": a.Date})
			err = errors.Join(err, add(wire.KindAssessment, int64(a.ID), title))
		}
		if err != nil || found >= want {
			return recs, err
		}
	}
	return recs, nil
}

// ConflictView lists the open conflicts with both values side by side
// and a choice per field. Its widgets are exported for tests.
type ConflictView struct {
	svc  *Service
	deps *kit.Deps
	loc  *locales.Localizer
	win  fyne.Window
	// Records are the records shown; Choices[i][j] is the choice for
	// Records[i].Conflicts[j].
	Records []Record
	// Names are the advisors by server id, to say whose version is whose.
	Names   map[int64]string
	Choices [][]*Pick
	Apply   *widget.Button
	Dialog  *dialog.CustomDialog
	// OnResolved is told after the choices were saved.
	OnResolved func()
}

// ShowConflicts reads the open conflicts off the UI thread and shows
// them in a dialog over w; then is told with the view (for tests).
func (s *Service) ShowConflicts(w fyne.Window, src Portfolio, loc *locales.Localizer, then func(*ConflictView)) {
	var recs []Record
	var names map[int64]string
	var err error
	s.deps.Async(func() {
		recs, err = LoadConflicts(context.Background(), s.x, src, loc)
		var nerr error
		names, nerr = s.x.AdvisorNames(context.Background())
		err = errors.Join(err, nerr)
	}, func() {
		if err != nil {
			kit.LogError("read the sync conflicts", err)
		}
		v := &ConflictView{svc: s, deps: s.deps, loc: loc, win: w, Records: recs, Names: names}
		v.show(w)
		if then != nil {
			then(v)
		}
	})
}

func (v *ConflictView) show(w fyne.Window) {
	closeButton := widget.NewButton(v.loc.T("ui.team.conflicts.close"), nil)
	v.Apply = widget.NewButton(v.loc.T("ui.team.conflicts.apply"), v.apply)
	v.Apply.Importance = widget.HighImportance
	body := container.NewVBox(wrapped(v.loc.T("ui.team.conflicts.intro")))
	if len(v.Records) == 0 {
		body = container.NewVBox(wrapped(v.loc.T("ui.team.conflicts.none")))
		v.Apply.Disable()
	}
	for _, r := range v.Records {
		card, choices := v.recordCard(r)
		body.Add(card)
		v.Choices = append(v.Choices, choices)
	}
	scroll := container.NewVScroll(body)
	scroll.SetMinSize(fyne.NewSize(640, 420))
	v.Dialog = dialog.NewCustomWithoutButtons(v.loc.T("ui.team.conflicts.title"), scroll, w)
	closeButton.OnTapped = v.Dialog.Hide
	v.Dialog.SetButtons([]fyne.CanvasObject{closeButton, v.Apply})
	v.Dialog.Show()
}

// recordCard shows one record's conflicting fields: each version under
// its own choice, side by side, so the choice sits on the value it takes.
func (v *ConflictView) recordCard(r Record) (fyne.CanvasObject, []*Pick) {
	mine := v.loc.T("ui.team.conflicts.mine")
	box := container.NewVBox()
	picks := make([]*Pick, len(r.Conflicts))
	for i, c := range r.Conflicts {
		p := newPick(mine, v.theirs(c))
		picks[i] = p
		values := container.NewGridWithColumns(2,
			container.NewVBox(p.Mine, wrapped(Readable(v.loc, c.Local))),
			container.NewVBox(p.Theirs, wrapped(Readable(v.loc, c.Remote))))
		name := widget.NewLabelWithStyle(FieldName(v.loc, c.Path), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		box.Add(container.NewVBox(name, values))
	}
	return widget.NewCard(r.Title, "", box), picks
}

// theirs names the other version of c: the colleague who made it, when
// known, else the server's.
func (v *ConflictView) theirs(c merge.Conflict) string {
	if name := v.Names[c.By]; c.By != 0 && name != "" {
		return v.loc.Tf("ui.team.conflicts.by", map[string]any{"Name": name})
	}
	return v.loc.T("ui.team.conflicts.server")
}

// Pick is the choice for one field: two radio buttons, one per version,
// of which one is always chosen; this device's version at first.
type Pick struct {
	Mine, Theirs *widget.RadioGroup
}

func newPick(mine, theirs string) *Pick {
	p := &Pick{Mine: widget.NewRadioGroup([]string{mine}, nil), Theirs: widget.NewRadioGroup([]string{theirs}, nil)}
	p.Mine.Required, p.Theirs.Required = true, true
	p.Mine.SetSelected(mine)
	p.Mine.OnChanged = func(sel string) {
		if sel != "" {
			p.Theirs.SetSelected("")
		}
	}
	p.Theirs.OnChanged = func(sel string) {
		if sel != "" {
			p.Mine.SetSelected("")
		}
	}
	return p
}

// Side is the version chosen.
func (p *Pick) Side() merge.Side {
	if p.Theirs.Selected != "" {
		return merge.Remote
	}
	return merge.Local
}

// apply saves the choices off the UI thread; the next round pushes them.
func (v *ConflictView) apply() {
	picks := make([][]merge.Side, len(v.Records))
	for i, row := range v.Choices {
		for _, p := range row {
			picks[i] = append(picks[i], p.Side())
		}
	}
	v.Apply.Disable()
	var err error
	v.deps.Async(func() {
		for i, r := range v.Records {
			if rerr := v.svc.x.Resolve(context.Background(), r.ID, picks[i]); rerr != nil {
				err = errors.Join(err, fmt.Errorf("resolve %s: %w", r.ID, rerr))
			}
		}
	}, func() {
		v.Apply.Enable()
		if err != nil {
			kit.LogError("resolve sync conflicts", err)
			dialog.ShowInformation(v.loc.T("ui.team.conflicts.title"), v.loc.T("ui.team.conflicts.failed"), v.win)
			return
		}
		v.Dialog.Hide()
		v.svc.reload()
		v.svc.Changed()
		if v.OnResolved != nil {
			v.OnResolved()
		}
	})
}
