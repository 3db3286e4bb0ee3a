package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/demo"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
)

// dataFlags registers --data-dir, defaulting to $POMI_DATA_DIR or the user's
// config folder.
func dataFlags(fs *cmdFlags) *string {
	fs.dataDir = fs.String("data-dir", "", "data folder (default: $"+store.DataDirEnv+" or the user's config folder)")
	return fs.dataDir
}

// openStore opens the database in the data folder fs names, and warns on
// stderr, in the command's language, of a risky folder and of what opening
// had to set right.
func openStore(ctx context.Context, fs *cmdFlags) (*store.Store, error) {
	dir, err := store.ResolveDir(*fs.dataDir, os.Getenv)
	if err != nil {
		return nil, err
	}
	risk, risky := store.RiskyLocation(dir)
	s, err := store.Open(ctx, dir)
	if err == nil {
		if st, err := s.Settings(ctx); err == nil {
			savedLanguage = st.UILanguage
		}
	}
	l := fs.loc()
	if risky {
		warn(l, "ui.settings.data.risky."+risk, nil)
	}
	if err == nil {
		for _, r := range s.Repairs() {
			warn(l, "cli.repair."+string(r.Kind), map[string]any{
				"Backup": r.Backup, "Company": r.Company, "Count": r.Backups, "Reason": reason(r.Err, l)})
		}
	}
	return s, err
}

// warn prints a warning in the command's language on stderr.
func warn(l *locales.Localizer, id string, data map[string]any) {
	fmt.Fprintln(os.Stderr, l.Tf("cli.warning", map[string]any{"Text": l.Tf(id, data)}))
}

// withStore opens the database in the chosen data folder, runs fn and closes it.
func withStore(fs *cmdFlags, fn func(context.Context, *store.Store) error) error {
	ctx := context.Background()
	s, err := openStore(ctx, fs)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(ctx, s)
}

// companyFlag registers --company and returns a getter that checks it was given.
func companyFlag(fs *cmdFlags) func() (app.CompanyID, error) {
	id := fs.Int64("company", 0, "company id (see pomi-cli list)")
	return func() (app.CompanyID, error) {
		if *id <= 0 {
			return 0, usageFailure("cli.error.company_required", map[string]any{"Command": fs.Name()},
				"%s: --company ID is required", fs.Name())
		}
		return app.CompanyID(*id), nil
	}
}

func runDemo(args []string, out io.Writer) error {
	fs := newFlags("demo", out)
	dataFlags(fs)
	langFlag(fs)
	if _, err := fs.parseLocalized(args); err != nil {
		return err
	}
	return withStore(fs, func(ctx context.Context, s *store.Store) error {
		loc := fs.loc()
		loaded, err := demo.Load(ctx, s, ref.MustLoad(), time.Now())
		for _, l := range loaded {
			if l.Existed {
				fmt.Fprintln(out, loc.Tf("demo.exists", map[string]any{"Name": l.Name}))
			} else {
				fmt.Fprintf(out, "%d\t%s\n", l.ID, loc.N("demo.loaded", l.Assessments, map[string]any{"Name": l.Name}))
			}
		}
		return err
	})
}

func runList(args []string, out io.Writer) error {
	fs := newFlags("list", out)
	dataFlags(fs)
	search := fs.String("search", "", "words that name, org.nr, city, contact or notes start with")
	asJSON := fs.Bool("json", false, "print JSON")
	limit := fs.Int("limit", 50, "how many companies")
	offset := fs.Int("offset", 0, "skip this many")
	if err := fs.parse(args); err != nil {
		return err
	}
	return withStore(fs, func(ctx context.Context, s *store.Store) error {
		list, total, err := s.ListCompanies(ctx, app.ListQuery{Search: *search, Limit: *limit, Offset: *offset})
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(out, map[string]any{"total": total, "companies": list})
		}
		for _, c := range list {
			fmt.Fprintf(out, "%d\t%s\t%s\t%s\t%s\n", c.ID, c.Name, c.OrgNr, c.City, c.LastAssessment)
		}
		fmt.Fprintln(out, fs.loc().Tf("cli.list.shown", map[string]any{"Shown": len(list), "Total": total}))
		return nil
	})
}

