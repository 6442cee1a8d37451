#include "render/shard.hpp"

#include <charconv>
#include <cstdlib>

#include "publish/manifest.hpp"
#include "util/error.hpp"

namespace readaloud {

namespace {

// Whole-string unsigned decimal; nullopt for anything else (signs, spaces, overflow).
std::optional<std::uint64_t> parse_unsigned(std::string_view text) {
  std::uint64_t value = 0;
  if (text.empty()) return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

constexpr std::uint64_t kMaxShards = 1'000'000;

std::uint64_t env_number(const EnvLookup& env, const char* name) {
  auto text = env(name);
  if (!text) throw_usage(std::string("--shard auto: ") + name + " is not set");
  auto value = parse_unsigned(*text);
  if (!value) {
    throw_usage(std::string("--shard auto: ") + name + " is not a whole number: '" + *text + "'");
  }
  return *value;
}

Shard checked(std::uint64_t index, std::uint64_t count, std::string_view what) {
  if (count < 1 || count > kMaxShards) {
    throw_usage(std::string(what) + ": the shard count must be 1 to " + std::to_string(kMaxShards) +
                ", not " + std::to_string(count));
  }
  if (index < 1 || index > count) {
    throw_usage(std::string(what) + ": shard " + std::to_string(index) + " is not within 1 to " +
                std::to_string(count));
  }
  return Shard{static_cast<std::uint32_t>(index), static_cast<std::uint32_t>(count)};
}

Shard shard_from_scheduler(std::optional<std::uint32_t> shard_count, const EnvLookup& env) {
  if (env("SLURM_ARRAY_TASK_ID")) {
    std::uint64_t id = env_number(env, "SLURM_ARRAY_TASK_ID");
    std::uint64_t min = env("SLURM_ARRAY_TASK_MIN") ? env_number(env, "SLURM_ARRAY_TASK_MIN") : 0;
    if (id < min) throw_usage("--shard auto: SLURM_ARRAY_TASK_ID is below SLURM_ARRAY_TASK_MIN");
    std::uint64_t count = shard_count ? *shard_count : env_number(env, "SLURM_ARRAY_TASK_COUNT");
    return checked(id - min + 1, count, "--shard auto (Slurm)");
  }
  const char* name = env("JOB_COMPLETION_INDEX") ? "JOB_COMPLETION_INDEX"
                     : env("PARALLEL_SEQ")       ? "PARALLEL_SEQ"
                                                 : nullptr;
  if (name == nullptr) {
    throw_usage(
        "--shard auto: none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or PARALLEL_SEQ is set");
  }
  if (!shard_count) throw_usage(std::string("--shard auto with ") + name + " needs --shard-count N");
  // Kubernetes counts from 0, GNU parallel from 1.
  std::uint64_t index = env_number(env, name) + (name[0] == 'J' ? 1 : 0);
  return checked(index, *shard_count, std::string("--shard auto (") + name + ")");
}

}  // namespace

std::uint32_t shard_of(std::string_view id, std::uint32_t count) {
  std::string hex = sha256_hex(id);
  std::uint64_t prefix = 0;
  std::from_chars(hex.data(), hex.data() + 16, prefix, 16);
  return static_cast<std::uint32_t>(prefix % (count == 0 ? 1 : count)) + 1;
}

bool in_shard(std::string_view id, const Shard& shard) {
  return shard_of(id, shard.count) == shard.index;
}

EnvLookup process_environment() {
  return [](const char* name) -> std::optional<std::string> {
    const char* value = std::getenv(name);
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

Shard parse_shard(std::string_view value, std::optional<std::uint32_t> shard_count,
                  const EnvLookup& env) {
  if (value == "auto") return shard_from_scheduler(shard_count, env);
  auto slash = value.find('/');
  auto index = slash == std::string_view::npos ? std::nullopt : parse_unsigned(value.substr(0, slash));
  auto count = slash == std::string_view::npos ? std::nullopt : parse_unsigned(value.substr(slash + 1));
  if (!index || !count) {
    throw_usage("--shard: expected K/N (e.g. 2/8) or auto, not '" + std::string(value) + "'");
  }
  if (shard_count && *shard_count != *count) {
    throw_usage("--shard " + std::string(value) + " disagrees with --shard-count " +
                std::to_string(*shard_count));
  }
  return checked(*index, *count, "--shard " + std::string(value));
}

std::uint32_t parse_shard_count(std::string_view value) {
  auto count = parse_unsigned(value);
  if (!count || *count < 1 || *count > kMaxShards) {
    throw_usage("--shard-count must be a whole number from 1 to " + std::to_string(kMaxShards) + ", not '" +
                std::string(value) + "'");
  }
  return static_cast<std::uint32_t>(*count);
}

std::optional<Shard> shard_from_options(const std::string& shard, const std::string& shard_count,
                                        const EnvLookup& env) {
  if (shard.empty()) {
    if (!shard_count.empty()) throw_usage("--shard-count needs --shard auto (or --shard K/N)");
    return std::nullopt;
  }
  std::optional<std::uint32_t> count;
  if (!shard_count.empty()) count = parse_shard_count(shard_count);
  return parse_shard(shard, count, env);
}

std::string shard_name(const Shard& shard) {
  return "shard-" + std::to_string(shard.index) + "-of-" + std::to_string(shard.count);
}

}  // namespace readaloud
