#pragma once
// Signals and the registry of temporary files, once per process. The M4B
// module (loaded with dlopen) links its own copy of the core; it finds the
// executable's registry and signal flag at run time, so an interrupt during
// M4B writing still removes its temporaries.

#include <string>

namespace readaloud {

/// Installs SIGINT/SIGTERM handlers that set a flag (see interrupted()) and
/// ignores SIGXFSZ so a file-size limit surfaces as a write error. A second
/// signal removes every registered temporary and exits at once.
void install_signal_handlers();

/// The signal that interrupted us, or 0.
int interrupted();

/// Throws Error(Interrupted) when a signal has arrived. Call it in long loops.
void check_interrupted();

/// Registers a temporary file for removal by a second signal. Returns its
/// slot, or -1 when the registry is full or the path too long (the file is
/// then only removed by its owner).
int register_temporary(const std::string& path);

/// Forgets the temporary in `slot` (from register_temporary; -1 is ignored).
void unregister_temporary(int slot);

}  // namespace readaloud