func runShow(args []string, out io.Writer) error {
	fs := newFlags("show", out)
	dataFlags(fs)
	company := companyFlag(fs)
	asJSON := fs.Bool("json", false, "print the company file (interchange JSON)")
	langFlag(fs)
	if _, err := fs.parseLocalized(args); err != nil {
		return err
	}
	id, err := company()
	if err != nil {
		return err
	}
	return withStore(fs, func(ctx context.Context, s *store.Store) error {
		doc, err := s.ExportCompany(ctx, id, time.Now())
		if err != nil {
			return err
		}
		if *asJSON {
			return doc.Encode(out)
		}
		return writeCompanyText(out, doc, fs.loc())
	})
}

// writeCompanyText prints the profile's main facts and the assessments.
func writeCompanyText(out io.Writer, doc *app.Document, l *locales.Localizer) error {
	c := doc.Company
	w := &textWriter{out: out}
	w.heading(c.Name)
	vocab := func(kind, id string) string {
		if id == "" {
			return ""
		}
		return l.T(ref.VocabName(kind, id))
	}
	for _, kv := range [][2]string{
		{"show.org_nr", c.OrgNr}, {"show.city", c.Address.City}, {"show.sector", vocab("sector", c.Sector)},
		{"show.industry", c.Industry}, {"show.stage", vocab("stage", c.ExportStage)},
		{"show.contact", strings.TrimSpace(c.Contact.Name + " " + c.Contact.Email)},
		{"show.markets", strings.Join(c.CurrentMarkets, ", ")}, {"show.target_markets", strings.Join(c.TargetMarkets, ", ")},
	} {
		if kv[1] != "" {
			w.line(fmt.Sprintf("%-18s %s", l.T(kv[0])+":", kv[1]))
		}
	}
	w.section(l.T("show.assessments"))
	for _, a := range doc.Assessments {
		w.line(fmt.Sprintf("%s  %-20s %s", dateText(a.Date, l), a.Assessor, l.Tf("show.assessment_line", map[string]any{
			"Modes": len(a.Modes), "Ratings": len(a.StatementRatings) + len(a.CompetenceRatings), "Actions": len(a.Actions),
		})))
	}
	return w.err
}

func runExport(args []string, out io.Writer) error {
	fs := newFlags("export", out)
	dataFlags(fs)
	company := companyFlag(fs)
	file := fs.String("out", "", "write to this file (default: standard output)")
	if err := fs.parse(args); err != nil {
		return err
	}
	id, err := company()
	if err != nil {
		return err
	}
	return withStore(fs, func(ctx context.Context, s *store.Store) error {
		doc, err := s.ExportCompany(ctx, id, time.Now())
		if err != nil {
			return err
		}
		if *file == "" {
			return doc.Encode(out)
		}
		return writeFileAtomic(*file, doc.Encode)
	})
}

func runImport(args []string, out io.Writer) error {
	fs := newFlags("import", out)
	dataFlags(fs)
	asNew := fs.Bool("as-new", false, "if the org.nr exists, add the file as a separate company")
	merge := fs.Bool("merge", false, "if the org.nr exists, add the file's assessments to that company")
	file, err := fs.parseWithArg(args, "import FILE [--as-new|--merge]")
	if err != nil {
		return err
	}
	if *asNew && *merge {
		return usageFailure("cli.error.as_new_and_merge", nil, "import: choose --as-new or --merge, not both")
	}
	mode := app.ImportRefuseDuplicate
	if *asNew {
		mode = app.ImportAsNew
	} else if *merge {
		mode = app.ImportMerge
	}
	return withStore(fs, func(ctx context.Context, s *store.Store) error {
		doc, err := readDocument(file, ref.MustLoad())
		if err != nil {
			return err
		}
		id, err := s.Import(ctx, doc, mode)
		if errors.Is(err, app.ErrDuplicateOrgNr) {
			return failure(err, "cli.error.duplicate_orgnr", map[string]any{"Name": doc.Company.Name},
				fmt.Sprintf("%v: choose --merge to add the assessments to it or --as-new for a separate copy", err))
		} else if err != nil {
			return err
		}
		fmt.Fprintf(out, "%d\t%s\n", id, doc.Company.Name)
		return nil
	})
}

