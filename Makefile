# Playbook: the two quick-start commands and the gate.
#   make site    build the sample handbook in content/ into public/ (installs what is missing)
#   make test    run the whole test suite: swift test, the language server's client tests (Tests/LSPClientTests), the browser tests (Tests/Browser)
#   make check   check the sample handbook only
#   make bench   benchmark against Hugo and the cmark floor, and search against Pagefind (bench/README.md)
SWIFT ?= swift
PLAYBOOK := .build/debug/playbook

.PHONY: site test check deps bench lint

deps:
	@scripts/install-deps.sh

$(PLAYBOOK): deps FORCE
	$(SWIFT) build --product playbook

site: $(PLAYBOOK)
	$(PLAYBOOK) build

check: $(PLAYBOOK)
	$(PLAYBOOK) check

test:
	@scripts/install-deps.sh --test
	$(SWIFT) test
	SWIFT=$(SWIFT) scripts/test-lsp.sh
	scripts/test-browser.sh

bench:
	@scripts/install-deps.sh --bench
	bench/run.sh
	bench/search.sh

FORCE:
