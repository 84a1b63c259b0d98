# `make test-browser`: the interactive timeline page in headless Chromium
# (tests/browser/). Not part of `make test`: it installs Chromium and an npm package.

.PHONY: test-browser

test-browser: build
	tools/browser-test.sh $(BUILD_DIR)
