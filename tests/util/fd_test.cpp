#include "util/fd.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <string>

namespace readaloud {
namespace {

TEST(Fd, WritesAndReadsInFullThroughAPipe) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  Fd in(fds[0]), out(fds[1]);
  const std::string text(3000, 'x');
  ASSERT_TRUE(write_all(out.get(), text.data(), text.size()));
  ::close(out.release());
  std::string back(5000, '\0');
  EXPECT_EQ(read_full(in.get(), back.data(), back.size()), text.size());  // stops at the end of the stream
  back.resize(text.size());
  EXPECT_EQ(back, text);
  char c = 0;
  EXPECT_EQ(read_some(in.get(), &c, 1), 0);
}

TEST(Fd, WriteAllReportsAnError) {
  errno = 0;
  EXPECT_FALSE(write_all(-1, "x", 1));
  EXPECT_EQ(errno, EBADF);
}

TEST(Fd, PreadFullReadsAtAnOffset) {
  char name[] = "/tmp/readaloud-fd-XXXXXX";
  Fd file(::mkstemp(name));
  ASSERT_GE(file.get(), 0);
  ::unlink(name);
  ASSERT_TRUE(pwrite_all(file.get(), "hello world", 11, 0));
  char buf[5] = {};
  EXPECT_EQ(pread_full(file.get(), buf, 5, 6), 5u);
  EXPECT_EQ(std::string(buf, 5), "world");
}

TEST(Fd, PwriteAllWritesAtItsOffsetAndPreadFullStopsAtTheEnd) {
  char name[] = "/tmp/readaloud-fd-XXXXXX";
  Fd file(::mkstemp(name));
  ASSERT_GE(file.get(), 0);
  ::unlink(name);
  const std::string big(1 << 20, 'a');
  ASSERT_TRUE(pwrite_all(file.get(), big.data(), big.size(), 4));
  ASSERT_TRUE(pwrite_all(file.get(), "xyz", 3, 0));
  std::string back(big.size() + 100, '\0');
  EXPECT_EQ(pread_full(file.get(), back.data(), back.size(), 2), big.size() + 2);
  EXPECT_EQ(back.substr(0, 4), std::string("z\0aa", 4));
  EXPECT_FALSE(pwrite_all(-1, "x", 1, 0));
}

TEST(Fd, ReadWholeFileReadsEveryBlockAndReportsWhyNot) {
  const auto dir = std::filesystem::temp_directory_path() / ("fd_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "bytes.bin").string();
  std::string text;
  for (int i = 0; i < 200000; ++i) text += static_cast<char>(i % 251);  // more than one read block, with NULs
  {
    Fd file(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600));
    ASSERT_TRUE(write_all(file.get(), text.data(), text.size()));
  }
  std::string back = "old";
  ASSERT_TRUE(read_whole_file(path, back));
  EXPECT_EQ(back, text);
  errno = 0;
  EXPECT_FALSE(read_whole_file((dir / "absent").string(), back));
  EXPECT_EQ(errno, ENOENT);
  errno = 0;
  EXPECT_FALSE(read_whole_file(dir.string(), back));
  EXPECT_EQ(errno, EISDIR);
  std::filesystem::remove_all(dir);
}

TEST(Fd, WaitForReapsAChild) {
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) ::_exit(7);
  int status = 0;
  EXPECT_EQ(wait_for(pid, &status), pid);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 7);
}

}  // namespace
}  // namespace readaloud
