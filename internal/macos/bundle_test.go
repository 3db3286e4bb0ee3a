package macos

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// repoIcon is cmd/pomi/Icon.png, the icon every package uses.
func repoIcon(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "cmd", "pomi", "Icon.png"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestICNSHoldsEverySizeAsPNG(t *testing.T) {
	icns, err := ICNS(repoIcon(t))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := ReadICNS(icns)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(IconSizes) {
		t.Fatalf("%d entries, want %d", len(entries), len(IconSizes))
	}
	for i, e := range entries {
		want := IconSizes[i]
		if e.Type != want.Type {
			t.Errorf("entry %d is %q, want %q", i, e.Type, want.Type)
		}
		img, err := png.Decode(bytes.NewReader(e.Data))
		if err != nil {
			t.Errorf("%s: %v", e.Type, err)
			continue
		}
		if b := img.Bounds(); b.Dx() != want.Size || b.Dy() != want.Size {
			t.Errorf("%s: %v, want %d px", e.Type, b, want.Size)
		}
		if _, ok := img.(*image.NRGBA); !ok {
			t.Errorf("%s: %T, want 8-bit NRGBA", e.Type, img)
		}
	}
}

func TestICNSRefusesWhatIsNotASquareIcon(t *testing.T) {
	for name, size := range map[string]image.Rectangle{
		"too small": image.Rect(0, 0, 256, 256),
		"not round": image.Rect(0, 0, 512, 600),
	} {
		var b bytes.Buffer
		if err := png.Encode(&b, image.NewNRGBA(size)); err != nil {
			t.Fatal(err)
		}
		if _, err := ICNS(b.Bytes()); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := ICNS([]byte("GIF89a")); err == nil {
		t.Error("not a PNG: no error")
	}
	if _, err := ReadICNS([]byte("icns\x00\x00\x00\x09x")); err == nil {
		t.Error("a truncated .icns was read")
	}
}

// fakeMachO writes a file that starts like a universal binary.
func fakeMachO(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pomi")
	if err := os.WriteFile(path, []byte("\xca\xfe\xba\xbe\x00\x00\x00\x02rest"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestAssembleLaysOutTheBundle(t *testing.T) {
	out := t.TempDir()
	b := Bundle{Info: repoInfo(t), Binary: fakeMachO(t), Icon: repoIcon(t),
		Notices: map[string][]byte{"LICENSE": []byte("Apache"), "THIRD_PARTY_NOTICES": []byte("Fyne")}}
	// A stale file from an earlier run must not survive into the new bundle.
	stale := filepath.Join(out, "POMI Planner.app", "Contents", "Resources", "old.txt")
	if err := os.MkdirAll(filepath.Dir(stale), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stale, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	app, err := b.Assemble(out)
	if err != nil {
		t.Fatal(err)
	}
	if app != filepath.Join(out, "POMI Planner.app") {
		t.Errorf("bundle at %s", app)
	}
	want := map[string]os.FileMode{
		"Contents/Info.plist":                    0o644,
		"Contents/PkgInfo":                       0o644,
		"Contents/MacOS/pomi":                    0o755,
		"Contents/Resources/icon.icns":           0o644,
		"Contents/Resources/LICENSE":             0o644,
		"Contents/Resources/THIRD_PARTY_NOTICES": 0o644,
	}
	found := map[string]bool{}
	err = filepath.WalkDir(app, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(app, path)
		rel = filepath.ToSlash(rel)
		found[rel] = true
		mode, ok := want[rel]
		if !ok {
			t.Errorf("unexpected file %s", rel)
			return nil
		}
		st, err := os.Stat(path)
		if err != nil {
			return err
		}
		if runtime.GOOS != "windows" && st.Mode().Perm() != mode {
			t.Errorf("%s: mode %v, want %v", rel, st.Mode().Perm(), mode)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for rel := range want {
		if !found[rel] {
			t.Errorf("missing %s", rel)
		}
	}
	plist, _ := os.ReadFile(filepath.Join(app, "Contents", "Info.plist"))
	if parsePlist(t, plist)["CFBundleExecutable"] != "pomi" {
		t.Error("Info.plist names another executable")
	}
	if pkg, _ := os.ReadFile(filepath.Join(app, "Contents", "PkgInfo")); string(pkg) != "APPL????" {
		t.Errorf("PkgInfo %q", pkg)
	}
}

func TestAssembleRefusesANoticeOutsideResources(t *testing.T) {
	b := Bundle{Info: repoInfo(t), Binary: fakeMachO(t), Icon: repoIcon(t),
		Notices: map[string][]byte{"../MacOS/pomi": []byte("x")}}
	if _, err := b.Assemble(t.TempDir()); err == nil {
		t.Error("a notice named ../MacOS/pomi was written")
	}
}

func TestAssembleRefusesANonMacBinary(t *testing.T) {
	elf := filepath.Join(t.TempDir(), "pomi")
	if err := os.WriteFile(elf, []byte("\x7fELF\x02\x01\x01"), 0o755); err != nil {
		t.Fatal(err)
	}
	b := Bundle{Info: repoInfo(t), Binary: elf, Icon: repoIcon(t)}
	if _, err := b.Assemble(t.TempDir()); err == nil {
		t.Error("bundled a Linux binary")
	}
	b.Binary = filepath.Join(t.TempDir(), "missing")
	if _, err := b.Assemble(t.TempDir()); err == nil {
		t.Error("bundled a missing binary")
	}
}
