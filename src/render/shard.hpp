// Splitting a catalogue into N disjoint shards by a hash of each article's
// stable id, and reading K/N from `--shard` or from a scheduler's variables.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace readaloud {

/// Shard K of N (K is 1-based, 1 <= K <= N).
struct Shard {
  std::uint32_t index = 1;  ///< K
  std::uint32_t count = 1;  ///< N
  bool operator==(const Shard&) const = default;
};

/// The shard (1..count) an article with this stable id belongs to: the first
/// 8 bytes of SHA-256(id), big-endian, mod count, plus 1. It depends only on
/// the id and count, so adding articles never moves another one.
std::uint32_t shard_of(std::string_view id, std::uint32_t count);

/// Whether the article with this id belongs to `shard`.
bool in_shard(std::string_view id, const Shard& shard);

/// Reads an environment variable; nullopt when it is not set.
using EnvLookup = std::function<std::optional<std::string>(const char*)>;

/// The process environment (std::getenv).
EnvLookup process_environment();

/// Parses a `--shard` value: "K/N" with 1 <= K <= N, or "auto", which takes
/// K/N from the scheduler: SLURM_ARRAY_TASK_ID (minus SLURM_ARRAY_TASK_MIN
/// when set) + 1 of SLURM_ARRAY_TASK_COUNT, else JOB_COMPLETION_INDEX + 1
/// (Kubernetes Indexed Job), else PARALLEL_SEQ (GNU parallel, 1-based); the
/// latter two need `shard_count`, which also overrides Slurm's count.
/// Throws a usage Error (exit 2) with one clear line when anything is
/// missing or out of range.
Shard parse_shard(std::string_view value, std::optional<std::uint32_t> shard_count,
                  const EnvLookup& env);

/// Parses a `--shard-count` value (a whole number, 1 to 1,000,000); usage
/// Error naming the value otherwise.
std::uint32_t parse_shard_count(std::string_view value);

/// The `--shard`/`--shard-count` pair as typed ("" = not given): nullopt
/// when neither was given; usage Error for --shard-count alone or a bad value.
std::optional<Shard> shard_from_options(const std::string& shard, const std::string& shard_count,
                                        const EnvLookup& env);

/// "shard-K-of-N", as part file names and work folders name a shard.
std::string shard_name(const Shard& shard);

}  // namespace readaloud
