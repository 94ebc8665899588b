# crosscheck — the two commands of the quick start:
#   make run    install what is missing, build, analyse the example corpus
#   make test   install what is missing, build with sanitizers, run every test and fuzz smoke run
JOBS      ?= $(shell nproc)
RELEASE   := build/release
CHECK     := build/asan
FUZZ      := build/fuzz
FUZZ_SECS ?= 10
CMAKE_GEN := -G Ninja

.PHONY: all deps build run test check-build fuzz bench clean

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(RELEASE) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(RELEASE) -j $(JOBS)

run: build
	@$(RELEASE)/src/crosscheck analyze --format terminal examples/corpus

check-build: deps
	@cmake -S . -B $(CHECK) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DCROSSCHECK_SANITIZE=ON >/dev/null
	@cmake --build $(CHECK) -j $(JOBS)

fuzz: deps
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCROSSCHECK_FUZZ=ON >/dev/null
	@cmake --build $(FUZZ) -j $(JOBS) --target fuzz_targets
	@bash scripts/run-fuzzers.sh $(FUZZ) $(FUZZ_SECS)

test: check-build
	@cd $(CHECK) && ctest --output-on-failure -j $(JOBS)
	@$(MAKE) --no-print-directory fuzz

bench: build
	@bash bench/run.sh $(RELEASE)

clean:
	rm -rf build
