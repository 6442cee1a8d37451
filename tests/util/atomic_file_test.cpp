#include "util/atomic_file.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "util/error.hpp"

namespace readaloud {
namespace fs = std::filesystem;
namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("readaloud-atomic-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::size_t entries() const { return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir_), {})); }
  fs::path dir_;
};

TEST_F(AtomicFileTest, CommitReplacesTheOlderFileWhole) {
  const fs::path target = dir_ / "out.txt";
  write_file_atomically(target, "old");
  {
    AtomicFile file(target);
    write_text(file, "new contents");
    EXPECT_EQ(slurp(target), "old");  // nothing changes until commit
    file.commit();
  }
  EXPECT_EQ(slurp(target), "new contents");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFileTest, WithoutCommitTheTemporaryGoesAndTheOlderFileStays) {
  const fs::path target = dir_ / "out.txt";
  write_file_atomically(target, "old");
  {
    AtomicFile file(target);
    write_text(file, "half");
  }
  EXPECT_EQ(slurp(target), "old");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFileTest, AnOutputFolderThatIsAFileIsAClearError) {
  write_file_atomically(dir_ / "file", "x");
  try {
    ensure_output_dir(dir_ / "file");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Runtime);
    EXPECT_EQ(std::string(e.what()), (dir_ / "file").string() + ": output folder is not a folder");
  }
}

}  // namespace
}  // namespace readaloud
