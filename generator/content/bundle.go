package content

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"path"
	"strings"
)

// readBundle lists the files of the bundle folder dir (slash-separated,
// relative to the site) that a build publishes, relative to it: those
// Publishable says yes to. It leaves out index.md, hidden files and
// editors' files silently, and every other file with a warning naming it
// (a copy of index.md would publish its [private] table). A named pipe,
// a device or a socket is an error. ok is false when dir is not a folder
// or has no index.md (which is then one of the problems).
// It also returns the names of the translations of index.md in the folder
// (index.<code>.md), which it neither publishes nor warns about.
func readBundle(fsys fs.FS, dir string) (files, trans []string, ok bool, probs Problems) {
	if fi, err := fs.Stat(fsys, dir); err != nil || !fi.IsDir() {
		return nil, nil, false, nil
	}
	if _, err := fs.Stat(fsys, dir+"/index.md"); err != nil {
		return nil, nil, false, Problems{{Path: dir, Line: 1, Col: 1, Message: "this folder has no index.md: a bundle keeps its profile in index.md beside its files"}}
	}
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			probs = append(probs, Problem{Path: p, Line: 1, Col: 1, Warning: true, Message: "not copied: " + shortErr(err)})
			return nil
		}
		name := d.Name()
		if p != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || p == dir+"/index.md" || IsEditorTemp(name) {
			return nil
		}
		if src, _, isTrans := TranslationOf(name); isTrans && src == "index.md" && path.Dir(p) == dir {
			trans = append(trans, name)
			return nil
		}
		switch why := publishable(fsys, p, d); {
		case why == "":
			files = append(files, strings.TrimPrefix(p, dir+"/"))
		case d.Type()&(fs.ModeNamedPipe|fs.ModeDevice|fs.ModeCharDevice|fs.ModeSocket) != 0:
			probs = append(probs, Problem{Path: p, Line: 1, Col: 1, Message: ErrNotFile.Error()})
		case d.Type()&fs.ModeSymlink != 0 && escapes(fsys, p):
			probs = append(probs, Problem{Path: p, Line: 1, Col: 1, Message: "is a link that leads outside the site: alongside reads only what is inside the site folder"})
		default:
			probs = append(probs, Problem{Path: p, Line: 1, Col: 1, Warning: true, Message: "not published: " + why})
		}
		return nil
	})
	if err != nil {
		probs = append(probs, Problem{Path: dir, Line: 1, Col: 1, Message: "cannot read the folder: " + shortErr(err)})
	}
	return files, trans, true, probs
}

// mediaTypes are the extensions of the files a bundle publishes: images,
// documents, audio and video, and captions. Anything else (Markdown,
// TOML, HTML, scripts, archives, backups) could carry what must not be
// published, or run in a reader's browser.
var mediaTypes = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".avif": true, ".svg": true,
	".pdf": true, ".txt": true, ".csv": true, ".rtf": true, ".epub": true,
	".doc": true, ".docx": true, ".odt": true, ".xls": true, ".xlsx": true, ".ods": true, ".ppt": true, ".pptx": true, ".odp": true,
	".mp3": true, ".m4a": true, ".ogg": true, ".oga": true, ".opus": true, ".wav": true, ".flac": true, ".aac": true,
	".mp4": true, ".m4v": true, ".webm": true, ".ogv": true, ".mov": true, ".vtt": true,
}

// publishable says why the bundle file p (whose entry is d) is not
// published, or "" when it is: a plain file (not a link) of one of the
// mediaTypes, and an SVG only when SafeSVG says so.
func publishable(fsys fs.FS, p string, d fs.DirEntry) string {
	ext := strings.ToLower(path.Ext(p))
	switch {
	case d.Type()&fs.ModeSymlink != 0:
		return "a link to another file is never followed (copy the file into the folder)"
	case !d.Type().IsRegular():
		return ErrNotFile.Error()
	case !mediaTypes[ext]:
		return "only photos, documents, audio and video are published from a bundle, not " + kindOfFile(ext)
	case ext == ".svg":
		if why := svgProblem(fsys, p); why != "" {
			return why
		}
	}
	return ""
}

// kindOfFile names what a file of extension ext is, for a warning.
func kindOfFile(ext string) string {
	switch ext {
	case ".md", ".markdown":
		return "a Markdown file (only index.md is the profile, and it is never copied)"
	case ".toml":
		return "a TOML file"
	case ".html", ".htm", ".xhtml":
		return "an HTML page (it could run scripts)"
	case ".orig", ".bak", ".save", ".old", ".rej":
		return "a backup copy"
	case "":
		return "a file without an extension"
	}
	return "a " + ext + " file"
}