func runErase(args []string, out io.Writer) error {
	fs := newFlags("erase", out)
	dataFlags(fs)
	company := companyFlag(fs)
	everywhere := fs.Bool("everywhere", false, "also rewrite every backup without the company (no pre-erase backup; cannot be undone)")
	langFlag(fs)
	if _, err := fs.parseLocalized(args); err != nil {
		return err
	}
	id, err := company()
	if err != nil {
		return err
	}
	scope := app.EraseKeepBackups
	if *everywhere {
		scope = app.EraseEverywhere
	}
	return withStore(fs, func(ctx context.Context, s *store.Store) error {
		c, err := s.Company(ctx, id)
		if err != nil {
			return err
		}
		report, err := s.EraseCompany(ctx, id, scope)
		if err != nil {
			return err
		}
		fmt.Fprintln(out, erasedMessage(fs.loc(), c.Name, backups.Dir(s.Path()), scope, report))
		return nil
	})
}

// erasedMessage says what the erase removed where.
func erasedMessage(l *locales.Localizer, name, folder string, scope app.EraseScope, r app.EraseReport) string {
	data := map[string]any{"Name": name, "Folder": folder}
	var full *backups.NoSpaceError
	switch {
	case scope == app.EraseEverywhere:
		return l.N("erase.done_everywhere", r.PurgedBackups, data)
	case errors.As(r.BackupSkipped, &full):
		data["MB"] = backups.MegabytesUp(full.Need)
		return l.Tf("erase.done_no_backup", data)
	}
	return l.Tf("erase.done", data)
}

func runBackup(args []string, out io.Writer) error {
	fs := newFlags("backup", out)
	dataFlags(fs)
	if err := fs.parse(args); err != nil {
		return err
	}
	return withStore(fs, func(ctx context.Context, s *store.Store) error {
		path, err := s.BackupNow(ctx, "manual")
		if err != nil {
			return err
		}
		fmt.Fprintln(out, path)
		return nil
	})
}

func runRestore(args []string, out io.Writer) error {
	fs := newFlags("restore", out)
	dataDir := dataFlags(fs)
	backup, err := fs.parseWithArg(args, "restore BACKUP-FILE")
	if err != nil {
		return err
	}
	err = withStore(fs, func(ctx context.Context, s *store.Store) error {
		if err := s.Restore(ctx, backup); err != nil {
			return err
		}
		fmt.Fprintln(out, fs.loc().Tf("cli.restored", map[string]any{"Backup": backup}))
		return nil
	})
	var corrupt *store.CorruptError
	if !errors.As(err, &corrupt) {
		return err
	}
	// A database that cannot be opened cannot restore itself: put the
	// backup in its place with the folder closed, keeping the damaged file.
	dir, dirErr := store.ResolveDir(*dataDir, os.Getenv)
	if dirErr != nil {
		return dirErr
	}
	aside, err := store.RestoreClosed(context.Background(), dir, backup)
	if err != nil {
		return err
	}
	fmt.Fprintln(out, fs.loc().Tf("cli.restored", map[string]any{"Backup": backup}))
	if aside != "" {
		fmt.Fprintln(out, fs.loc().Tf("cli.restored.damaged_kept", map[string]any{"Path": aside}))
	}
	return nil
}

func runCheck(args []string, out io.Writer) error {
	fs := newFlags("check", out)
	dataFlags(fs)
	if err := fs.parse(args); err != nil {
		return err
	}
	return withStore(fs, func(ctx context.Context, s *store.Store) error {
		result, err := s.Check(ctx)
		if err != nil {
			return err
		}
		if result != "ok" {
			return failure(nil, "cli.error.check_failed", map[string]any{"Path": s.Path(), "Result": oneLine(result)},
				fmt.Sprintf("integrity check of %s: %s", s.Path(), result))
		}
		fmt.Fprintln(out, fs.loc().Tf("cli.check.ok", map[string]any{"Path": s.Path()}))
		return nil
	})
}

func writeJSON(out io.Writer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeFileAtomic writes through a temp file and a rename: never half a file.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".pomi-*")
	if err != nil {
		return writeFailure(path, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return writeFailure(path, err)
	}
	if err := tmp.Close(); err != nil {
		return writeFailure(path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return writeFailure(path, err)
	}
	return nil
}

// writeFailure says a file could not be written, and why.
func writeFailure(path string, err error) error {
	return failure(err, "cli.error.write_file", map[string]any{"Path": path, "Reason": reasonOf(err)},
		fmt.Sprintf("write %s: %v", path, err))
}
