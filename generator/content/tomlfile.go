package content

// DecodeTOML reads a whole TOML file that is neither front matter nor
// site.toml, such as a catalog of UI strings (package i18n), the way
// ParseConfig reads site.toml: the same limits, and each syntax error as a
// Problem at the parser's position, in plain words for the common
// mistakes. A "key = value" line with a syntax error is left out and the
// rest of the file read on, so that one run reports every such line; m is
// then the rest. m is nil when nothing of the file can be read (not UTF-8,
// a broken table header, over the limits). path is used in problems.
//
// keys tells where each key and table header is written, by dotted path,
// as KeysOf does for front matter: "nav.partners", "count.partnerships"
// (a [count.partnerships] line), "count.partnerships.one".
func DecodeTOML(path string, data []byte) (m map[string]any, keys map[string]KeyPos, probs Problems) {
	d := &decoder{path: path, openLine: 1}
	text, err := utf8Text(data)
	if err != nil {
		return nil, nil, Problems{splitProblem(path, err)}
	}
	m, ok := d.decodeTOML(text, 1)
	if !ok {
		return nil, nil, d.problems
	}
	idx := indexKeys(d.front, 1)
	keys = make(map[string]KeyPos, len(idx))
	for k, p := range idx {
		if !p.implicit {
			keys[k] = KeyPos{Line: p.line, Col: p.col, ValueCol: p.valCol}
		}
	}
	return m, keys, d.problems
}