// maxSVG is the largest SVG a bundle publishes: SafeSVG reads it whole.
const maxSVG = 4 << 20

// svgProblem says why the SVG file p must not be published, or "": it
// must be at most maxSVG bytes and pass SafeSVG.
func svgProblem(fsys fs.FS, p string) string {
	f, err := fsys.Open(p)
	if err != nil {
		return "cannot read it: " + shortErr(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSVG+1))
	switch {
	case err != nil:
		return "cannot read it: " + shortErr(err)
	case len(data) > maxSVG:
		return "an SVG drawing larger than 4 MB"
	case !SafeSVG(data):
		return "an SVG drawing with a script, an event handler or a link to another file or site (it would run or load something in a reader's browser)"
	}
	return ""
}

// SafeSVG reports whether the SVG data is a plain drawing: well-formed
// XML without a DOCTYPE (entities), a script, a foreignObject, an event
// handler attribute (on…), a reference (href, src, style or CSS url())
// to anything but a fragment of itself ("#id"), or a CSS @import.
func SafeSVG(data []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
		switch t := tok.(type) {
		case xml.Directive:
			return false // <!DOCTYPE …> and <!ENTITY …>
		case xml.ProcInst:
			if t.Target != "xml" {
				return false // <?xml-stylesheet …?>
			}
		case xml.CharData:
			if !safeCSS(string(t)) {
				return false
			}
		case xml.StartElement:
			switch strings.ToLower(t.Name.Local) {
			case "script", "foreignobject", "iframe", "embed", "object", "audio", "video", "handler", "listener":
				return false
			}
			for _, a := range t.Attr {
				name := strings.ToLower(a.Name.Local)
				switch {
				case strings.HasPrefix(name, "on"):
					return false
				case name == "href" || name == "src":
					if !strings.HasPrefix(strings.TrimSpace(a.Value), "#") {
						return false
					}
				case !safeCSS(a.Value):
					return false
				}
			}
		}
	}
}

// safeCSS reports whether s, a style or any text, has no CSS @import and
// no url() but to a fragment ("url(#gradient)").
func safeCSS(s string) bool {
	s = strings.ToLower(s)
	if strings.Contains(s, "@import") {
		return false
	}
	for {
		i := strings.Index(s, "url(")
		if i < 0 {
			return true
		}
		s = strings.TrimLeft(s[i+4:], " \t\n\"'")
		if !strings.HasPrefix(s, "#") {
			return false
		}
	}
}

// isContentFile reports whether name is a Markdown content file: not
// hidden, not an editor's backup.
func isContentFile(name string) bool {
	return strings.HasSuffix(name, ".md") && !strings.HasPrefix(name, ".") && !IsEditorTemp(name)
}

// IsEditorTemp reports names that editors write while saving (vim's
// swap files and 4913, emacs's .# locks, ~ backups, .tmp files).
func IsEditorTemp(name string) bool {
	return strings.HasSuffix(name, "~") || strings.HasPrefix(name, ".#") || name == "4913" ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp")
}

func readProblem(rel string, err error) Problem {
	if errors.Is(err, errTooLarge) {
		return Problem{Path: rel, Line: 1, Col: 1, Message: err.Error()}
	}
	return Problem{Path: rel, Line: 1, Col: 1, Message: "cannot read: " + shortErr(err)}
}

// escapes reports whether the link p leads out of the site (or nowhere).
func escapes(fsys fs.FS, p string) bool {
	_, err := fs.Stat(fsys, p)
	return err != nil && !errors.Is(err, fs.ErrNotExist)
}

// ErrNotFile is the error of a content path that is a named pipe, a
// device or a socket.
var ErrNotFile = errors.New("not a file (a named pipe, a device or a socket): alongside reads only plain files")

// dirProblems says why the folder rel could not be listed, when err is
// not that it does not exist: a folder that is a link out of the site
// must not pass for an empty one, which would publish an empty site.
func dirProblems(rel string, err error) Problems {
	switch {
	case err == nil, errors.Is(err, fs.ErrNotExist):
		return nil
	case strings.Contains(err.Error(), "escapes"):
		return Problems{{Path: rel, Line: 1, Col: 1, Message: "is a link to a folder outside the site: alongside reads only what is inside the site folder (move the folder into it)"}}
	}
	return Problems{{Path: rel, Line: 1, Col: 1, Message: "cannot read the folder: " + shortErr(err)}}
}

func shortErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// BundlePath is the path of a bundle file relative to the site.
func (p *Profile) BundlePath(name string) string { return path.Join(p.BundleDir, name) }
