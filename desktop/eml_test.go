package desktop

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const (
	testSubject = "Handlingsplan för Möllevångens Pastafabrik AB"
	testBody    = "Hej Agneta!\n\nHär är handlingsplanen från vårt möte den 10 november 2026.\nÅtgärderna står på sidan 2; hör av dig om något är oklart.\n\nVänliga hälsningar\nBörje Åström\nAlmi Företagspartner Skåne"
	testName    = "Möllevångens Pastafabrik AB 2026-11-10 handlingsplan.pdf"
)

// testPDF writes a file of random bytes (every byte value, so the base64
// part is really tested) under a Swedish name in a temp folder.
func testPDF(t *testing.T) (string, []byte) {
	t.Helper()
	data := append([]byte("%PDF-1.7\n"), make([]byte, 5000)...)
	if _, err := rand.Read(data[9:]); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), testName)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, data
}

func TestEMLParsesBackWithEveryPart(t *testing.T) {
	path, pdf := testPDF(t)
	var buf bytes.Buffer
	now := time.Date(2026, 11, 10, 15, 4, 0, 0, time.FixedZone("CET", 3600))
	d := Draft{To: "agneta@mollevangen.se", Subject: testSubject, Body: testBody, Attachment: path}
	if err := WriteEML(&buf, d, now); err != nil {
		t.Fatal(err)
	}
	raw := buf.String()
	head, body, _ := strings.Cut(raw, "\r\n\r\n")
	for i, line := range strings.Split(head, "\r\n") {
		if len(line) > 998 {
			t.Errorf("header line %d has %d characters: %.40s…", i, len(line), line)
		}
	}
	for i, line := range strings.Split(body, "\r\n") {
		// Part headers may be long (a file name in RFC 2231 form); the
		// text and the base64 lines keep to 76.
		isHeader := strings.HasPrefix(line, "Content-") || strings.HasPrefix(line, " ")
		if len(line) > 998 || len(line) > 76 && !isHeader {
			t.Errorf("line %d has %d characters: %.40s…", i, len(line), line)
		}
	}
	if strings.Contains(strings.ReplaceAll(raw, "\r\n", ""), "\n") {
		t.Error("a line ends with LF alone")
	}
	msg, err := mail.ReadMessage(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	h := msg.Header
	if h.Get("X-Unsent") != "1" || h.Get("MIME-Version") != "1.0" {
		t.Errorf("X-Unsent %q, MIME-Version %q", h.Get("X-Unsent"), h.Get("MIME-Version"))
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(h.Get("Subject"))
	if err != nil || subject != testSubject {
		t.Errorf("subject %q (%v), want %q", subject, err, testSubject)
	}
	if to, err := h.AddressList("To"); err != nil || len(to) != 1 || to[0].Address != d.To {
		t.Errorf("To %v (%v)", to, err)
	}
	if date, err := h.Date(); err != nil || !date.Equal(now) {
		t.Errorf("Date %v (%v)", date, err)
	}
	mediaType, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil || mediaType != "multipart/mixed" {
		t.Fatalf("content type %q (%v)", mediaType, err)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	emlBodyPart(t, mr)
	emlPDFPart(t, mr, pdf)
	if _, err := mr.NextPart(); err != io.EOF {
		t.Errorf("a third part: %v", err)
	}
}

func emlBodyPart(t *testing.T, mr *multipart.Reader) {
	t.Helper()
	part, err := mr.NextRawPart() // raw, to decode the quoted-printable here
	if err != nil {
		t.Fatal(err)
	}
	if ct := part.Header.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
		t.Errorf("body type %q", ct)
	}
	if cte := part.Header.Get("Content-Transfer-Encoding"); cte != "quoted-printable" {
		t.Errorf("body encoding %q", cte)
	}
	body, err := io.ReadAll(quotedprintable.NewReader(part))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.ReplaceAll(string(body), "\r\n", "\n"); got != testBody {
		t.Errorf("body\n%s\nwant\n%s", got, testBody)
	}
}

func emlPDFPart(t *testing.T, mr *multipart.Reader, pdf []byte) {
	t.Helper()
	part, err := mr.NextPart()
	if err != nil {
		t.Fatal(err)
	}
	if part.FileName() != testName {
		t.Errorf("file name %q, want %q", part.FileName(), testName)
	}
	mediaType, params, err := mime.ParseMediaType(part.Header.Get("Content-Type"))
	if err != nil || mediaType != "application/pdf" {
		t.Errorf("attachment type %q (%v)", mediaType, err)
	}
	if name, err := new(mime.WordDecoder).DecodeHeader(params["name"]); err != nil || name != testName {
		t.Errorf("Content-Type name %q (%v)", name, err)
	}
	if cte := part.Header.Get("Content-Transfer-Encoding"); cte != "base64" {
		t.Errorf("attachment encoding %q", cte)
	}
	got, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, part))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, pdf) {
		t.Errorf("attachment has %d bytes, differing from the PDF's %d", len(got), len(pdf))
	}
}

func TestEMLLeavesOutABadRecipientAndFoldsALongSubject(t *testing.T) {
	path, _ := testPDF(t)
	long := strings.Repeat("Åtgärder för export till Tyskland och Norge ", 4)
	var buf bytes.Buffer
	if err := WriteEML(&buf, Draft{To: "inte en adress", Subject: long + "\n", Attachment: path}, time.Now()); err != nil {
		t.Fatal(err)
	}
	msg, err := mail.ReadMessage(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := msg.Header["To"]; ok {
		t.Errorf("an invalid recipient was written: %q", msg.Header.Get("To"))
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if want := strings.TrimSpace(long); err != nil || subject != want {
		t.Errorf("subject\n%q\nwant\n%q", subject, want)
	}
}

func TestEMLOfAMissingAttachmentFails(t *testing.T) {
	err := WriteEML(io.Discard, Draft{Attachment: filepath.Join(t.TempDir(), "borta.pdf")}, time.Now())
	if !os.IsNotExist(err) && (err == nil || !strings.Contains(err.Error(), "attachment")) {
		t.Errorf("err = %v", err)
	}
}
