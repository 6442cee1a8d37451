#include "util/digest.hpp"

#include <openssl/evp.h>

#include "util/error.hpp"

namespace readaloud {
namespace {

template <std::size_t N>
std::array<unsigned char, N> digest(std::string_view bytes, const EVP_MD* md, const char* name) {
  std::array<unsigned char, N> out{};
  unsigned int size = 0;
  if (!EVP_Digest(bytes.data(), bytes.size(), out.data(), &size, md, nullptr) || size != N)
    throw_runtime(std::string(name) + " failed (OpenSSL)");
  return out;
}

}  // namespace

std::array<unsigned char, 20> sha1(std::string_view bytes) { return digest<20>(bytes, EVP_sha1(), "SHA-1"); }

std::array<unsigned char, 32> sha256(std::string_view bytes) { return digest<32>(bytes, EVP_sha256(), "SHA-256"); }

std::string hex_lower(std::span<const unsigned char> bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const unsigned char b : bytes) {
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

std::string base64(std::span<const unsigned char> bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');  // EVP_EncodeBlock writes a NUL after the text
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes.data(), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string sha256_hex(std::string_view bytes) { return hex_lower(sha256(bytes)); }

}  // namespace readaloud
