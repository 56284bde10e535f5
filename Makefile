# The everyday commands (see CONTRIBUTING.md). `bash .ci/run` is what CI runs.
GO       ?= go
FUZZTIME ?= 10s
BENCH    ?= .
BENCHPKG ?= ./...

.PHONY: all test fuzz bench e2e lint golden ci

all: lint test

test:
	$(GO) test ./...

# Every fuzz target, FUZZTIME each (10s by default; nightly, not in CI:
# make fuzz FUZZTIME=2m). Crashers land in testdata/fuzz/ of the package.
fuzz:
	@git ls-files '*_test.go' | xargs grep -o '^func Fuzz[A-Za-z0-9_]*' | sed 's/:func / /' | \
	while read -r file target; do \
		echo "$$target ($$(dirname $$file))"; \
		$(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) ./$$(dirname $$file) || exit 1; \
	done

bench:
	TMPDIR=$${TMPDIR:-/dev/shm} $(GO) test -run '^$$' -bench '$(BENCH)' $(BENCHPKG)

e2e:
	npm ci --prefix e2e --ignore-scripts --no-audit --no-fund --loglevel=error
	npm test --prefix e2e

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) tool staticcheck ./...

# Rewrite the golden files; review the diff before committing it.
golden:
	$(GO) test ./generator ./generator/review -run Golden -update

ci:
	bash .ci/run
