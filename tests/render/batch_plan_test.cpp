#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "render/batch.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {
namespace fs = std::filesystem;

class BatchPlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("readaloud-plan-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }
  fs::path dir_;
};

TEST_F(BatchPlanTest, IngestsEachInputOnceAndNamesThemUniquely) {
  const std::string a = write("a.md", "# Fever in Children\n\nGive plenty of fluids and let the child rest.\n");
  const std::string b = write("b.md", "# fever in children\n\nA second article with the same title.\n");
  const std::string c = write("c.md", "# Sleep\n\nKeep a regular bedtime.\n");
  RenderOptions options;
  options.output_dir = dir_ / "out";
  const BatchPlan plan = plan_batch({a, b, "-", c}, options);
  EXPECT_EQ(plan.slugs, (std::vector<std::string>{"fever-in-children", "fever-in-children-2", "", "sleep"}));
  ASSERT_EQ(plan.articles.size(), 4u);
  ASSERT_TRUE(plan.articles[0].has_value());
  EXPECT_EQ(plan.articles[0]->title, "Fever in Children");
  EXPECT_FALSE(plan.articles[2].has_value());  // standard input is read by its render
  ASSERT_TRUE(plan.articles[3].has_value());
  EXPECT_EQ(plan.articles[3]->title, "Sleep");
}

TEST_F(BatchPlanTest, LeavesUnreadableInputsToTheirRender) {
  const std::string a = write("a.md", "# One\n\nText.\n");
  RenderOptions options;
  options.output_dir = dir_ / "out";
  const BatchPlan plan = plan_batch({a, (dir_ / "missing.md").string()}, options);
  EXPECT_EQ(plan.slugs, (std::vector<std::string>{"one", ""}));
  EXPECT_FALSE(plan.articles[1].has_value());
}

TEST_F(BatchPlanTest, OneInputIsNotPlannedAhead) {
  const std::string a = write("a.md", "# One\n\nText.\n");
  RenderOptions options;
  options.output_dir = dir_ / "out";
  const BatchPlan plan = plan_batch({a}, options);
  EXPECT_EQ(plan.slugs, (std::vector<std::string>{""}));
  EXPECT_FALSE(plan.articles[0].has_value());
}

TEST_F(BatchPlanTest, AnOutputFolderThatIsAFileIsRefusedFirst) {
  const std::string file = write("taken", "x");
  RenderOptions options;
  options.output_dir = file;
  try {
    plan_batch({file, file}, options);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Runtime);
  }
}

}  // namespace
}  // namespace readaloud
