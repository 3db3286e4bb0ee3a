package desktop

import (
	"bufio"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// WriteEML writes d as an unsent e-mail message (RFC 5322, MIME
// multipart/mixed) with the attachment's bytes read from d.Attachment.
// "X-Unsent: 1" makes Outlook and Windows Mail open it as a draft to send.
func WriteEML(w io.Writer, d Draft, now time.Time) error {
	pdf, err := os.ReadFile(d.Attachment)
	if err != nil {
		return fmt.Errorf("read the attachment: %w", err)
	}
	bw := bufio.NewWriter(w)
	mw := multipart.NewWriter(bw)
	header(bw, "X-Unsent", "1")
	if to, err := mail.ParseAddress(d.To); err == nil {
		header(bw, "To", to.String())
	}
	header(bw, "Subject", encodeSubject(d.Subject))
	header(bw, "Date", now.Format(time.RFC1123Z))
	header(bw, "MIME-Version", "1.0")
	header(bw, "Content-Type", folded(mime.FormatMediaType("multipart/mixed", map[string]string{"boundary": mw.Boundary()})))
	bw.WriteString("\r\n")
	if err := writeBody(mw, d.Body); err != nil {
		return err
	}
	if err := writeAttachment(mw, filepath.Base(d.Attachment), pdf); err != nil {
		return err
	}
	if err := mw.Close(); err != nil {
		return err
	}
	return bw.Flush()
}

func header(w *bufio.Writer, name, value string) {
	w.WriteString(name + ": " + value + "\r\n")
}

// encodeSubject encodes a non-ASCII subject as RFC 2047 words, one per
// folded line, so that no header line grows past the recommended length.
func encodeSubject(s string) string {
	s = strings.Join(strings.Fields(s), " ") // no line breaks in a header
	return strings.ReplaceAll(mime.QEncoding.Encode("utf-8", s), "?= =?", "?=\r\n =?")
}

// folded puts each parameter of a media type on a line of its own, which
// keeps the header lines short; readers join folded lines again.
func folded(mediaType string) string {
	return strings.ReplaceAll(mediaType, "; ", ";\r\n ")
}

func writeBody(mw *multipart.Writer, body string) error {
	h := textproto.MIMEHeader{}
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Content-Transfer-Encoding", "quoted-printable")
	part, err := mw.CreatePart(h)
	if err != nil {
		return err
	}
	qp := quotedprintable.NewWriter(part)
	if _, err := io.WriteString(qp, body); err != nil {
		return err
	}
	return qp.Close()
}

// writeAttachment adds the PDF, base64 in lines of 76 characters. A
// non-ASCII file name goes in both forms mail programs read: RFC 2231 in
// Content-Disposition and RFC 2047 in Content-Type's name.
func writeAttachment(mw *multipart.Writer, name string, data []byte) error {
	h := textproto.MIMEHeader{}
	h.Set("Content-Type", folded(mime.FormatMediaType("application/pdf", map[string]string{"name": mime.BEncoding.Encode("utf-8", name)})))
	h.Set("Content-Disposition", folded(mime.FormatMediaType("attachment", map[string]string{"filename": name})))
	h.Set("Content-Transfer-Encoding", "base64")
	part, err := mw.CreatePart(h)
	if err != nil {
		return err
	}
	enc := base64.StdEncoding.EncodeToString(data)
	for len(enc) > 0 {
		n := min(76, len(enc))
		if _, err := io.WriteString(part, enc[:n]+"\r\n"); err != nil {
			return err
		}
		enc = enc[n:]
	}
	return nil
}

// draftPath is where the .eml draft for a PDF goes: beside it, same name.
func draftPath(pdf string) string {
	return strings.TrimSuffix(pdf, filepath.Ext(pdf)) + ".eml"
}

// writeDraftFile writes the draft to path, replacing an earlier one.
func writeDraftFile(path string, d Draft, now time.Time) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	return WriteEML(f, d, now)
}
