package shell

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Keyboard shortcuts of the main menu. Menu shortcuts work even while a text
// field has the focus (a canvas shortcut would go to the field instead);
// "ShortcutDefault" is Ctrl, or Cmd on macOS.
var (
	shortcutNewCompany = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSearch     = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutExportPDF  = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSettings   = &desktop.CustomShortcut{KeyName: fyne.KeyComma, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutNextStep   = &desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutPrevStep   = &desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierShortcutDefault}
	// The home screen's three views: the table, the follow-ups, the insights.
	shortcutViews = []fyne.Shortcut{
		&desktop.CustomShortcut{KeyName: fyne.Key1, Modifier: fyne.KeyModifierShortcutDefault},
		&desktop.CustomShortcut{KeyName: fyne.Key2, Modifier: fyne.KeyModifierShortcutDefault},
		&desktop.CustomShortcut{KeyName: fyne.Key3, Modifier: fyne.KeyModifierShortcutDefault},
	}
)

// mainMenu is the window's menu in the shell's language.
func (sh *Shell) mainMenu() *fyne.MainMenu {
	item := func(id string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(sh.loc.T(id), action)
		it.Shortcut = sc
		return it
	}
	file := fyne.NewMenu(sh.loc.T("ui.menu.file"),
		item("ui.menu.new_company", shortcutNewCompany, sh.NewCompany),
		item("ui.menu.export_pdf", shortcutExportPDF, sh.ExportPDF),
		fyne.NewMenuItemSeparator(),
		item("ui.menu.settings", shortcutSettings, sh.ShowSettings),
	)
	edit := fyne.NewMenu(sh.loc.T("ui.menu.edit"),
		item("ui.menu.search", shortcutSearch, sh.FocusSearch),
	)
	view := fyne.NewMenu(sh.loc.T("ui.menu.view"),
		item("ui.companies.tab.table", shortcutViews[0], func() { sh.ShowPortfolioView(0) }),
		item("ui.followup.tab", shortcutViews[1], func() { sh.ShowPortfolioView(1) }),
		item("ui.insights.title", shortcutViews[2], func() { sh.ShowPortfolioView(2) }),
		fyne.NewMenuItemSeparator(),
		item("ui.menu.previous_step", shortcutPrevStep, func() { sh.stepBy(-1) }),
		item("ui.menu.next_step", shortcutNextStep, func() { sh.stepBy(1) }),
	)
	view.Items = append(view.Items, sh.syncMenuItems(item)...)
	help := fyne.NewMenu(sh.loc.T("ui.menu.help"),
		item("ui.menu.help_contents", nil, sh.ShowHelp),
	)
	return fyne.NewMainMenu(file, edit, view, help)
}

// NewCompany goes to the company list and asks for the new company's name.
func (sh *Shell) NewCompany() {
	if sh.firstStart || sh.companies == nil || !sh.showList() {
		return
	}
	sh.companies.AskNew()
}

// FocusSearch goes to the company list and puts the cursor in the search.
func (sh *Shell) FocusSearch() {
	if sh.firstStart || sh.companies == nil || !sh.showList() {
		return
	}
	sh.window.Canvas().Focus(sh.companies.Search())
}

// showList shows the company list, saving and closing an open company;
// false when its work could not be saved.
func (sh *Shell) showList() bool {
	sh.tabs.SelectIndex(tabCompanies)
	if sh.workspace == nil {
		return true
	}
	if sh.session.Flush() != nil {
		return false
	}
	sh.closeCompany()
	return true
}

// ShowPortfolioView shows the home screen's view i — 0 the table, 1 the
// follow-ups, 2 the insights — closing an open company first.
func (sh *Shell) ShowPortfolioView(i int) {
	if sh.firstStart || sh.companies == nil || !sh.showList() {
		return
	}
	if tabs := sh.companies.Tabs(); i >= 0 && i < len(tabs.Items) {
		tabs.SelectIndex(i)
	}
}

// ExportPDF exports the open company's plan from its Report step.
func (sh *Shell) ExportPDF() {
	if sh.firstStart || sh.workspace == nil {
		return
	}
	sh.tabs.SelectIndex(tabCompanies)
	sh.workspace.ShowStep("report")
	if v, ok := sh.workspace.View().(interface{ Export() }); ok {
		v.Export()
	}
}

// ShowSettings shows the settings tab.
func (sh *Shell) ShowSettings() {
	if !sh.firstStart {
		sh.tabs.SelectIndex(tabSettings)
	}
}

// ShowHelp shows the help tab.
func (sh *Shell) ShowHelp() {
	if !sh.firstStart {
		sh.tabs.SelectIndex(tabHelp)
	}
}

// stepBy moves the open company's workspace by delta steps.
func (sh *Shell) stepBy(delta int) {
	if sh.firstStart || sh.workspace == nil {
		return
	}
	sh.tabs.SelectIndex(tabCompanies)
	sh.workspace.Show(sh.workspace.Current() + delta)
}
