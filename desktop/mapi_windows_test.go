package desktop

import (
	"testing"
	"unsafe"

	"golang.org/x/sys/windows"
)

// The structs must have MAPI.h's sizes, or MAPISendMailW reads garbage.
func TestMAPIStructsHaveTheCLayout(t *testing.T) {
	want := map[uintptr][3]uintptr{8: {40, 40, 96}, 4: {24, 24, 48}}[unsafe.Sizeof(uintptr(0))]
	got := [3]uintptr{unsafe.Sizeof(mapiRecipDescW{}), unsafe.Sizeof(mapiFileDescW{}), unsafe.Sizeof(mapiMessageW{})}
	if got != want {
		t.Errorf("sizes %v, want %v", got, want)
	}
}

func TestMAPIMessageCarriesTheDraft(t *testing.T) {
	msg, err := mapiMessage(Draft{To: "a@b.se", Subject: "Plan för AB", Body: "Hej\nDå", Attachment: `C:\p\plan.pdf`})
	if err != nil {
		t.Fatal(err)
	}
	if windows.UTF16PtrToString(msg.noteText) != "Hej\r\nDå" || windows.UTF16PtrToString(msg.recips.address) != "SMTP:a@b.se" ||
		windows.UTF16PtrToString(msg.files.fileName) != "plan.pdf" || msg.fileCount != 1 || msg.recipCount != 1 {
		t.Errorf("message %+v", msg)
	}
}
