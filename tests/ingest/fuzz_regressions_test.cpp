// Replays every saved fuzzer input (tests/fuzz/regressions/<target>/*)
// through the code its target runs (tests/fuzz/fuzz_targets.hpp): each must end
// in success or a readaloud::Error, never a crash, a hang or a sanitizer report
// (run the suite under sanitizers to see those).

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "fuzz/fuzz_targets.hpp"
#include "ingest/decode.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

namespace fs = std::filesystem;

const fs::path kRegressions = fs::path(READALOUD_SOURCE_DIR) / "tests" / "fuzz" / "regressions";

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// target folder name -> its input files, sorted.
std::map<std::string, std::vector<fs::path>> saved_inputs() {
  std::map<std::string, std::vector<fs::path>> out;
  for (const auto& dir : fs::directory_iterator(kRegressions)) {
    if (!dir.is_directory()) continue;
    auto& files = out[dir.path().filename().string()];
    for (const auto& f : fs::directory_iterator(dir.path()))
      if (f.is_regular_file()) files.push_back(f.path());
    std::sort(files.begin(), files.end());
  }
  return out;
}

TEST(FuzzRegressions, EveryFolderNamesATarget) {
  for (const auto& [target, files] : saved_inputs()) {
    EXPECT_NE(fuzz::target_named(target), nullptr) << "tests/fuzz/regressions/" << target << " matches no fuzz target";
    EXPECT_FALSE(files.empty()) << target;
  }
}

TEST(FuzzRegressions, TargetNamesResolve) {
  for (const char* name : {"fuzz_plaintext", "fuzz_markdown", "fuzz_html", "fuzz_json", "fuzz_boilerplate",
                           "fuzz_warnings", "fuzz_normalizer", "html"})
    EXPECT_NE(fuzz::target_named(name), nullptr) << name;
  EXPECT_EQ(fuzz::target_named("fuzz_pdf"), nullptr);
  EXPECT_EQ(fuzz::target_named(""), nullptr);
}

// Inputs saved from fuzzer findings and from pathological cases (deep nesting,
// quadratic scans) that were fixed. Each runs in well under a few seconds even
// unoptimised; a regression to quadratic time shows up as a slow test.
TEST(FuzzRegressions, SavedInputsEndInSuccessOrError) {
  const auto inputs = saved_inputs();
  ASSERT_FALSE(inputs.empty()) << kRegressions;
  std::size_t replayed = 0;
  for (const auto& [target, files] : inputs) {
    auto run = fuzz::target_named(target);
    if (run == nullptr) continue;  // reported by EveryFolderNamesATarget
    for (const auto& file : files) {
      SCOPED_TRACE(file.string());
      const std::string bytes = read_bytes(file);
      EXPECT_NO_THROW(run(bytes));  // readaloud::Error is caught inside; anything else escapes
      ++replayed;
    }
  }
  EXPECT_GT(replayed, 0u);
}

// Files of well-known binary formats are named as what they are, whatever the
// extension, instead of "invalid UTF-8 ...; try --encoding windows-1252".
TEST(DecodeBinaryFormats, NamedAsWhatTheyAre) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {std::string("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"), "binary data (a PDF document), not text"},
      {std::string("PK\x03\x04\x14\x00\x06\x00", 8),
       "binary data (a ZIP archive (.docx, .odt and .epub files are ZIP archives)), not text"},
      {std::string("\x89PNG\r\n\x1A\n\x00\x00", 10), "binary data (a PNG image), not text"},
      {std::string("\xFF\xD8\xFF\xE0"), "binary data (a JPEG image), not text"},
      {std::string("\x1F\x8B\x08\x00", 4), "binary data (gzip-compressed data), not text"},
  };
  for (const auto& [bytes, message] : cases) {
    for (const char* encoding : {"", "windows-1252"}) {
      try {
        (void)decode_text(bytes, encoding);
        ADD_FAILURE() << message << " was decoded with encoding '" << encoding << "'";
      } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Input);
        EXPECT_EQ(std::string(e.what()), message);
      }
    }
  }
  // Text that merely mentions a signature is text.
  EXPECT_EQ(decode_text("A %PDF- file is a PDF.\n"), "A %PDF- file is a PDF.\n");
}

}  // namespace
}  // namespace readaloud
