// Package serve is alongside's live editing loop: `alongside serve`
// builds a site into memory, serves it over HTTP, watches the site folder
// and rebuilds what changed, reloading the browser tabs that show it.
//
// The contract:
//
//   - Serving. The site is built with every profile (unapproved ones carry
//     their banner) and with base_url set to the server's own address,
//     keeping the path of the site's base_url; it is served under that
//     path, from memory. The server binds 127.0.0.1 unless told
//     otherwise and serves nothing but the files of the built site: a
//     path with a "." or ".." segment, a backslash, or a slash, backslash
//     or dot written as a %-escape is a 400; any other path not in the
//     build is a 404 with the site's 404.html. "/x" redirects to "/x/"
//     when "/x/index.html" exists. Every answer has Cache-Control:
//     no-store, and a Content-Type taken from the file's extension.
//
//   - Watching. site.toml, content/, themes/ and i18n/ are watched with fsnotify:
//     every folder, including those created later. Chmod-only events,
//     hidden files and editors' temporary files (x~, .x.swp, .x.swx,
//     vim's 4913, Emacs's .#x, x.tmp) are ignored. Events are debounced
//     with one timer, reset by each event (50 ms by default, and at most
//     20 times that after the first event of a burst). Then the paths
//     named by the events are read again as they are on disk now —
//     whatever sequence of writes, renames and removals led there — so
//     that saving by writing a temporary file and renaming it over the
//     old one, or a git checkout of 200 files, makes one rebuild. With
//     Options.Poll the same paths are found by walking the site and
//     comparing sizes and times, for shared drives without file events.
//
//   - Rebuilding only what changed. The content.Loader keeps every file
//     it read with its size, time and a hash of its bytes: a rebuild
//     re-reads the paths named (Loader.Update), and re-parses and
//     re-validates a file only when its bytes changed. A change to
//     site.toml reads the whole site again; a change to themes/ or i18n/, to
//     content/_index.md or to the title or weight of a page in the
//     navigation renders it all again. Otherwise the content.Change goes
//     to a render.Session, which renders only the pages that show a
//     changed profile: its own page and bundle files, and the pages of
//     the lists it was and is on (home, its partner's, its terms', the
//     indexes when a count or name changed). The pages that sum up every profile — the
//     first home page with its totals and charts, the annual reports,
//     /data/, the data files, the feed and the sitemap — cost more than
//     the rest of the site together; they are left out of the rebuild
//     (render.Deferred) and rendered right after it in the background,
//     one file after the other, each once: a request for one the
//     background has not reached renders that file alone (a request for
//     one being rendered waits for it), and the next rebuild cancels the
//     background (a request that still holds the older snapshot then
//     renders what it needs). The data files keep each unchanged
//     profile's part from the render before (export.Records), so that
//     they too are written again within moments of an edit. Tabs showing them are
//     told to reload. The new build shares every unchanged file with the old
//     one (a persistent map), so that a rebuild allocates in proportion
//     to what changed, not to the size of the site. Deleted and renamed
//     profiles disappear from every page, and their addresses answer 404.
//
//   - Never a half-built site. A request reads one immutable snapshot,
//     swapped atomically after each build: every answer is a complete file
//     of the old build or of the new one.
//
//   - A broken save never takes the site down. When the content has
//     errors, or the render fails, the last good build stays online, the
//     errors are printed on stderr as path:line:col: field: message, and
//     every HTML page carries an overlay with the errors and two lines of
//     source before and after each, escaped. Lines of the [private] table
//     (and of top-level private.* keys) are never shown, nor the message
//     of an error on such a line. The next good build removes the overlay.
//
//   - Live reload. In serve mode only, a few lines of inline script go
//     right after <head>: an EventSource on /__alongside/events (Server-
//     Sent Events). After each build the server sends the URL paths of the
//     pages whose bytes changed (and of the summary pages, which may have),
//     and each tab reloads only if its own page is among them; every tab
//     reloads when a file any page may use
//     changed (the stylesheet), when the overlay appears, changes or goes
//     away, and a 404 page reloads on any change. A tab that reconnects
//     gets what it missed.
//
// Handlers come from a Server; the package keeps no global state. Run
// shuts down when its context is done: it ends the event streams and
// shuts the HTTP server down, waiting up to two seconds for requests in
// flight.
package serve
