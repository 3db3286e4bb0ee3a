package main

import (
	"fmt"
	"log"
	"os"
	"runtime"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/applog"
)

// appLog is where the app's log goes, and what start-up and crash handling
// need from it: the log file's folder (crash reports go beside it, "" when
// only stderr is left) and the watch that sees Fyne fail to open the window.
type appLog struct {
	file  *applog.Log // nil when no folder could hold the log
	fatal *os.File    // the runtime's crash output, nil when not captured
	watch *applog.StartupWatch
	// shown is set once the window is open: a panic after that is a crash,
	// never a start-up failure.
	shown bool
	// lang is the window's language, for the start-up failure message.
	lang string
}

// startLogging sends the standard log (and with it Fyne's errors) to
// pomi.log in the data folder, else in the user's cache folder, else to
// stderr alone; a terminal's stderr gets a copy. It turns the runtime's
// output of an earlier run's fatal crash into a crash report and captures
// this run's.
func startLogging(dataDir string, dirErr error) *appLog {
	if dirErr != nil {
		dataDir = ""
	}
	l := &appLog{}
	file, err := openLogFile(dataDir)
	if err != nil {
		l.watch = applog.NewStartupWatch(os.Stderr)
		log.SetFlags(log.LstdFlags)
		log.SetOutput(l.watch)
		logStart(dirErr)
		logErr("open the log file", err)
		return l
	}
	l.file = file
	l.watch = applog.NewStartupWatch(file)
	log.SetFlags(0) // the file stamps every line itself
	// Collected before this run logs anything, so that the report's log
	// lines are the crashed run's.
	report, collectErr := applog.CollectFatal(file.Dir())
	log.SetOutput(l.watch)
	logStart(dirErr)
	if file.Dir() != dataDir {
		log.Printf("pomi: the log is in %s because the data folder %q cannot hold it", file.Dir(), dataDir)
	}
	logErr("collect the last run's crash output", collectErr)
	if report != "" {
		log.Printf("pomi: the last run stopped on a fatal error; crash report %s", report)
	}
	l.fatal, err = applog.CaptureFatal(file.Dir())
	logErr("capture crash output", err)
	return l
}

// openLogFile opens pomi.log in the data folder ("" when there is none),
// else in the user's cache folder; a terminal's stderr gets a copy.
func openLogFile(dataDir string) (*applog.Log, error) {
	opts := applog.Options{}
	if applog.IsTerminal(os.Stderr) {
		opts.Console = os.Stderr
	}
	fallback, fallbackErr := applog.FallbackDir()
	file, err := applog.OpenFirst(opts, dataDir, fallback)
	if err != nil && fallbackErr != nil {
		return nil, fmt.Errorf("%w; %w", err, fallbackErr)
	}
	return file, err
}

// logStart is the log's first line of a run.
func logStart(dirErr error) {
	log.Printf("pomi: POMI Planner %s starting on %s/%s", app.Version, runtime.GOOS, runtime.GOARCH)
	logErr("find the data folder", dirErr)
}

// dir is the folder of the log and the crash reports, "" without a log file.
func (l *appLog) dir() string {
	if l.file == nil {
		return ""
	}
	return l.file.Dir()
}

// path is the log file's path, "" without one.
func (l *appLog) path() string {
	if l.file == nil {
		return ""
	}
	return l.file.Path()
}

// close ends the log at a normal exit; later log lines go to stderr.
func (l *appLog) close() {
	log.SetOutput(os.Stderr)
	if l.fatal != nil {
		l.fatal.Close()
	}
	if l.file != nil {
		l.file.Close()
	}
}

func logErr(what string, err error) {
	if err != nil {
		log.Printf("pomi: %s: %v", what, err)
	}
}
