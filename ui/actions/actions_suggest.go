package actions

import (
	"strings"

	"github.com/pomi-planner/pomi/app/validate"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// suggestionCards shows each suggested action with why it is suggested and
// what comes with it, and the buttons that accept or dismiss it.
func (v *view) suggestionCards() []fyne.CanvasObject {
	loc := v.s.Loc
	v.accepts, v.dismisses = nil, nil
	if len(v.suggested) == 0 {
		none := widget.NewLabel(loc.T("ui.actions.suggestions_none"))
		none.Wrapping = fyne.TextWrapWord
		return []fyne.CanvasObject{none}
	}
	reasons := v.reasons()
	var out []fyne.CanvasObject
	for k, a := range v.suggested {
		segs := []widget.RichTextSegment{&widget.TextSegment{Text: v.title(a), Style: strongParagraph()}}
		if why := reasons[a.Source]; len(why) > 0 {
			segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleParagraph,
				Text: loc.Tf("ui.actions.why", map[string]any{"Reasons": app.JoinReasons(why)})})
		}
		segs = append(segs, &widget.TextSegment{Text: v.suggestionFacts(a), Style: mutedParagraph()})
		text := widget.NewRichText(segs...)
		text.Wrapping = fyne.TextWrapWord
		accept := widget.NewButtonWithIcon(loc.T("ui.actions.accept"), theme.ContentAddIcon(), func() { v.accept(k) })
		dismiss := widget.NewButtonWithIcon(loc.T("ui.actions.dismiss"), theme.CancelIcon(), func() { v.dismiss(k) })
		dismiss.Importance = widget.LowImportance
		v.accepts, v.dismisses = append(v.accepts, accept), append(v.dismisses, dismiss)
		out = append(out, text, container.NewHBox(accept, dismiss), widget.NewSeparator())
	}
	return out
}

// strongParagraph is a bold paragraph of a rich text.
func strongParagraph() widget.RichTextStyle {
	st := widget.RichTextStyleStrong
	st.Inline = false
	return st
}

// mutedParagraph is a paragraph in the placeholder colour, for facts
// under a title.
func mutedParagraph() widget.RichTextStyle {
	st := widget.RichTextStyleParagraph
	st.ColorName = theme.ColorNamePlaceHolder
	return st
}

// reasons maps recommendation ids to why each was chosen, in words.
func (v *view) reasons() map[string][]string {
	out := map[string][]string{}
	for _, r := range v.analysis.Recommendations {
		for _, why := range r.Reasons {
			out[r.ID] = append(out[r.ID], app.ExplainReason(why, v.tr))
		}
	}
	return out
}

// suggestionFacts is the line under a suggestion: its dimension, the
// suggested owner and due date, and the support organisations.
func (v *view) suggestionFacts(a app.Action) string {
	loc := v.s.Loc
	ea := app.ExplainAction(a, v.tr)
	var parts []string
	if a.Dimension != "" {
		parts = append(parts, v.tr.T(ref.DimensionName(a.Dimension)))
	}
	if ea.Owner != "" {
		parts = append(parts, loc.Tf("ui.actions.suggested_owner", map[string]any{"Owner": ea.Owner}))
	}
	if t, err := validate.ParseDate(a.Due); err == nil {
		parts = append(parts, loc.Tf("ui.actions.suggested_due", map[string]any{"Date": loc.DateLong(t)}))
	}
	if names := actorNames(ea); names != "" {
		parts = append(parts, loc.Tf("ui.actions.support", map[string]any{"Names": names}))
	}
	return strings.Join(parts, " · ")
}

func actorNames(ea app.ExplainedAction) string {
	names := make([]string, len(ea.Actors))
	for i, n := range ea.Actors {
		names[i] = n.Name
	}
	return strings.Join(names, ", ")
}

// dismissedRows lists the dismissed actions, each with a button that puts
// it back in the plan.
func (v *view) dismissedRows() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	v.restores = nil
	for i, a := range v.s.Assessment().Actions {
		if a.Status != app.ActionDismissed {
			continue
		}
		l := widget.NewLabel(v.title(a))
		l.Wrapping = fyne.TextWrapWord
		restore := widget.NewButtonWithIcon(v.s.Loc.T("ui.actions.restore"), theme.ContentUndoIcon(), func() { v.restore(i) })
		v.restores = append(v.restores, restore)
		out = append(out, container.NewBorder(nil, nil, nil, restore, l))
	}
	return out
}

// accept puts suggestion k in the plan, with its title in the UI language
// so that the advisor can reword it.
func (v *view) accept(k int) { v.take(k, app.ActionOpen) }

// dismiss keeps suggestion k out of the plan and out of the suggestions.
func (v *view) dismiss(k int) { v.take(k, app.ActionDismissed) }

func (v *view) take(k int, status string) {
	if k < 0 || k >= len(v.suggested) {
		return
	}
	a := v.suggested[k]
	a.Title, a.Status = v.title(a), status
	v.s.EditAssessment(func(as *app.Assessment) { as.Actions = append(as.Actions, a) })
	v.refresh()
}

// restore puts the dismissed action at i back in the plan as not started.
func (v *view) restore(i int) {
	v.s.EditAssessment(func(as *app.Assessment) {
		if i < len(as.Actions) {
			as.Actions[i].Title = v.title(as.Actions[i])
			as.Actions[i].Status = app.ActionOpen
		}
	})
	v.refresh()
}
