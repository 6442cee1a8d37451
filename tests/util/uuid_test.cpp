#include "util/uuid.hpp"

#include <gtest/gtest.h>

namespace readaloud {
namespace {

// Expected values from Python's uuid.uuid5, an independent implementation.
TEST(UuidV5, MatchesPythonsUuid5) {
  EXPECT_EQ(uuid_text(uuid_v5(kUuidNamespaceDns, "python.org")), "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  EXPECT_EQ(uuid_text(uuid_v5(kUuidNamespaceUrl, "http://python.org/")), "4c565f0d-3f5a-5890-b41b-20cf47701c5e");
  EXPECT_EQ(uuid_text(uuid_v5(kUuidNamespaceDns, "")), "4ebd0208-8328-5d69-8c44-ec50939c0967");
  EXPECT_EQ(uuid_text(uuid_v5(kUuidNamespaceDns, "h\xc3\xa9llo.example")), "6f198ba9-c4dd-5b07-9d3f-b2d2a54638dc");
}

TEST(UuidV5, SetsTheVersionAndTheVariant) {
  for (const char* name : {"a", "b", "readaloud", "\xff\xff\xff"}) {
    const Uuid id = uuid_v5(kUuidNamespaceUrl, name);
    EXPECT_EQ(id[6] >> 4, 5) << name;
    EXPECT_EQ(id[8] >> 6, 2) << name;
  }
}

TEST(UuidV5, DependsOnTheNameSpace) {
  EXPECT_NE(uuid_v5(kUuidNamespaceDns, "python.org"), uuid_v5(kUuidNamespaceUrl, "python.org"));
}

TEST(UuidLiteral, ReadsTheTextForm) {
  constexpr Uuid dns = uuid_literal("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
  EXPECT_EQ(dns[0], 0x6b);
  EXPECT_EQ(dns[15], 0xc8);
  EXPECT_EQ(uuid_text(dns), "6ba7b810-9dad-11d1-80b4-00c04fd430c8");
  EXPECT_EQ(uuid_text(kUuidNamespaceUrl), "6ba7b811-9dad-11d1-80b4-00c04fd430c8");
}

}  // namespace
}  // namespace readaloud
