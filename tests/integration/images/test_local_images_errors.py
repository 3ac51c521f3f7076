"""packaging/local-images when something it needs is missing (issue 13): one
sentence naming what and what to do, exit 1, no image made, before minutes are
spent; and its listings. Images under names no other suite uses, a cache of
its own; the faults are real (a closed port as the mirror, a 64 MB tmpfs as the
cache) except the missing debootstrap, named through PDD_DEBOOTSTRAP."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "e2e", "stack"))
import stackfixture as fx  # noqa: E402

TOOL = os.path.join(fx.SOURCE_DIR, "packaging", "local-images")
PREFIX = "pddtest-li-errors"


class LocalImagesErrors(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        fx.require_root_and_docker("bootstrapping Debian")

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="pdd-li-errors-")
        self.addCleanup(shutil.rmtree, self.dir, True)
        self.env = dict(os.environ, PDD_LOCAL_IMAGES_PREFIX=PREFIX,
                        PDD_LOCAL_IMAGES_CACHE=os.path.join(self.dir, "cache"))

    def run_tool(self, *args, **env):
        return subprocess.run([TOOL, *args], env=dict(self.env, **env), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, timeout=120)

    def assertNoImages(self):
        out = subprocess.run(["docker", "image", "ls", "-q", "--filter", f"reference={PREFIX}/*"],
                             stdout=subprocess.PIPE, text=True, check=True).stdout
        self.assertEqual(out.strip(), "", "an image was made")

    def assertOneSentence(self, p, *parts):
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        lines = p.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, p.stderr)
        for part in parts:
            self.assertIn(part, lines[0])
        self.assertTrue(lines[0].startswith("local-images: "), lines[0])

    def test_mirror_that_does_not_answer(self):
        p = self.run_tool("debian", PDD_DEBIAN_MIRROR="http://127.0.0.1:9/debian")
        self.assertOneSentence(p, "the Debian mirror http://127.0.0.1:9/debian does not answer for bookworm",
                               "Set PDD_DEBIAN_MIRROR (or --mirror)")
        self.assertNoImages()
        p = self.run_tool("--mirror", "http://127.0.0.1:9/debian", "postgres")
        self.assertOneSentence(p, "does not answer for bookworm")

    def test_no_debootstrap(self):
        p = self.run_tool("debian", PDD_DEBOOTSTRAP="/nonexistent/debootstrap")
        self.assertOneSentence(p, "debootstrap is not installed", "apt-get install debootstrap")
        self.assertNoImages()

    def test_no_space(self):
        cache = os.path.join(self.dir, "small")
        os.makedirs(cache)
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", cache], check=True)
        self.addCleanup(subprocess.run, ["umount", cache])
        p = self.run_tool("debian", PDD_LOCAL_IMAGES_CACHE=os.path.join(cache, "local-images"))
        self.assertOneSentence(p, "not enough disk space for the Debian root file system", "MB free on", "about 1000 MB needed")
        self.assertNoImages()

    def test_arguments_and_listings(self):
        p = self.run_tool("nosuch")
        self.assertEqual(p.returncode, 2)
        self.assertIn("unknown argument 'nosuch'", p.stderr)
        p = self.run_tool("--env")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.split(), [f"POSTGRES_IMAGE={PREFIX}/postgres:15", f"NGINX_IMAGE={PREFIX}/nginx:1.22",
                                            f"PGADMIN_IMAGE={PREFIX}/pgadmin4:8", f"PYTHON_IMAGE={PREFIX}/python:3.11"])
        p = self.run_tool("--list")
        self.assertEqual(p.returncode, 0, p.stderr)
        rows = p.stdout.splitlines()
        self.assertEqual(rows[0].split()[:3], ["NAME", "TAG", "STATE"])
        self.assertEqual([r.split()[:3] for r in rows[1:7]],
                         [[n, f"{PREFIX}/{t}", "missing"] for n, t in (("debian", "debian:bookworm"), ("postgres", "postgres:15"),
                                                                        ("nginx", "nginx:1.22"), ("python", "python:3.11"),
                                                                        ("pgadmin4", "pgadmin4:8"),
                                                                        ("postgres17", "postgres:17"))])
        self.assertTrue(rows[7].startswith("mirror: "), rows[7])
        # Estimates follow what is missing: everything here, the chains side by side.
        total = int(self.run_tool("--estimate").stdout)
        nginx = int(self.run_tool("--estimate", "nginx").stdout)
        self.assertGreater(total, nginx)
        self.assertGreater(nginx, 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
