#include "util/interrupts.hpp"

#include <dlfcn.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <string>

namespace readaloud {
namespace {

TEST(Interrupts, RegistryHandsOutAndTakesBackSlots) {
  const int a = register_temporary("/tmp/readaloud-a");
  const int b = register_temporary("/tmp/readaloud-b");
  EXPECT_GE(a, 0);
  EXPECT_GE(b, 0);
  EXPECT_NE(a, b);
  unregister_temporary(a);
  EXPECT_EQ(register_temporary("/tmp/readaloud-c"), a);  // the freed slot is used again
  unregister_temporary(a);
  unregister_temporary(b);
  EXPECT_EQ(register_temporary(std::string(5000, 'x')), -1);  // too long for a slot
}

// The M4B module links its own copy of the core. A signal seen by this
// process must be seen by the module's copy too (one flag, one registry).
TEST(Interrupts, TheM4bModuleSharesThisProcesssFlag) {
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    install_signal_handlers();
    ::raise(SIGINT);  // the first signal only sets the flag
    void* module = ::dlopen((std::string(READALOUD_MODULE_DIR) + "/libreadaloud_m4b.so").c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!module) ::_exit(10);
    using Fn = int (*)();
    auto module_interrupted = reinterpret_cast<Fn>(::dlsym(module, "_ZN9readaloud11interruptedEv"));
    if (!module_interrupted) ::_exit(11);
    if (module_interrupted == &interrupted) ::_exit(12);  // not the module's own copy: the test proves nothing
    ::_exit(module_interrupted() == SIGINT ? 0 : 13);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace readaloud
