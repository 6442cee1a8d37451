"""A single-node Slurm cluster in a temporary folder, for tests.

Debian 12's slurm-wlm (22.05) and munge, configured entirely inside one
folder: a munge key and munged on its own socket, slurm.conf with free ports
chosen at start, state, spool, logs and pid files. The daemons run as root in
their daemon mode; stop() ends them (and any job step left running) by the
pids they wrote, then removes the folder. A folder left by a run that was
killed before it could clean up is found by its owner's pid and cleaned at
the next start, so a leftover daemon can never answer for the new cluster.
"""
import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time

PREFIX = "readaloud-slurm-"
TOOLS = ["munged", "munge", "unmunge", "slurmctld", "slurmd", "sbatch", "squeue", "scontrol", "sinfo", "scancel"]


class SlurmUnavailable(Exception):
    """The cluster cannot run on this machine; the message says why."""


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def _read_pid(path):
    try:
        with open(path, encoding="ascii") as fh:
            return int(fh.read().strip())
    except (OSError, ValueError):
        return None


def _proc_text(pid, name):
    try:
        with open(f"/proc/{pid}/{name}", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def _zombie(pid):
    stat = _proc_text(pid, "stat")
    return stat[stat.rfind(")") + 1:].split()[:1] == ["Z"]


def _end(pids, wait_s=10.0):
    """SIGTERM, then SIGKILL what is still there after wait_s."""
    pids = [p for p in pids if p and _alive(p)]
    for p in pids:
        try:
            os.kill(p, signal.SIGTERM)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + wait_s
    while pids and time.monotonic() < deadline:
        pids = [p for p in pids if _alive(p) and not _zombie(p)]
        time.sleep(0.1)
    for p in pids:
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _stop_folder(root):
    """Ends every process this cluster folder started: the daemons by their
    pid files (only if the process still names the folder), then anything
    whose environment points at the folder's slurm.conf (job steps, jobs)."""
    daemons = []
    for name in ("slurmd.pid", "slurmctld.pid", "munge/munged.pid"):
        pid = _read_pid(os.path.join(root, name))
        if pid and root in _proc_text(pid, "cmdline"):
            daemons.append(pid)
    _end(daemons)
    marker = f"SLURM_CONF={os.path.join(root, 'slurm.conf')}"
    strays = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != os.getpid() and marker in _proc_text(entry, "environ"):
            strays.append(int(entry))
    _end(strays, wait_s=2.0)


def clean_leftovers():
    """Stops and removes cluster folders whose test process is gone."""
    for root in glob.glob(os.path.join(tempfile.gettempdir(), PREFIX + "*")):
        owner = _read_pid(os.path.join(root, "owner.pid"))
        if owner and _alive(owner):
            continue
        _stop_folder(root)
        shutil.rmtree(root, ignore_errors=True)


class SlurmCluster:
    """with SlurmCluster() as c: c.sbatch([...]); c.wait([...])"""

    def __init__(self):
        self.root = None
        self.conf = None
        self.node = socket.gethostname().split(".")[0]

    # ---- starting

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def env(self, **extra):
        env = dict(os.environ, SLURM_CONF=self.conf)
        env.update(extra)
        return env

    def start(self):
        if os.geteuid() != 0:
            raise SlurmUnavailable("the Slurm test starts slurmctld, slurmd and munged, which needs root "
                                   f"(running as uid {os.geteuid()})")
        missing = [t for t in TOOLS if shutil.which(t) is None]
        if missing:
            raise SlurmUnavailable(f"not installed: {' '.join(missing)} (scripts/setup.sh installs the "
                                   "Debian packages slurm-wlm and munge)")
        clean_leftovers()
        self.root = tempfile.mkdtemp(prefix=PREFIX)
        # munged wants every folder above its socket searchable by all.
        os.chmod(self.root, 0o755)
        with open(os.path.join(self.root, "owner.pid"), "w", encoding="ascii") as fh:
            fh.write(f"{os.getpid()}\n")
        self.conf = os.path.join(self.root, "slurm.conf")
        for d in ("munge", "state", "spool", "log"):
            os.makedirs(os.path.join(self.root, d))
        self._start_munge()
        self._write_conf()
        self._run(["slurmctld", "-f", self.conf], "slurmctld")
        self._until(lambda: "is UP" in self._out(["scontrol", "ping"]), 30, "slurmctld to answer")
        self._run(["slurmd", "-f", self.conf, "-N", self.node], "slurmd")
        self._until(lambda: self._out(["sinfo", "-h", "-N", "-o", "%T"]).strip() == "idle", 60,
                    f"node {self.node} to be idle")

    def _start_munge(self):
        m = os.path.join(self.root, "munge")
        self.munge_socket = os.path.join(m, "munge.sock")
        key = os.path.join(m, "munge.key")
        fd = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o400)
        with os.fdopen(fd, "wb") as fh:
            fh.write(os.urandom(1024))
        self._run(["munged", f"--socket={self.munge_socket}", f"--key-file={key}",
                   f"--log-file={m}/munged.log", f"--pid-file={m}/munged.pid",
                   f"--seed-file={m}/munged.seed"], "munged")

        def works():
            cred = subprocess.run(["munge", "-n", "-S", self.munge_socket], capture_output=True)
            return cred.returncode == 0 and subprocess.run(
                ["unmunge", "-S", self.munge_socket], input=cred.stdout, capture_output=True).returncode == 0
        self._until(works, 15, "munged to answer")

    def _write_conf(self):
        node = subprocess.run(["slurmd", "-C"], capture_output=True, text=True).stdout.splitlines()
        node_line = next((line for line in node if line.startswith("NodeName=")), None)
        if node_line is None:
            raise SlurmUnavailable("slurmd -C printed no NodeName line")
        # The controller and the node are this host; its address is loopback.
        node_line = re.sub(r"^NodeName=\S+", f"NodeName={self.node} NodeAddr=127.0.0.1", node_line)
        r = self.root
        lines = [
            "ClusterName=readaloudtest",
            f"SlurmctldHost={self.node}(127.0.0.1)",
            f"SlurmctldPort={_free_port()}",
            f"SlurmdPort={_free_port()}",
            "AuthType=auth/munge",
            "CredType=cred/munge",
            f"AuthInfo=socket={self.munge_socket}",
            "SlurmUser=root",
            "SlurmdUser=root",
            f"StateSaveLocation={r}/state",
            f"SlurmdSpoolDir={r}/spool",
            f"SlurmctldPidFile={r}/slurmctld.pid",
            f"SlurmdPidFile={r}/slurmd.pid",
            f"SlurmctldLogFile={r}/log/slurmctld.log",
            f"SlurmdLogFile={r}/log/slurmd.log",
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/none",
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_CPU",
            "MpiDefault=none",
            "SwitchType=switch/none",
            "JobAcctGatherType=jobacct_gather/none",
            "AccountingStorageType=accounting_storage/none",
            "JobCompType=jobcomp/none",
            # A failed array cancels the jobs that wait on it instead of
            # leaving them pending for ever.
            "DependencyParameters=kill_invalid_depend",
            # Finished jobs stay visible to scontrol for an hour: there is
            # no accounting database to ask afterwards.
            "MinJobAge=3600",
            "ReturnToService=2",
            "MailProg=/bin/true",
            f"{node_line} State=UNKNOWN",
            "PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP",
        ]
        with open(self.conf, "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")

    def _run(self, cmd, name):
        p = subprocess.run(cmd, env=self.env(), capture_output=True, text=True, timeout=60)
        if p.returncode != 0:
            raise SlurmUnavailable(f"{name} did not start (exit {p.returncode}): {p.stderr.strip()}\n{self.logs()}")

    def _out(self, cmd):
        p = subprocess.run(cmd, env=self.env(), capture_output=True, text=True, timeout=30)
        return p.stdout if p.returncode == 0 else ""

    def _until(self, check, timeout_s, what):
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if check():
                return
            time.sleep(0.25)
        raise SlurmUnavailable(f"timed out after {timeout_s} s waiting for {what}\n{self.logs()}")

    # ---- jobs

    def sbatch(self, args, env=None):
        """Submits; returns the job id."""
        p = subprocess.run(["sbatch", "--parsable", *args], env=env or self.env(), capture_output=True,
                           text=True, timeout=60)
        if p.returncode != 0:
            raise AssertionError(f"sbatch {' '.join(args)} failed: {p.stderr.strip()}")
        return p.stdout.strip().split(";")[0]

    def wait(self, job_ids, timeout_s):
        """Waits until no job of job_ids is queued or running; returns
        {job id: [(array task id or None, state, exit code)]} read from
        scontrol (there is no accounting database to ask)."""
        deadline = time.monotonic() + timeout_s
        ids = ",".join(job_ids)
        while True:
            queue = subprocess.run(["squeue", "-h", "-j", ids, "-o", "%i %T"], env=self.env(),
                                   capture_output=True, text=True, timeout=30)
            if queue.returncode == 0 and not queue.stdout.strip():
                break
            if time.monotonic() > deadline:
                raise AssertionError(f"jobs {ids} still queued after {timeout_s} s:\n{queue.stdout}\n{self.logs()}")
            time.sleep(0.5)
        states = {}
        for job in job_ids:
            out = self._out(["scontrol", "show", "job", "-o", job])
            tasks = []
            for line in out.splitlines():
                f = dict(re.findall(r"(\w+)=(\S*)", line))
                tasks.append((f.get("ArrayTaskId"), f.get("JobState"), f.get("ExitCode")))
            states[job] = sorted(tasks, key=lambda t: int(t[0]) if t[0] and t[0].isdigit() else -1)
        return states

    # ---- stopping

    def logs(self, lines=30):
        """The tails of the daemons' logs, for a failure message."""
        if not self.root:
            return ""
        out = []
        for name in ("munge/munged.log", "log/slurmctld.log", "log/slurmd.log"):
            path = os.path.join(self.root, name)
            if os.path.exists(path):
                with open(path, encoding="utf-8", errors="replace") as fh:
                    tail = fh.read().splitlines()[-lines:]
                out.append(f"--- {name}\n" + "\n".join(tail))
        return "\n".join(out)

    def stop(self):
        if not self.root:
            return
        if self.conf and os.path.exists(self.conf):
            try:
                subprocess.run(["scancel", "--user", "root"], env=self.env(), capture_output=True, timeout=15)
            except subprocess.TimeoutExpired:
                pass
        _stop_folder(self.root)
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None
