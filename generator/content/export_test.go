package content

// Split exposes split to the tests of package content_test: the front
// matter and body of a content file and their lines, or the line of the
// error.
func Split(data []byte) (front []byte, frontLine int, body []byte, bodyLine int, errLine int, err error) {
	src, err := split(data)
	if err != nil {
		if se, ok := err.(*splitErr); ok {
			errLine = se.line
		}
		return nil, 0, nil, 0, errLine, err
	}
	return src.front, src.frontLine, src.body, src.bodyLine, 0, nil
}

// QuickTOML exposes quickTOML to the tests of package content_test.
var QuickTOML = quickTOML

// SlugifyRunes exposes slugify, Slugify without its ASCII shortcut.
var SlugifyRunes = slugify
