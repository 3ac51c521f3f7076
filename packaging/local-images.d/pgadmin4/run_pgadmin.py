# What the official image's /pgadmin4/run_pgadmin.py does, for the wheel layout.
import builtins
import os
import sys

sys.path.insert(0, '/venv/pgadmin4-package')
os.chdir('/venv/pgadmin4-package')
builtins.SERVER_MODE = None

from pgAdmin4 import app  # noqa: E402,F401
