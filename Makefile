# Quick start: `make site` builds site/ from content/, `make test` runs the tests.
# Both install the C libraries sitegen needs (Debian packages) when they are missing.
SWIFT ?= swift
DEB_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libicu-dev libpsl-dev publicsuffix libssl-dev

.PHONY: site test deps release check clean

deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

site: deps
	$(SWIFT) run sitegen build

check: deps
	$(SWIFT) run sitegen check

test: deps
	$(SWIFT) test --disable-swift-testing

release: deps
	$(SWIFT) build -c release

clean:
	rm -rf .build site
